import { failureForError, insufficientScopeFailure, invalidTokenFailure, missingTokenFailure } from './auth-responses.js'
import { readBearerToken } from './bearer-token.js'
import { missingScopes } from './require-scopes.js'
import type { ActiveAccessToken, ActiveAccessTokenV1, AnyAccessTokenResult, AuthenticateResult, BearerRequest } from './types.js'

/**
 * The steps of `authenticate` around any verification function: read the bearer token, verify it,
 * check the scopes, and turn each outcome into the answer to send.
 *
 * @example
 * ```ts
 * const auth = await authenticateWith((token) => verifier.verify(token), req, ['dgfip_rfr'], 'api')
 * ```
 */
export async function authenticateWith<T extends ActiveAccessToken | ActiveAccessTokenV1>(
  verify: (token: string) => Promise<AnyAccessTokenResult>,
  request: BearerRequest,
  scopes: readonly string[],
  realm: string,
): Promise<AuthenticateResult<T>> {
  const reading = readBearerToken(request)
  if (reading.kind === 'absent') return missingTokenFailure(realm)
  if (reading.kind === 'malformed')
    return invalidTokenFailure(realm, 'The Authorization header does not hold a valid bearer token')
  let result: AnyAccessTokenResult
  try {
    result = await verify(reading.token)
  } catch (error) {
    return failureForError(error, realm)
  }
  if (!result.active) return invalidTokenFailure(realm, 'The access token is expired, revoked or unknown')
  const missing = missingScopes(result, scopes)
  if (missing.length > 0) return insufficientScopeFailure(realm, missing)
  return { ok: true, token: result as T }
}
