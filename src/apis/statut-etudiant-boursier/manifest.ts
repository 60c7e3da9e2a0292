/**
 * The manifest of the API Statut étudiant boursier connector (CNOUS), through API Particulier in
 * FranceConnect mode. Pure data, no import but types: the scope registry of the root
 * entry reads it without pulling in the connector; the connector imports only the small lists
 * (`scopeNames`, `hosts`…), so its bundle leaves the labels out.
 *
 * @module
 */
import type { ConnectorManifest, ConnectorSandbox, ManifestScopeDetail } from '../../registry/manifest.js'

const both = ['franceconnect', 'franceconnect-plus'] as const

/** Every FranceConnect scope the connector may ask, in the registry's order. */
export const scopeNames = [
  'cnous_statut_boursier',
  'cnous_echelon_bourse',
  'cnous_email',
  'cnous_periode_versement',
  'cnous_statut_bourse',
  'cnous_ville_etudes',
  'cnous_identite',
] as const

/** API Particulier’s hosts. */
export const hosts = {
  production: 'https://particulier.api.gouv.fr',
  staging: 'https://staging.particulier.api.gouv.fr',
} as const

/** The API Statut étudiant boursier as data: its scopes with their labels and fields, its hosts, its parameters. */
export const statutEtudiantBoursierManifest = {
  id: 'statut-etudiant-boursier',
  factory: 'statutEtudiantBoursier',
  label: 'API Statut étudiant boursier',
  provider: 'CNOUS',
  scopes: scopeNames,
  scopeDetails: {
    cnous_statut_boursier: {
      label: 'Statut boursier',
      labelSource: 'derived',
      fields: ['est_boursier', 'statut_boursier'],
      fieldsNote: 'v3 `est_boursier`, v4 `statut_boursier`.',
      platforms: both,
    },
    cnous_echelon_bourse: {
      label: 'Échelon de la bourse',
      labelSource: 'derived',
      fields: ['echelon_bourse'],
      platforms: both,
    },
    cnous_email: {
      label: 'Adresse électronique',
      labelSource: 'derived',
      fields: ['email'],
      platforms: both,
    },
    cnous_periode_versement: {
      label: 'Période de versement de la bourse',
      labelSource: 'derived',
      fields: ['periode_versement_bourse'],
      platforms: both,
    },
    cnous_statut_bourse: {
      label: 'Statut de la bourse (définitif ou provisoire)',
      labelSource: 'derived',
      fields: ['statut', 'statutLibelle'],
      fieldsNote: 'API Particulier v2 field names; the v3/v4 payloads have no such field.',
      platforms: both,
    },
    cnous_ville_etudes: {
      label: 'Ville d’études et établissement',
      labelSource: 'reference',
      fields: ['etablissement_etudes'],
      platforms: both,
    },
    cnous_identite: {
      label: 'Identité',
      labelSource: 'reference',
      fields: [],
      fieldsNote: 'The v3/v4 payloads carry no identity block (v2 had nom, prenom, prenom2, dateNaissance, lieuNaissance, sexe).',
      platforms: both,
    },
  } satisfies Record<(typeof scopeNames)[number], ManifestScopeDetail>,
  hosts,
  parameters: [],
} as const satisfies ConnectorManifest

/** How the sandbox (`franceconnect-sdk/testing`) serves it: API Particulier's mock, with its `recipient`. */
export const sandbox = { mock: 'api-particulier', options: ['recipient'] } as const satisfies ConnectorSandbox
