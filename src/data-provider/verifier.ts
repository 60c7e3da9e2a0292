import { ConfigurationError } from '../errors/configuration-error.js'
import { createKeySet, type KeySet } from '../oidc/key-set.js'
import { assertRealm, assertScopes, defaultRealm } from './auth-responses.js'
import { authenticateWith } from './authenticate-with.js'
import { isBearerTokenSyntax } from './bearer-token.js'
import { checktokenV1 } from './checktoken-v1.js'
import { checktokenV2 } from './checktoken-v2.js'
import { resolveChecktokenOptions, type ResolvedChecktokenOptions } from './options.js'
import { createResultCache } from './result-cache.js'
import { sharedKeySet } from './shared-key-sets.js'
import type {
  AccessTokenResult,
  AccessTokenV1Result,
  AccessTokenVerifier,
  AccessTokenVerifierOptions,
  AccessTokenVerifierV1Options,
  AnyAccessTokenResult,
  ResultCacheOptions,
  VerifyAccessTokenOptions,
  VerifyAccessTokenV1Options,
} from './types.js'

const defaultCache = { maxEntries: 1000, inactiveTtlSec: 5 } as const satisfies ResultCacheOptions

/**
 * The checktoken call for resolved options: v1 or v2, and for v2 the key set to verify with. A token
 * that cannot be a bearer token at all is inactive without asking FranceConnect.
 *
 * @example
 * ```ts
 * const checktoken = createChecktoken(options, (resolved) => createKeySet(resolved.jwksUri, resolved.transport))
 * const result = await checktoken(token)
 * ```
 */
export function createChecktoken(
  options: VerifyAccessTokenOptions | VerifyAccessTokenV1Options,
  keySetFor: (resolved: ResolvedChecktokenOptions) => KeySet,
): (token: string) => Promise<AnyAccessTokenResult> {
  const resolved = resolveChecktokenOptions(options)
  if (resolved.version === 'v1') {
    return async (token) => (isBearerTokenSyntax(token) ? checktokenV1(token, resolved) : { active: false })
  }
  const keys = keySetFor(resolved)
  return async (token) => (isBearerTokenSyntax(token) ? checktokenV2(token, resolved, keys) : { active: false })
}

/**
 * Verifies a FranceConnect access token presented to a data provider's API, with FranceConnect's
 * checktoken, once. v2 and FranceConnect+ (the default): `POST {issuer}/checktoken` with the data
 * provider's credentials; the answer must be an `application/token-introspection+jwt` JWE (A256GCM,
 * decrypted with `decryptionKeys`) wrapping a JWS FranceConnect signed (checked against
 * `{issuer}/jwks`), for this `clientId`, from this issuer, issued less than `maxAgeSec` ago. v1
 * (`version: 'v1'`): `POST {issuer}/api/v1/checktoken` with `{ token }`, plain JSON.
 *
 * Returns `{ active: false }` for an expired, unknown or revoked token (and for a value that cannot
 * be a bearer token, without a request), or the active token: `sub`, `scopes`, the validated pivot
 * `identity`, the service provider's `clientId`, `acr`, `issuedAt`, `expiresAt` (epoch seconds) and
 * `tokenId` (a digest of `jti`, which FranceConnect sets to the token itself). Every other
 * outcome is a typed error: `checktoken_error` (FranceConnect answered 400 `invalid_request`,
 * 401 `invalid_client`, 5xx: see `providerCode` and `status`), `timeout`, `network_error`,
 * `checktoken_*` (the answer failed verification), `claims_invalid`.
 *
 * This one-shot form caches no result between calls (FranceConnect's key set is still cached per
 * issuer for the process): to cache results, create a verifier with `createAccessTokenVerifier`
 * and reuse it.
 *
 * @example
 * ```ts
 * const token = await verifyAccessToken(accessToken, {
 *   issuer: 'https://oidc.franceconnect.gouv.fr/api/v2',
 *   clientId: process.env.DP_CLIENT_ID!, clientSecret: process.env.DP_CLIENT_SECRET!,
 *   decryptionKeys: [JSON.parse(process.env.DP_ENC_KEY!)],
 * })
 * if (token.active) console.log(token.scopes, token.identity.birthdate)
 * ```
 */
export function verifyAccessToken(token: string, options: VerifyAccessTokenOptions): Promise<AccessTokenResult>
/**
 * FranceConnect v1 (legacy): `version: 'v1'`, no data-provider credentials.
 *
 * @example
 * ```ts
 * await verifyAccessToken(token, { version: 'v1', issuer: 'https://app.franceconnect.gouv.fr' })
 * ```
 */
