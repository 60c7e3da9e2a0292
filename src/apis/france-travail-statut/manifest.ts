/**
 * The manifest of the API Statut demandeur d’emploi connector, served by France Travail itself.
 * Pure data, no import but types: the scope registry of the root entry reads it
 * without pulling in the connector; the connector imports only the small lists (`scopeNames`,
 * `hosts`…), so its bundle leaves the labels out.
 *
 * @module
 */
import type { ConnectorManifest, ConnectorSandbox, ManifestScopeDetail } from '../../registry/manifest.js'

const v2Only = ['franceconnect'] as const

/** Every FranceConnect scope the connector may ask, in the registry's order. */
export const scopeNames = ['api_fc-statutaugmentev1'] as const

/** The partner API host is given by France Travail: `baseUrl` is required. */
export const hosts = {} as const

/** The API Statut demandeur d’emploi as data: its scopes with their labels and fields, its hosts, its parameters. */
export const franceTravailStatutManifest = {
  id: 'france-travail-statut',
  factory: 'franceTravailStatut',
  label: 'API Statut demandeur d’emploi',
  provider: 'France Travail',
  scopes: scopeNames,
  scopeDetails: {
    'api_fc-statutaugmentev1': {
      label: 'Statut demandeur d’emploi et identité',
      labelSource: 'derived',
      fields: ['etatCivil', 'modalitesContact', 'adresse', 'situationInscription'],
      fieldsNote:
        'Label derived: the reference quotes FranceConnect’s label with an ellipsis ("Statut demandeur d’emploi ou … et identité").',
      platforms: v2Only,
    },
  } satisfies Record<(typeof scopeNames)[number], ManifestScopeDetail>,
  hosts,
  parameters: [],
} as const satisfies ConnectorManifest

/** How the sandbox (`franceconnect-sdk/testing`) serves it: France Travail's mock, with no credential but the FranceConnect token. */
export const sandbox = { mock: 'france-travail', options: [] } as const satisfies ConnectorSandbox
