import * as v from 'valibot'
import { ClaimsError } from '../errors/claims-error.js'
import { describeIssue } from './schema-issue.js'

const birthplace = v.pipe(v.string(), v.regex(/^(?:[0-9][0-9AB][0-9]{3})?$/, 'a 5-character INSEE commune code or ""'))
const birthcountry = v.pipe(v.string(), v.regex(/^99[0-9]{3}$/, 'a 5-digit INSEE country code (99xxx)'))
const isoDate = v.pipe(v.string(), v.regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'a date YYYY-MM-DD'))
// The IdP's own birth date may be presumed: month or day "00".
const idpDate = v.pipe(v.string(), v.regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'a date YYYY-MM-DD (00 allowed)'))
const name = v.pipe(v.string(), v.minLength(1, 'a non-empty string'), v.maxLength(256, 'at most 256 characters'))
const gender = v.picklist(['male', 'female', 'unspecified'], 'male, female or unspecified')

/**
 * The identity claims of FranceConnect (v1, v2, FranceConnect+), validated where their format is
 * published; unknown claims pass through untouched.
 */
export const franceConnectClaimsSchema = v.looseObject({
  sub: v.pipe(v.string(), v.minLength(1, 'a non-empty string')),
  given_name: v.optional(name),
  given_name_array: v.optional(v.array(v.string())),
  family_name: v.optional(name),
  preferred_username: v.optional(v.string()),
  gender: v.optional(gender),
  birthdate: v.optional(isoDate),
  birthplace: v.optional(birthplace),
  birthcountry: v.optional(birthcountry),
  email: v.optional(v.string()),
  idp_birthdate: v.optional(idpDate),
  idp_id: v.optional(v.string()),
  amr: v.optional(v.array(v.string())),
  rnipp_given_name: v.optional(name),
  rnipp_given_name_array: v.optional(v.array(v.string())),
  rnipp_family_name: v.optional(name),
  rnipp_gender: v.optional(gender),
  rnipp_birthdate: v.optional(isoDate),
  rnipp_birthplace: v.optional(birthplace),
  rnipp_birthcountry: v.optional(birthcountry),
})

const optionalText = v.optional(v.nullable(v.string()))

/**
 * ProConnect's claims for agents, as its core maps scopes to claims (proconnect-gouv/federation,
 * back/apps/core-fca-low/src/config/oidc-provider.ts): `given_name`, `usual_name`, `email`, `uid`,
 * `siret`, `siren`, `organizational_unit`, `belonging_population`, `phone_number` (scope `phone`),
 * `idp_id`, `idp_acr`, `is_service_public`, `groups`, `custom`, `chorusdt:*`. The identity
 * providers behind ProConnect may send `null` for what they do not know.
 */
export const proConnectClaimsSchema = v.looseObject({
  sub: v.pipe(v.string(), v.minLength(1, 'a non-empty string')),
  given_name: optionalText,
  usual_name: optionalText,
  email: optionalText,
  uid: optionalText,
  siret: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[0-9]{14}$/, 'a 14-digit SIRET')))),
  siren: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[0-9]{9}$/, 'a 9-digit SIREN')))),
  organizational_unit: optionalText,
  belonging_population: optionalText,
  phone_number: optionalText,
  idp_id: optionalText,
  idp_acr: optionalText,
  is_service_public: v.optional(v.nullable(v.boolean())),
  groups: v.optional(v.nullable(v.array(v.string()))),
  custom: v.optional(v.unknown()),
  amr: v.optional(v.array(v.string())),
})

/** Any provider: `sub` and the standard claims' types (OpenID Connect Core §5.1). */
export const standardClaimsSchema = v.looseObject({
  sub: v.pipe(v.string(), v.minLength(1, 'a non-empty string')),
  email: v.optional(v.string()),
  email_verified: v.optional(v.boolean()),
  name: v.optional(v.string()),
  given_name: v.optional(v.string()),
  family_name: v.optional(v.string()),
  amr: v.optional(v.array(v.string())),
})

/** The identity claims of a FranceConnect session (OpenID Connect names, as FranceConnect sends them). */
export type FranceConnectClaims = v.InferOutput<typeof franceConnectClaimsSchema>
/** The claims of a ProConnect session. */
export type ProConnectClaims = v.InferOutput<typeof proConnectClaimsSchema>
/** The claims of any OpenID Connect session. */
export type StandardClaims = v.InferOutput<typeof standardClaimsSchema>

/** A valibot schema of identity claims. */
export type ClaimsSchema = v.GenericSchema<unknown, { sub: string; [claim: string]: unknown }>

/**
 * Validates identity claims against a schema; the first problem becomes a {@link ClaimsError}
 * naming the claim, never its value.
 *
 * @example
 * ```ts
 * const claims = validateClaims(franceConnectClaimsSchema, userinfoPayload)
 * ```
 */
export function validateClaims<T>(schema: v.GenericSchema<unknown, T>, input: unknown): T {
  const result = v.safeParse(schema, input, { abortEarly: true })
  if (result.success) return result.output
  const { path, expected } = describeIssue(result.issues)
  throw new ClaimsError(path, expected)
}

/** The claims schema of each provider family, by the name a preset gives in `claims`. */
export const claimsSchemas: Record<'franceconnect' | 'proconnect' | 'standard', ClaimsSchema> = {
  franceconnect: franceConnectClaimsSchema,
  proconnect: proConnectClaimsSchema,
  standard: standardClaimsSchema,
}
