/**
 * The manifest of the API de droits à l’Assurance Maladie connector (CNAM), "API des droits
 * assurés" v1. Pure data, no import but types: the scope registry of the root entry
 * reads it without pulling in the connector; the connector imports only the small lists
 * (`scopeNames`, `hosts`…), so its bundle leaves the labels out.
 *
 * @module
 */
import type { ConnectorManifest, ConnectorSandbox, ManifestScopeDetail } from '../../registry/manifest.js'

const both = ['franceconnect', 'franceconnect-plus'] as const

/** Every FranceConnect scope the connector may ask, in the registry's order. */
export const scopeNames = [
  'droits_assurance_maladie',
  'cnam_beneficiaires',
  'cnam_contrats',
  'cnam_caisse',
  'cnam_exonerations',
  'cnam_medecin_traitant',
  'cnam_presence_medecin_traitant',
] as const

/** What the connector asks when the app gives no `scopes`. */
export const defaultScopes = ['droits_assurance_maladie'] as const

/** The spec publishes only the test host; production’s is given by the CNAM (⚠️). */
export const hosts = {
  test: 'https://partenaires.api.ameli.fr/test/v1/droits/beneficiaires',
} as const

/** The API de droits à l’Assurance Maladie as data: its scopes with their labels and fields, its hosts, its parameters. */
export const droitsAssuranceMaladieManifest = {
  id: 'droits-assurance-maladie',
  factory: 'droitsAssuranceMaladie',
  label: 'API de droits à l’Assurance Maladie',
  provider: 'CNAM',
  scopes: scopeNames,
  scopeDetails: {
    droits_assurance_maladie: {
      label: 'Droits Assurance Maladie',
      labelSource: 'reference',
      fields: ['Beneficiaire', 'Caisse', 'Contrat', 'Exoneration', 'MedecinTraitant'],
      fieldsNote: 'The scope the API requires for every route; fields are its schemas.',
      platforms: both,
    },
    cnam_beneficiaires: {
      label: 'Liste de vos ayant-droits',
      labelSource: 'reference',
      fields: ['Beneficiaire'],
      fieldsNote: '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented.',
      platforms: both,
    },
    cnam_contrats: {
      label: 'Vos droits de base',
      labelSource: 'reference',
      fields: ['Contrat'],
      fieldsNote: '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented.',
      platforms: both,
    },
    cnam_caisse: {
      label: 'Votre caisse gestionnaire',
      labelSource: 'reference',
      fields: ['Caisse'],
      fieldsNote: '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented.',
      platforms: both,
    },
    cnam_exonerations: {
      label: 'Vos exonérations ou modulations éventuelles',
      labelSource: 'reference',
      fields: ['Exoneration'],
      fieldsNote: '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented.',
      platforms: both,
    },
    cnam_medecin_traitant: {
      label: 'Votre médecin traitant',
      labelSource: 'reference',
      fields: ['MedecinTraitant'],
      fieldsNote: '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented.',
      platforms: both,
    },
    cnam_presence_medecin_traitant: {
      label: 'Présence d’un médecin traitant',
      labelSource: 'reference',
      fields: ['medecin_traitant_choisi'],
      fieldsNote: '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented.',
      platforms: both,
    },
  } satisfies Record<(typeof scopeNames)[number], ManifestScopeDetail>,
  defaultScopes,
  hosts,
  parameters: [
    { name: 'dateDebut', description: 'Start of the window, YYYY-MM-DD (the CNAM’s default: today).', required: false },
    { name: 'dateFin', description: 'End of the window, YYYY-MM-DD, not before dateDebut.', required: false },
  ],
} as const satisfies ConnectorManifest

/** How the sandbox (`franceconnect-sdk/testing`) serves it: the CNAM droits mock, with its API key. */
export const sandbox = { mock: 'cnam-droits', options: ['apiKey'] } as const satisfies ConnectorSandbox
