/** Lucie FONTAINE: nobody knows her, every API answers 404. */
import type { SandboxIdentity } from '../types.js'

/** Lucie FONTAINE, with no data anywhere. */
export function lucie(): SandboxIdentity {
  return {
    id: 'lucie-fontaine',
    description: 'Aucune donnée dans les API (chaque API répond 404)',
    given_name: 'Lucie',
    given_name_array: ['Lucie'],
    family_name: 'FONTAINE',
    gender: 'female',
    birthdate: '1999-09-30',
    birthplace: '44109',
    birthcountry: '99100',
    email: 'lucie.fontaine@example.com',
    data: {},
  }
}
