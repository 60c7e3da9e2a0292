import { assertRealm, assertScopes, defaultRealm } from './auth-responses.js'
import { authenticateWith } from './authenticate-with.js'
import { sharedKeySet } from './shared-key-sets.js'
import type {
  ActiveAccessToken,
  ActiveAccessTokenV1,
  AuthenticateOptions,
  AuthenticateResult,
  AuthenticateV1Options,
  BearerRequest,
} from './types.js'
import { createChecktoken } from './verifier.js'

/**
 * Authenticates a request to a data provider's API, whatever the framework: reads
 * `Authorization: Bearer`, verifies the token with FranceConnect's checktoken, checks `scopes`, and
 * returns either `{ ok: true, token }` or the refusal to send as it is — 401 with an RFC 6750
 * challenge (no `error` attribute when there is no token at all, `invalid_token` when it is
 * malformed, expired, revoked or unknown), 403 `insufficient_scope` naming the missing scopes, 503
 * when FranceConnect cannot be reached, 500 for a failure on our side. It never throws for any of
 * these.
 *
 * This one-shot form keeps no result cache between calls (FranceConnect's key set is still shared):
 * a server should create one verifier with `createAccessTokenVerifier` and call its `authenticate`.
 *
 * @example
 * ```ts
 * const auth = await authenticate(req, { issuer, clientId, clientSecret, decryptionKeys, scopes: ['dgfip_rfr'] })
 * if (!auth.ok) return res.writeHead(auth.status, { ...auth.headers, 'content-type': 'application/json' }).end(JSON.stringify(auth.body))
 * const { identity, scopes } = auth.token
 * ```
 */
export function authenticate(request: BearerRequest, options: AuthenticateOptions): Promise<AuthenticateResult<ActiveAccessToken>>
/**
 * FranceConnect v1 (legacy): `version: 'v1'`, no data-provider credentials.
 *
 * @example
 * ```ts
 * await authenticate(req, { version: 'v1', issuer: 'https://app.franceconnect.gouv.fr' })
 * ```
 */
export function authenticate(
  request: BearerRequest,
  options: AuthenticateV1Options,
): Promise<AuthenticateResult<ActiveAccessTokenV1>>
export async function authenticate(
  request: BearerRequest,
  options: AuthenticateOptions | AuthenticateV1Options,
): Promise<AuthenticateResult<ActiveAccessToken | ActiveAccessTokenV1>> {
  const realm = options?.realm ?? defaultRealm
  const scopes = options?.scopes ?? []
  assertRealm(realm)
  assertScopes(scopes)
  // Options are checked before the request is read: a configuration mistake throws, it is no 500.
  const checktoken = createChecktoken(options, (resolved) => sharedKeySet(resolved.jwksUri, resolved.transport))
  return authenticateWith(checktoken, request, scopes, realm)
}
