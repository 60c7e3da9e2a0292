import { describeIssue } from '../registry/schema-issue.js'
import * as v from 'valibot'
import { TokenValidationError } from '../errors/token-validation-error.js'
import { sha256Base64url } from '../oidc/random.js'
import { type FranceConnectClaims, franceConnectClaimsSchema, validateClaims } from '../registry/identity-claims.js'
import type { AccessTokenResult } from './types.js'

const nonEmpty = v.pipe(v.string(), v.minLength(1))
const epochSeconds = v.pipe(v.number(), v.integer(), v.minValue(0))

/** The `token_introspection` of an active token (FranceConnect's post-checktoken DTO). */
const activeIntrospectionSchema = v.looseObject({
  active: v.literal(true),
  aud: nonEmpty,
  sub: nonEmpty,
  iat: epochSeconds,
  exp: epochSeconds,
  acr: nonEmpty,
  jti: nonEmpty,
  scope: v.string(),
})

const activeFlagSchema = v.looseObject({ active: v.boolean() })

// RFC 7662 members, which describe the token rather than the person: kept out of the identity.
const tokenMembers = new Set([
  'active',
  'aud',
  'iat',
  'exp',
  'nbf',
  'acr',
  'jti',
  'scope',
  'client_id',
  'username',
  'token_type',
  'iss',
])

/**
 * Turns a verified checktoken answer's `token_introspection` into the result: `{ active: false }`
 * for an expired, unknown or revoked token; otherwise the subject, scopes, service provider, level,
 * times and the pivot identity, validated like a relying party's claims. An `active: true` whose
 * `exp` has passed (clock tolerance aside) is refused, never returned. FranceConnect's `jti` is the
 * access token itself: the result's `tokenId` is a digest of it, never the token.
 *
 * @example
 * ```ts
 * await readIntrospection({ active: false }, now, 10) // { active: false }
 * await readIntrospection(payload.token_introspection, now, 10) // { active: true, sub, scopes, identity, … }
 * ```
 */
export async function readIntrospection(value: unknown, now: number, clockToleranceSec: number): Promise<AccessTokenResult> {
  const flag = v.safeParse(activeFlagSchema, value)
  if (!flag.success) {
    throw new TokenValidationError(
      'checktoken',
      'claims',
      'The checktoken answer has no valid "token_introspection" with "active"',
    )
  }
  if (!flag.output.active) return { active: false }

  const parsed = v.safeParse(activeIntrospectionSchema, value, { abortEarly: true })
  if (!parsed.success) {
    const { path } = describeIssue(parsed.issues)
    throw new TokenValidationError(
      'checktoken',
      'claims',
      `The checktoken answer's token_introspection.${path} is missing or invalid`,
    )
  }
  const introspection = parsed.output
  if (introspection.exp + clockToleranceSec <= now) {
    throw new TokenValidationError('checktoken', 'expired', 'The checktoken answer says active for a token whose exp has passed')
  }
  const claims: Record<string, unknown> = {}
  for (const [name, claim] of Object.entries(introspection)) {
    if (!tokenMembers.has(name)) claims[name] = claim
  }
  const identity = validateClaims<FranceConnectClaims>(franceConnectClaimsSchema, claims)
  return {
    active: true,
    version: 'v2',
    sub: introspection.sub,
    scopes: splitScopes(introspection.scope),
    identity,
    clientId: introspection.aud,
    acr: introspection.acr,
    issuedAt: introspection.iat,
    expiresAt: introspection.exp,
    tokenId: await tokenIdOf(introspection.jti),
  }
}

/**
 * What identifies an access token in logs without being it: the first 16 characters of the
 * base64url SHA-256 of its `jti` (which FranceConnect sets to the token itself).
 *
 * @example
 * ```ts
 * await tokenIdOf(jti) // 'q3Zk1c0iY2Hn9Q_x'
 * ```
 */
export async function tokenIdOf(jti: string): Promise<string> {
  return (await sha256Base64url(jti)).slice(0, 16)
}

/**
 * A space-separated scope string as a list, empty entries dropped.
 *
 * @example
 * ```ts
 * splitScopes('openid  dgfip_rfr') // ['openid', 'dgfip_rfr']
 * ```
 */
export function splitScopes(scope: string): string[] {
  return scope.split(' ').filter((item) => item.length > 0)
}
