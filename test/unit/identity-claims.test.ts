/**
 * The identity claims rules (src/registry/identity-claims.ts): each published format refused when
 * broken, accepted when right, the first broken claim named (never its value), unknown claims
 * passed through, ProConnect's nulls accepted, v1's identity without `sub`.
 */
import { describe, expect, it } from 'vitest'
import { ClaimsError } from '../../src/errors/claims-error.js'
import {
  claimsSchemas,
  franceConnectClaimsSchema,
  proConnectClaimsSchema,
  standardClaimsSchema,
  validateClaims,
} from '../../src/registry/identity-claims.js'
import { sandboxIdentities } from '../../src/testing/identities.js'

// The sandbox's persona, whose claims every rule must accept (its extra members pass through).
const sandboxAngela = sandboxIdentities().find((identity) => identity.id === 'angela-dubois')
if (!sandboxAngela) throw new Error('the sandbox has no angela-dubois')
const { id: _id, description: _description, ...personaClaims } = sandboxAngela
const angela: Record<string, unknown> = { ...personaClaims, sub: 'b6048e95bb134ec5', amr: ['pwd'], idp_birthdate: '1962-08-00' }

function refusal(schema: Parameters<typeof validateClaims>[0], claims: Record<string, unknown>): ClaimsError {
  try {
    validateClaims(schema, claims)
  } catch (error) {
    if (error instanceof ClaimsError) return error
    throw error
  }
  throw new Error('the claims were accepted')
}

describe('FranceConnect claims', () => {
  it('accepts the pivot identity and passes unknown claims through, as a copy', () => {
    const input = { ...angela, phone_number: '0600000000' }
    const claims = validateClaims(franceConnectClaimsSchema, input)
    expect(claims).toEqual(input)
    expect(claims).not.toBe(input)
  })

  it('accepts a birthplace of "" (born abroad) and Corsica\'s 2A/2B codes', () => {
    for (const birthplace of ['', '2A004', '2B033']) {
      expect(() => validateClaims(franceConnectClaimsSchema, { ...angela, birthplace })).not.toThrow()
    }
  })

  it.each([
    ['sub', undefined, 'a non-empty string'],
    ['sub', '', 'a non-empty string'],
    ['sub', 42, 'a non-empty string'],
    ['given_name', '', 'a string of 1 to 256 characters'],
    ['given_name', 'x'.repeat(257), 'a string of 1 to 256 characters'],
    ['family_name', { first: 'x' }, 'a string of 1 to 256 characters'],
    ['given_name_array', ['Angela', 3], 'an array of strings'],
    ['given_name_array', 'Angela', 'an array of strings'],
    ['gender', 'F', 'male, female or unspecified'],
    ['birthdate', '24/08/1962', 'a date YYYY-MM-DD'],
    ['birthdate', '1962-08-24T00:00:00Z', 'a date YYYY-MM-DD'],
    ['birthplace', '7510', 'a 5-character INSEE commune code or ""'],
    ['birthplace', '2C004', 'a 5-character INSEE commune code or ""'],
    ['birthcountry', 'FR', 'a 5-digit INSEE country code (99xxx)'],
    ['birthcountry', '98100', 'a 5-digit INSEE country code (99xxx)'],
    ['email', null, 'a string'],
    ['idp_birthdate', '1962-8-0', 'a date YYYY-MM-DD (00 allowed)'],
    ['amr', 'pwd', 'an array of strings'],
    ['rnipp_gender', 'M', 'male, female or unspecified'],
  ])('refuses %s = %j, naming the claim and not its value', (claim, value, expected) => {
    const error = refusal(franceConnectClaimsSchema, { ...angela, [claim]: value })
    expect(error.code).toBe('claims_invalid')
    expect(error.path).toBe(claim)
    expect(error.message).toBe(`Identity claim "${claim}" is invalid: expected ${expected}`)
  })

  it("names the first broken claim in the rules' order", () => {
    expect(refusal(franceConnectClaimsSchema, { ...angela, birthcountry: 'FR', gender: 'F' }).path).toBe('gender')
  })

  it('v1: the same rules with sub optional (a v1 checktoken identity has none)', () => {
    const v1 = { ...franceConnectClaimsSchema, sub: { ...franceConnectClaimsSchema.sub, required: false } }
    const { sub: _sub, ...identity } = angela
    expect(() => validateClaims(v1, identity)).not.toThrow()
    expect(refusal(v1, { ...identity, sub: '' }).path).toBe('sub')
  })
})

describe('ProConnect claims', () => {
  const agent = { sub: 'agent-1', given_name: 'Jean', usual_name: 'User', email: 'jean@example.gouv.fr', siret: '13002526500013' }

  it('accepts null for what the identity provider does not know', () => {
    const nulls = Object.fromEntries(
      Object.keys(proConnectClaimsSchema)
        .filter((claim) => claim !== 'sub' && claim !== 'amr')
        .map((claim) => [claim, null]),
    )
    expect(() => validateClaims(proConnectClaimsSchema, { ...agent, ...nulls })).not.toThrow()
  })

  it.each([
    ['siret', '1300252650001', 'a 14-digit SIRET or null'],
    ['siren', '13002526', 'a 9-digit SIREN or null'],
    ['is_service_public', 'true', 'a boolean or null'],
    ['groups', [1], 'an array of strings or null'],
    ['email', 3, 'a string or null'],
    ['amr', null, 'an array of strings'],
  ])('refuses %s = %j', (claim, value, expected) => {
    const error = refusal(proConnectClaimsSchema, { ...agent, [claim]: value })
    expect([error.path, error.message]).toEqual([claim, `Identity claim "${claim}" is invalid: expected ${expected}`])
  })
})

describe('standard claims', () => {
  it("checks the standard claims' types only", () => {
    expect(() =>
      validateClaims(standardClaimsSchema, { sub: 'x', email: 'a@b.c', email_verified: true, birthdate: 'any' }),
    ).not.toThrow()
    expect(refusal(standardClaimsSchema, { sub: 'x', email_verified: 'yes' }).path).toBe('email_verified')
    expect(refusal(standardClaimsSchema, {}).path).toBe('sub')
  })

  it('each preset family has its rules', () => {
    expect(claimsSchemas).toEqual({
      franceconnect: franceConnectClaimsSchema,
      proconnect: proConnectClaimsSchema,
      standard: standardClaimsSchema,
    })
  })
})
