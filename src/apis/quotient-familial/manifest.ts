/**
 * The manifest of the API Quotient familial CAF & MSA connector, through API Particulier in
 * FranceConnect mode, DSS route. Pure data, no import but types: the scope registry
 * of the root entry reads it without pulling in the connector; the connector imports only the small
 * lists (`scopeNames`, `hosts`…), so its bundle leaves the labels out.
 *
 * @module
 */
import type { ConnectorManifest, ConnectorSandbox, ManifestScopeDetail } from '../../registry/manifest.js'

const v2Only = ['franceconnect'] as const

/** Every FranceConnect scope the connector may ask, in the registry's order. */
export const scopeNames = ['cnaf_quotient_familial', 'cnaf_allocataires', 'cnaf_enfants', 'cnaf_adresse'] as const

/** API Particulier’s hosts. */
export const hosts = {
  production: 'https://particulier.api.gouv.fr',
  staging: 'https://staging.particulier.api.gouv.fr',
} as const

/** The API Quotient familial CAF & MSA as data: its scopes with their labels and fields, its hosts, its parameters. */
export const quotientFamilialManifest = {
  id: 'quotient-familial',
  factory: 'quotientFamilial',
  label: 'API Quotient familial CAF & MSA',
  provider: 'CNAF/MSA',
  scopes: scopeNames,
  scopeDetails: {
    cnaf_quotient_familial: {
      label: 'Quotient familial CAF & MSA et composition familiale',
      labelSource: 'derived',
      fields: ['quotient_familial'],
      fieldsNote: '⚠️ Mapping inferred from the scope names.',
      platforms: v2Only,
    },
    cnaf_allocataires: {
      label: 'Identités allocataire et conjoint',
      labelSource: 'derived',
      fields: ['allocataires'],
      fieldsNote: '⚠️ Mapping inferred from the scope names.',
      platforms: v2Only,
    },
    cnaf_enfants: {
      label: 'Identités enfants',
      labelSource: 'derived',
      fields: ['enfants'],
      fieldsNote: '⚠️ Mapping inferred from the scope names.',
      platforms: v2Only,
    },
    cnaf_adresse: {
      label: 'Adresse du foyer',
      labelSource: 'derived',
      fields: ['adresse'],
      fieldsNote: '⚠️ Mapping inferred from the scope names.',
      platforms: v2Only,
    },
  } satisfies Record<(typeof scopeNames)[number], ManifestScopeDetail>,
  hosts,
  parameters: [
    { name: 'annee', description: 'Year of the month asked, at most two years back (Paris time).', required: false },
    { name: 'mois', description: 'Month asked, 1 to 12.', required: false },
  ],
} as const satisfies ConnectorManifest

/** How the sandbox (`franceconnect-sdk/testing`) serves it: API Particulier's mock, with its `recipient`. */
export const sandbox = { mock: 'api-particulier', options: ['recipient'] } as const satisfies ConnectorSandbox
