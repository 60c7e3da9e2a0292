/**
 * The ProConnect agents: their organisations, SIRET, identity providers and levels (every agent,
 * organisation and SIRET but DINUM's is fictitious).
 */
import type { SandboxIdentity } from '../types.js'

const AGENTS: readonly SandboxIdentity[] = [
  {
    id: 'marie-lambert',
    given_name: 'Marie',
    family_name: 'LAMBERT',
    usual_name: 'LAMBERT',
    gender: 'female',
    birthdate: '1980-05-14',
    birthplace: '75056',
    birthcountry: '99100',
    email: 'marie.lambert@agents.example.fr',
    uid: 'c0a8f3e2-5b1d-4c7e-9a2f-1d3e5f7a9b01',
    siret: '13002526500013',
    siren: '130025265',
    organizational_unit: 'Direction interministérielle du numérique',
    belonging_population: 'agent',
    phone_number: '0140000000',
    idp_id: 'proconnect-identite',
    idp_acr: 'eidas1',
    custom: {},
    description: 'Agente de l’État (DINUM)',
  },
  {
    id: 'paul-moreau',
    given_name: 'Paul',
    family_name: 'MOREAU',
    usual_name: 'MOREAU',
    gender: 'male',
    birthdate: '1975-11-02',
    birthplace: '33063',
    birthcountry: '99100',
    email: 'paul.moreau@mairie.example.fr',
    uid: '7d2e9c41-0f6a-4b3d-8e5c-2a4b6c8d0e12',
    siret: '33189457200014',
    siren: '331894572',
    organizational_unit: 'Service de l’état civil',
    belonging_population: 'agent',
    phone_number: '0123456789',
    idp_id: 'agents-territoriaux',
    idp_acr: 'eidas1-mfa',
    custom: { matricule: 'T-4521' },
    description: 'Agent territorial, authentification à deux facteurs',
  },
  {
    id: 'sophie-durand',
    given_name: 'Sophie',
    family_name: 'DURAND',
    usual_name: 'DURAND',
    gender: 'female',
    birthdate: '1969-02-27',
    birthplace: '69123',
    birthcountry: '99100',
    email: 'sophie.durand@entreprise.example.fr',
    uid: 'e4b7a2c9-3d8f-4e1a-b6c5-9f0e1d2c3b24',
    siret: '85234176900010',
    siren: '852341769',
    organizational_unit: 'Direction générale',
    belonging_population: 'dirigeant',
    phone_number: '0612345678',
    idp_id: 'proconnect-identite',
    idp_acr: 'https://proconnect.gouv.fr/assurance/certification-dirigeant',
    custom: {},
    description: 'Dirigeante d’entreprise',
  },
]

/** A fresh copy of the agents, in the order of ProConnect's login page. */
export function agents(): SandboxIdentity[] {
  return structuredClone([...AGENTS])
}
