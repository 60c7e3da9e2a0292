/**
 * The manifest of the API Complémentaire santé solidaire connector (DSS), through API Particulier
 * in FranceConnect mode. Pure data, no import but types: the scope registry of the
 * root entry reads it without pulling in the connector; the connector imports only the small lists
 * (`scopeNames`, `hosts`…), so its bundle leaves the labels out.
 *
 * @module
 */
import type { ConnectorManifest, ConnectorSandbox, ManifestScopeDetail } from '../../registry/manifest.js'

const v2Only = ['franceconnect'] as const

/** Every FranceConnect scope the connector may ask, in the registry's order. */
export const scopeNames = ['complementaire_sante_solidaire'] as const

/** API Particulier’s hosts. */
export const hosts = {
  production: 'https://particulier.api.gouv.fr',
  staging: 'https://staging.particulier.api.gouv.fr',
} as const

/** The API Complémentaire santé solidaire as data: its scopes with their labels and fields, its hosts, its parameters. */
export const complementaireSanteSolidaireManifest = {
  id: 'complementaire-sante-solidaire',
  factory: 'complementaireSanteSolidaire',
  label: 'API Complémentaire santé solidaire',
  provider: 'DSS',
  scopes: scopeNames,
  scopeDetails: {
    complementaire_sante_solidaire: {
      label: 'Statut bénéficiaire C2S',
      labelSource: 'derived',
      fields: ['est_beneficiaire', 'avec_participation', 'date_debut_droit'],
      platforms: v2Only,
    },
  } satisfies Record<(typeof scopeNames)[number], ManifestScopeDetail>,
  hosts,
  parameters: [],
} as const satisfies ConnectorManifest

/** How the sandbox (`franceconnect-sdk/testing`) serves it: API Particulier's mock, with its `recipient`. */
export const sandbox = { mock: 'api-particulier', options: ['recipient'] } as const satisfies ConnectorSandbox
