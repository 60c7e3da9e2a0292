import { createHash } from 'node:crypto'
import type { TestIdentity } from './types.js'

/**
 * Builds a pairwise-shaped `sub`: 64 lowercase hex chars followed by "v1" (66 chars), the format
 * FranceConnect computes with sha256(entityId + identityHash + secret) + "v1" (§7.1). Deterministic
 * so tests can hard-code expectations if they want.
 */
export function testSub(seed: string): string {
  return `${createHash('sha256').update(`fc-test-op:${seed}`).digest('hex')}v1`
}

/**
 * Default people. The first one is the public demo identity of §16 (identity-provider-example
 * `test`/`123`); the second one is born abroad, so `birthplace` is "" (§9.4, gotcha 11), with a
 * presumed birth date normalised in `birthdate` and raw in `idp_birthdate` (§9.4).
 * ProConnect claims (§15) are present too; every variant releases only what its scopes map to.
 */
export const DEFAULT_IDENTITIES: readonly TestIdentity[] = Object.freeze([
  {
    sub: testSub('angela-claire-louise-dubois'),
    given_name: 'Angela Claire Louise',
    given_name_array: ['Angela', 'Claire', 'Louise'],
    family_name: 'DUBOIS',
    gender: 'female',
    birthdate: '1962-08-24',
    birthplace: '75107',
    birthcountry: '99100',
    email: 'wossewodda-3728@yopmail.com',
    preferred_username: '',
    idp_birthdate: '1962-08-24',
    idp_id: 'fia1v2',
    // ProConnect (§15)
    usual_name: 'DUBOIS',
    uid: 'angela-dubois',
    siret: '21750001600019',
    phone: '0123456789',
  },
  {
    sub: testSub('carlos-jose-garcia-lopez'),
    given_name: 'Carlos José',
    given_name_array: ['Carlos', 'José'],
    family_name: 'GARCIA LOPEZ',
    gender: 'male',
    birthdate: '1985-03-01',
    birthplace: '',
    birthcountry: '99134',
    email: 'carlos.garcia@example.com',
    preferred_username: 'MARTIN',
    idp_birthdate: '1985-03-00',
    idp_id: 'fia1v2',
    usual_name: 'MARTIN',
    uid: 'carlos-garcia',
    siret: '13002526500013',
    phone: '0612345678',
  },
])
