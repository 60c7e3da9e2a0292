/**
 * The manifest of the API de droits à l’Assurance Maladie connector (CNAM), "API des droits assurés" v1 (reference §3). Pure data, no import but types: the scope
 * registry of the root entry reads it without pulling in the connector.
 *
 * @module
 */
import type { ConnectorManifest } from '../../registry/manifest.js'

const both = ['franceconnect', 'franceconnect-plus'] as const

/** The API de droits à l’Assurance Maladie as data: its scopes with their labels and fields, its hosts, its parameters. */
export const droitsAssuranceMaladieManifest = {
  id: 'droits-assurance-maladie',
  factory: 'droitsAssuranceMaladie',
  label: 'API de droits à l’Assurance Maladie',
  provider: 'CNAM',
  scopes: [
    {
      scope: 'droits_assurance_maladie',
      label: 'Droits Assurance Maladie',
      labelSource: 'reference',
      fields: ['Beneficiaire', 'Caisse', 'Contrat', 'Exoneration', 'MedecinTraitant'],
      fieldsNote: 'The scope the API requires for every route (reference §3.2); fields are its schemas (§3.4).',
      platforms: both,
    },
    {
      scope: 'cnam_beneficiaires',
      label: 'Liste de vos ayant-droits',
      labelSource: 'reference',
      fields: ['Beneficiaire'],
      fieldsNote:
        '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented (reference §3.2).',
      platforms: both,
    },
    {
      scope: 'cnam_contrats',
      label: 'Vos droits de base',
      labelSource: 'reference',
      fields: ['Contrat'],
      fieldsNote:
        '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented (reference §3.2).',
      platforms: both,
    },
    {
      scope: 'cnam_caisse',
      label: 'Votre caisse gestionnaire',
      labelSource: 'reference',
      fields: ['Caisse'],
      fieldsNote:
        '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented (reference §3.2).',
      platforms: both,
    },
    {
      scope: 'cnam_exonerations',
      label: 'Vos exonérations ou modulations éventuelles',
      labelSource: 'reference',
      fields: ['Exoneration'],
      fieldsNote:
        '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented (reference §3.2).',
      platforms: both,
    },
    {
      scope: 'cnam_medecin_traitant',
      label: 'Votre médecin traitant',
      labelSource: 'reference',
      fields: ['MedecinTraitant'],
      fieldsNote:
        '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented (reference §3.2).',
      platforms: both,
    },
    {
      scope: 'cnam_presence_medecin_traitant',
      label: 'Présence d’un médecin traitant',
      labelSource: 'reference',
      fields: ['medecin_traitant_choisi'],
      fieldsNote:
        '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented (reference §3.2).',
      platforms: both,
    },
  ],
  defaultScopes: ['droits_assurance_maladie'],
  // The spec publishes only the test host; production’s is given by the CNAM (⚠️).
  hosts: {
    test: 'https://partenaires.api.ameli.fr/test/v1/droits/beneficiaires',
  },
  parameters: [
    { name: 'dateDebut', description: 'Start of the window, YYYY-MM-DD (the CNAM’s default: today).', required: false },
    { name: 'dateFin', description: 'End of the window, YYYY-MM-DD, not before dateDebut.', required: false },
  ],
} as const satisfies ConnectorManifest
