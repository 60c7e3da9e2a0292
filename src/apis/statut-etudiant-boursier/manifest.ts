/**
 * The manifest of the API Statut étudiant boursier connector (CNOUS), through API Particulier in FranceConnect mode (reference §6). Pure data, no import but types: the scope
 * registry of the root entry reads it without pulling in the connector.
 *
 * @module
 */
import type { ConnectorManifest } from '../../registry/manifest.js'

const both = ['franceconnect', 'franceconnect-plus'] as const

/** The API Statut étudiant boursier as data: its scopes with their labels and fields, its hosts, its parameters. */
export const statutEtudiantBoursierManifest = {
  id: 'statut-etudiant-boursier',
  factory: 'statutEtudiantBoursier',
  label: 'API Statut étudiant boursier',
  provider: 'CNOUS',
  scopes: [
    {
      scope: 'cnous_statut_boursier',
      label: 'Statut boursier',
      labelSource: 'derived',
      fields: ['est_boursier', 'statut_boursier'],
      fieldsNote: 'v3 `est_boursier`, v4 `statut_boursier`.',
      platforms: both,
    },
    {
      scope: 'cnous_echelon_bourse',
      label: 'Échelon de la bourse',
      labelSource: 'derived',
      fields: ['echelon_bourse'],
      platforms: both,
    },
    {
      scope: 'cnous_email',
      label: 'Adresse électronique',
      labelSource: 'derived',
      fields: ['email'],
      platforms: both,
    },
    {
      scope: 'cnous_periode_versement',
      label: 'Période de versement de la bourse',
      labelSource: 'derived',
      fields: ['periode_versement_bourse'],
      platforms: both,
    },
    {
      scope: 'cnous_statut_bourse',
      label: 'Statut de la bourse (définitif ou provisoire)',
      labelSource: 'derived',
      fields: ['statut', 'statutLibelle'],
      fieldsNote: 'API Particulier v2 field names; the v3/v4 payloads have no such field (reference §6.3).',
      platforms: both,
    },
    {
      scope: 'cnous_ville_etudes',
      label: 'Ville d’études et établissement',
      labelSource: 'reference',
      fields: ['etablissement_etudes'],
      platforms: both,
    },
    {
      scope: 'cnous_identite',
      label: 'Identité',
      labelSource: 'reference',
      fields: [],
      fieldsNote:
        'The v3/v4 payloads carry no identity block (v2 had nom, prenom, prenom2, dateNaissance, lieuNaissance, sexe) (reference §6.3).',
      platforms: both,
    },
  ],
  // API Particulier’s hosts (reference §5.3).
  hosts: {
    production: 'https://particulier.api.gouv.fr',
    staging: 'https://staging.particulier.api.gouv.fr',
  },
  parameters: [],
} as const satisfies ConnectorManifest
