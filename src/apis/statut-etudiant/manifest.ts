/**
 * The manifest of the API Statut étudiant connector (MESRI), through API Particulier in
 * FranceConnect mode. Pure data, no import but types: the scope registry of the root
 * entry reads it without pulling in the connector; the connector imports only the small lists
 * (`scopeNames`, `hosts`…), so its bundle leaves the labels out.
 *
 * @module
 */
import type { ConnectorManifest, ConnectorSandbox, ManifestScopeDetail } from '../../registry/manifest.js'

const v2Only = ['franceconnect'] as const

/** Every FranceConnect scope the connector may ask, in the registry's order. */
export const scopeNames = [
  'mesri_identite',
  'mesri_admissions',
  'mesri_admission_inscrit',
  'mesri_admission_regime_formation',
  'mesri_admission_commune_etudes',
  'mesri_admission_etablissement_etude',
] as const

/** API Particulier’s hosts. */
export const hosts = {
  production: 'https://particulier.api.gouv.fr',
  staging: 'https://staging.particulier.api.gouv.fr',
} as const

/** The API Statut étudiant as data: its scopes with their labels and fields, its hosts, its parameters. */
export const statutEtudiantManifest = {
  id: 'statut-etudiant',
  factory: 'statutEtudiant',
  label: 'API Statut étudiant',
  provider: 'MESRI',
  scopes: scopeNames,
  scopeDetails: {
    mesri_identite: {
      label: 'Identité de l’étudiant',
      labelSource: 'reference',
      fields: [],
      fieldsNote: 'The published v3 schema has no identity block; ⚠️ API Particulier may add one under this scope, left in `raw`.',
      platforms: v2Only,
    },
    mesri_admissions: {
      label: 'Liste des admissions de l’étudiant',
      labelSource: 'reference',
      fields: ['admissions', 'admissions[].date_debut', 'admissions[].date_fin'],
      fieldsNote: '⚠️ Mapping inferred from the labels; API Particulier v3 `data.admissions[]`.',
      platforms: v2Only,
    },
    mesri_admission_inscrit: {
      label: 'Pour chaque admission, indique si l’étudiant est passé à inscrit',
      labelSource: 'reference',
      fields: ['admissions[].est_inscrit'],
      fieldsNote: '⚠️ Mapping inferred from the labels; API Particulier v3 `data.admissions[]`.',
      platforms: v2Only,
    },
    mesri_admission_regime_formation: {
      label: 'Régime de formation',
      labelSource: 'reference',
      fields: ['admissions[].regime_formation'],
      fieldsNote: '⚠️ Mapping inferred from the labels; API Particulier v3 `data.admissions[]`.',
      platforms: v2Only,
    },
    mesri_admission_commune_etudes: {
      label: 'Code COG Insee de la commune de l’établissement',
      labelSource: 'reference',
      fields: ['admissions[].code_cog_insee_commune'],
      fieldsNote: '⚠️ Mapping inferred from the labels; API Particulier v3 `data.admissions[]`.',
      platforms: v2Only,
    },
    mesri_admission_etablissement_etude: {
      label: 'Appellation et code UAI de l’établissement',
      labelSource: 'reference',
      fields: ['admissions[].etablissement_etudes'],
      fieldsNote:
        '⚠️ Mapping inferred from the labels; API Particulier v3 `data.admissions[]`. ⚠️ FranceConnect spells the scope without the final "s" that API Particulier and DataPass use.',
      platforms: v2Only,
    },
  } satisfies Record<(typeof scopeNames)[number], ManifestScopeDetail>,
  hosts,
  parameters: [],
} as const satisfies ConnectorManifest

/** How the sandbox (`franceconnect-sdk/testing`) serves it: API Particulier's mock, with its `recipient`. */
export const sandbox = { mock: 'api-particulier', options: ['recipient'] } as const satisfies ConnectorSandbox
