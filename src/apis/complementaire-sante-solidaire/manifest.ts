/**
 * The manifest of the API Complémentaire santé solidaire connector (DSS), through API Particulier in FranceConnect mode (reference §7). Pure data, no import but types: the scope
 * registry of the root entry reads it without pulling in the connector.
 *
 * @module
 */
import type { ConnectorManifest } from '../../registry/manifest.js'

const v2Only = ['franceconnect'] as const

/** The API Complémentaire santé solidaire as data: its scopes with their labels and fields, its hosts, its parameters. */
export const complementaireSanteSolidaireManifest = {
  id: 'complementaire-sante-solidaire',
  factory: 'complementaireSanteSolidaire',
  label: 'API Complémentaire santé solidaire',
  provider: 'DSS',
  scopes: [
    {
      scope: 'complementaire_sante_solidaire',
      label: 'Statut bénéficiaire C2S',
      labelSource: 'derived',
      fields: ['est_beneficiaire', 'avec_participation', 'date_debut_droit'],
      platforms: v2Only,
    },
  ],
  // API Particulier’s hosts (reference §5.3).
  hosts: {
    production: 'https://particulier.api.gouv.fr',
    staging: 'https://staging.particulier.api.gouv.fr',
  },
  parameters: [],
} as const satisfies ConnectorManifest
