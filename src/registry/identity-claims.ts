import { ClaimsError } from '../errors/claims-error.js'

/**
 * What one identity claim must be when present: a test, and the words an error uses for what was
 * expected (never the value received). `required` claims must be present.
 */
export interface ClaimRule {
  readonly test: (value: unknown) => boolean
  readonly expected: string
  readonly required?: boolean
}

/** The rules of one provider family's identity claims, by claim name; claims without a rule pass through. */
export type ClaimsSchema = Readonly<Record<string, ClaimRule>>

// Written by hand rather than with valibot: about twenty checks, in the sign-in of every app, where
// valibot cost 1.4 kB brotli of the bundle (docs/performance.md, sizes).
const rule = (expected: string, test: (value: unknown) => boolean): ClaimRule => ({ test, expected })
const matching = (expected: string, pattern: RegExp) =>
  rule(expected, (value) => typeof value === 'string' && pattern.test(value))
const orNull = ({ test, expected }: ClaimRule): ClaimRule => rule(`${expected} or null`, (value) => value === null || test(value))

const anyString = rule('a string', (value) => typeof value === 'string')
const stringArray = rule(
  'an array of strings',
  (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
)
const boolean = rule('a boolean', (value) => typeof value === 'boolean')
const sub: ClaimRule = {
  ...rule('a non-empty string', (value) => typeof value === 'string' && value.length > 0),
  required: true,
}
const name = rule(
  'a string of 1 to 256 characters',
  (value) => typeof value === 'string' && value.length > 0 && value.length <= 256,
)
const gender = rule('male, female or unspecified', (value) => value === 'male' || value === 'female' || value === 'unspecified')
const birthplace = matching('a 5-character INSEE commune code or ""', /^(?:[0-9][0-9AB][0-9]{3})?$/)
const birthcountry = matching('a 5-digit INSEE country code (99xxx)', /^99[0-9]{3}$/)
const isoDate = matching('a date YYYY-MM-DD', /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/)
// The IdP's own birth date may be presumed: month or day "00".
const idpDate = matching('a date YYYY-MM-DD (00 allowed)', /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/)
const optionalText = orNull(anyString)

/**
 * The identity claims of FranceConnect (v1, v2, FranceConnect+), checked where their format is
 * published; unknown claims pass through untouched.
 */
export const franceConnectClaimsSchema = {
  sub,
  given_name: name,
  given_name_array: stringArray,
  family_name: name,
  preferred_username: anyString,
  gender,
  birthdate: isoDate,
  birthplace,
  birthcountry,
  email: anyString,
  idp_birthdate: idpDate,
  idp_id: anyString,
  amr: stringArray,
  rnipp_given_name: name,
  rnipp_given_name_array: stringArray,
  rnipp_family_name: name,
  rnipp_gender: gender,
  rnipp_birthdate: isoDate,
  rnipp_birthplace: birthplace,
  rnipp_birthcountry: birthcountry,
} as const satisfies ClaimsSchema

/**
 * ProConnect's claims for agents, as its core maps scopes to claims (proconnect-gouv/federation,
 * back/apps/core-fca-low/src/config/oidc-provider.ts): `given_name`, `usual_name`, `email`, `uid`,
 * `siret`, `siren`, `organizational_unit`, `belonging_population`, `phone_number` (scope `phone`),
 * `idp_id`, `idp_acr`, `is_service_public`, `groups`, `custom`, `chorusdt:*`. The identity
 * providers behind ProConnect may send `null` for what they do not know.
 */
export const proConnectClaimsSchema = {
  sub,
  given_name: optionalText,
  usual_name: optionalText,
  email: optionalText,
  uid: optionalText,
  siret: orNull(matching('a 14-digit SIRET', /^[0-9]{14}$/)),
  siren: orNull(matching('a 9-digit SIREN', /^[0-9]{9}$/)),
  organizational_unit: optionalText,
  belonging_population: optionalText,
  phone_number: optionalText,
  idp_id: optionalText,
  idp_acr: optionalText,
  is_service_public: orNull(boolean),
  groups: orNull(stringArray),
  amr: stringArray,
} as const satisfies ClaimsSchema

/** Any provider: `sub` and the standard claims' types (OpenID Connect Core §5.1). */
export const standardClaimsSchema = {
  sub,
  email: anyString,
  email_verified: boolean,
  name: anyString,
  given_name: anyString,
  family_name: anyString,
  amr: stringArray,
} as const satisfies ClaimsSchema

/** The identity claims of a FranceConnect session (OpenID Connect names, as FranceConnect sends them). */
export interface FranceConnectClaims {
  sub: string
  given_name?: string | undefined
  given_name_array?: string[] | undefined
  family_name?: string | undefined
  preferred_username?: string | undefined
  gender?: 'male' | 'female' | 'unspecified' | undefined
  birthdate?: string | undefined
  birthplace?: string | undefined
  birthcountry?: string | undefined
  email?: string | undefined
  idp_birthdate?: string | undefined
  idp_id?: string | undefined
  amr?: string[] | undefined
  rnipp_given_name?: string | undefined
  rnipp_given_name_array?: string[] | undefined
  rnipp_family_name?: string | undefined
  rnipp_gender?: 'male' | 'female' | 'unspecified' | undefined
  rnipp_birthdate?: string | undefined
  rnipp_birthplace?: string | undefined
  rnipp_birthcountry?: string | undefined
  [claim: string]: unknown
}

/** The claims of a ProConnect session. */
export interface ProConnectClaims {
  sub: string
  given_name?: string | null | undefined
  usual_name?: string | null | undefined
  email?: string | null | undefined
  uid?: string | null | undefined
  siret?: string | null | undefined
  siren?: string | null | undefined
  organizational_unit?: string | null | undefined
  belonging_population?: string | null | undefined
  phone_number?: string | null | undefined
  idp_id?: string | null | undefined
  idp_acr?: string | null | undefined
  is_service_public?: boolean | null | undefined
  groups?: string[] | null | undefined
  custom?: unknown
  amr?: string[] | undefined
  [claim: string]: unknown
}

/** The claims of any OpenID Connect session. */
export interface StandardClaims {
  sub: string
  email?: string | undefined
  email_verified?: boolean | undefined
  name?: string | undefined
  given_name?: string | undefined
  family_name?: string | undefined
  amr?: string[] | undefined
  [claim: string]: unknown
}

/**
 * Checks identity claims against a family's rules, in the rules' order; the first problem becomes
 * a {@link ClaimsError} naming the claim, never its value. Returns a copy of the claims.
 *
 * @example
 * ```ts
 * const claims = validateClaims<FranceConnectClaims>(franceConnectClaimsSchema, userinfoPayload)
 * ```
 */
export function validateClaims<T>(schema: ClaimsSchema, input: Record<string, unknown>): T {
  for (const [claim, { test, expected, required }] of Object.entries(schema)) {
    const value = input[claim]
    if (value === undefined ? required : !test(value)) throw new ClaimsError(claim, expected)
  }
  return { ...input } as T
}

/** The claims rules of each provider family, by the name a preset gives in `claims`. */
export const claimsSchemas: Record<'franceconnect' | 'proconnect' | 'standard', ClaimsSchema> = {
  franceconnect: franceConnectClaimsSchema,
  proconnect: proConnectClaimsSchema,
  standard: standardClaimsSchema,
}
