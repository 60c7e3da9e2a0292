/**
 * The manifest of the API Liste des paiements France Travail connector, served by France Travail itself (reference §8.2). Pure data, no import but types: the scope
 * registry of the root entry reads it without pulling in the connector.
 *
 * @module
 */
import type { ConnectorManifest } from '../../registry/manifest.js'

const v2Only = ['franceconnect'] as const

/** The API Liste des paiements France Travail as data: its scopes with their labels and fields, its hosts, its parameters. */
export const franceTravailPaiementsManifest = {
  id: 'france-travail-paiements',
  factory: 'franceTravailPaiements',
  label: 'API Liste des paiements France Travail',
  provider: 'France Travail',
  scopes: [
    {
      scope: 'api_fc-liste-paiementsv1',
      label: 'Liste des paiements de France Travail pour la période d’inscription en cours',
      labelSource: 'derived',
      fields: ['statutInscription', 'listePaiement'],
      fieldsNote:
        '`listePaiement[]` holds date_paiement, montant_paiement, allocations, aides, autres_paiements (reference §8.2).',
      platforms: v2Only,
    },
  ],
  // The partner API host is given by France Travail: `baseUrl` is required.
  hosts: {},
  parameters: [],
} as const satisfies ConnectorManifest