export function verifyAccessToken(token: string, options: VerifyAccessTokenV1Options): Promise<AccessTokenV1Result>
export async function verifyAccessToken(
  token: string,
  options: VerifyAccessTokenOptions | VerifyAccessTokenV1Options,
): Promise<AnyAccessTokenResult> {
  return createChecktoken(options, (resolved) => sharedKeySet(resolved.jwksUri, resolved.transport))(token)
}

/**
 * Creates a verifier for a data provider's API: it holds FranceConnect's key set (fetched once,
 * refreshed on an unknown `kid`) and a result cache, so that `verify(token)` and
 * `authenticate(request)` ask FranceConnect once per token.
 *
 * The cache is keyed by the SHA-256 of the token (never the token), bounded (`maxEntries`, least
 * recently used out first), keeps an active result until the token's `exp` (or `maxTtlSec`, if
 * lower), an inactive one `inactiveTtlSec` (5 s), and never an error; v1 results, which carry no
 * `exp`, are not kept. However many calls arrive at once for one token, one checktoken request is
 * made. A token revoked while its result is cached stays accepted until the entry expires: lower
 * `maxTtlSec`, or `await cache.delete(token)`.
 *
 * @example
 * ```ts
 * const verifier = createAccessTokenVerifier({
 *   issuer: franceConnect({ env: 'production' }).issuer,
 *   clientId: process.env.DP_CLIENT_ID!, clientSecret: process.env.DP_CLIENT_SECRET!,
 *   decryptionKeys: [JSON.parse(process.env.DP_ENC_KEY!)],
 *   realm: 'revenus',
 * })
 * const auth = await verifier.authenticate(req, { scopes: ['dgfip_rfr'] })
 * ```
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier<AccessTokenResult>
/**
 * FranceConnect v1 (legacy): `version: 'v1'`, no data-provider credentials.
 *
 * @example
 * ```ts
 * createAccessTokenVerifier({ version: 'v1', issuer: 'https://app.franceconnect.gouv.fr' })
 * ```
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierV1Options): AccessTokenVerifier<AccessTokenV1Result>
export function createAccessTokenVerifier(
  options: AccessTokenVerifierOptions | AccessTokenVerifierV1Options,
): AccessTokenVerifier<AnyAccessTokenResult> {
  const checktoken = createChecktoken(options, (resolved) =>
    createKeySet(resolved.jwksUri, {
      timeoutMs: resolved.transport.timeoutMs,
      fetch: resolved.transport.fetch,
    }),
  )
  const defaultScopes = options.scopes ?? []
  const defaultRealmOfVerifier = options.realm ?? defaultRealm
  assertScopes(defaultScopes)
  assertRealm(defaultRealmOfVerifier)
  const cacheOptions: ResultCacheOptions = options.cache === false ? { maxEntries: 0, inactiveTtlSec: 0 } : (options.cache ?? {})
  const maxEntries = cacheOptions.maxEntries ?? defaultCache.maxEntries
  const inactiveTtlSec = cacheOptions.inactiveTtlSec ?? defaultCache.inactiveTtlSec
  const { maxTtlSec } = cacheOptions
  for (const [name, value] of Object.entries({ maxEntries, inactiveTtlSec, maxTtlSec })) {
    if (value !== undefined && (typeof value !== 'number' || !(value >= 0))) {
      throw new ConfigurationError('configuration_invalid', `cache.${name} must be a non-negative number`)
    }
  }

  const cache = createResultCache<AnyAccessTokenResult>({
    maxEntries,
    expiryOf(result, nowMs) {
      if (!result.active) return inactiveTtlSec > 0 ? nowMs + inactiveTtlSec * 1000 : undefined
      if (result.expiresAt === undefined) return undefined // v1: no exp known, not kept
      const untilExp = result.expiresAt * 1000
      return maxTtlSec === undefined ? untilExp : Math.min(untilExp, nowMs + maxTtlSec * 1000)
    },
  })

  const verify = (token: string): Promise<AnyAccessTokenResult> => {
    if (!isBearerTokenSyntax(token)) return Promise.resolve({ active: false })
    return cache.resolve(token, () => checktoken(token))
  }

  return {
    verify,
    async authenticate(request, extras = {}) {
      const scopes = extras.scopes ?? defaultScopes
      const realm = extras.realm ?? defaultRealmOfVerifier
      assertScopes(scopes)
      assertRealm(realm)
      return authenticateWith(verify, request, scopes, realm)
    },
    cache: {
      get size() {
        return cache.size
      },
      keys: () => cache.keys(),
      delete: (token) => cache.delete(token),
      clear: () => cache.clear(),
    },
  }
}
