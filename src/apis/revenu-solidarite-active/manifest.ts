/**
 * The manifest of the API Revenu de solidarité active connector, CNAF data through API Particulier
 * in FranceConnect mode, DSS route. Pure data, no import but types: the scope
 * registry of the root entry reads it without pulling in the connector; the connector imports only
 * the small lists (`scopeNames`, `hosts`…), so its bundle leaves the labels out.
 *
 * @module
 */
import type { ConnectorManifest, ConnectorSandbox, ManifestScopeDetail } from '../../registry/manifest.js'

const v2Only = ['franceconnect'] as const

/** Every FranceConnect scope the connector may ask, in the registry's order. */
export const scopeNames = ['revenu_solidarite_active', 'revenu_solidarite_active_majoration'] as const

/** API Particulier’s hosts. */
export const hosts = {
  production: 'https://particulier.api.gouv.fr',
  staging: 'https://staging.particulier.api.gouv.fr',
} as const

/** The API Revenu de solidarité active as data: its scopes with their labels and fields, its hosts, its parameters. */
export const revenuSolidariteActiveManifest = {
  id: 'revenu-solidarite-active',
  factory: 'revenuSolidariteActive',
  label: 'API Revenu de solidarité active',
  provider: 'CNAF/MSA',
  scopes: scopeNames,
  scopeDetails: {
    revenu_solidarite_active: {
      label: 'Statut bénéficiaire RSA',
      labelSource: 'derived',
      fields: ['est_beneficiaire', 'date_debut_droit'],
      fieldsNote: '⚠️ Mapping inferred from the scope names.',
      platforms: v2Only,
    },
    revenu_solidarite_active_majoration: {
      label: 'Statut bénéficiaire majoration',
      labelSource: 'derived',
      fields: ['avec_majoration'],
      fieldsNote: '⚠️ Mapping inferred from the scope names.',
      platforms: v2Only,
    },
  } satisfies Record<(typeof scopeNames)[number], ManifestScopeDetail>,
  hosts,
  parameters: [],
} as const satisfies ConnectorManifest

/** How the sandbox (`franceconnect-sdk/testing`) serves it: API Particulier's mock, with its `recipient`. */
export const sandbox = { mock: 'api-particulier', options: ['recipient'] } as const satisfies ConnectorSandbox
