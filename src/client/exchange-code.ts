import {
  authorizationCodeGrantRequest,
  getValidatedIdTokenClaims,
  jweDecrypt,
  nopkce,
  processAuthorizationCodeResponse,
  processRefreshTokenResponse,
  refreshTokenGrantRequest,
  type TokenEndpointResponse,
} from 'oauth4webapi'
import { TransportError } from '../errors/transport-error.js'
import type { ProviderMetadata } from '../oidc/discovery.js'
import type { ClientContext } from './context.js'
import { chooseAuthMethod, clientAuthentication, type OauthCall, observeCall } from './oauth.js'
import { fromOauth, refuseErrorStatus } from './oauth-errors.js'
import { decryptionHook, type ProcessedJwt } from './verify-provider-jwt.js'

/** The token endpoint's answer, checked; its ID token's claims checked by oauth4webapi, not yet its signature. */
export interface TokenResponse {
  accessToken: string
  idToken?: ProcessedJwt
  expiresIn: number
  scope?: string | undefined
  refreshToken?: string | undefined
}

// An access token that claims to live more than a day is not a FranceConnect answer (60 s) nor a sane one.
const maxExpiresInSec = 86_400

/**
 * Exchanges the authorization code (oauth4webapi's code grant: `grant_type`, `code`, `redirect_uri`,
 * the client authentication, `code_verifier` with PKCE) and checks the answer, the ID token's claims
 * and its nonce included. `params` are the callback parameters oauth4webapi has validated.
 */
export async function exchangeCode(
  context: ClientContext,
  call: OauthCall,
  metadata: ProviderMetadata,
  params: URLSearchParams,
  transaction: { codeVerifier?: string | undefined; nonce: string },
): Promise<TokenResponse & { idToken: ProcessedJwt }> {
  return observeCall(context, call, 'franceconnect.token', async () => {
    const auth = await clientAuthentication(context, chooseAuthMethod(context, metadata), metadata.token_endpoint)
    const { codeVerifier, nonce } = transaction
    const response = await oauthStep(() =>
      authorizationCodeGrantRequest(
        call.as,
        call.client,
        auth,
        params,
        context.options.redirectUri,
        codeVerifier ?? nopkce,
        call.options,
      ),
    )
    await refuseErrorStatus(response, 200, 'token_error', call)
    await refuseLooseTypes(response)
    const found: { jws?: string } = {}
    const hook = decryptionHook(context, 'id_token', found)
    const result = await oauthStep(() =>
      processAuthorizationCodeResponse(call.as, call.client, response, {
        expectedNonce: nonce,
        requireIdToken: true,
        ...(hook ? { [jweDecrypt]: hook } : {}),
      }),
    )
    return checkTokens(result, response, found) as TokenResponse & { idToken: ProcessedJwt }
  })
}

/**
 * Sends the refresh grant (oauth4webapi) and checks the answer; a new ID token, when the provider
 * sends one, has its claims checked (no nonce on a refresh).
 */
export async function refreshTokens(
  context: ClientContext,
  call: OauthCall,
  metadata: ProviderMetadata,
  refreshToken: string,
): Promise<TokenResponse> {
  return observeCall(context, call, 'franceconnect.token', async () => {
    const auth = await clientAuthentication(context, chooseAuthMethod(context, metadata), metadata.token_endpoint)
    const response = await oauthStep(() => refreshTokenGrantRequest(call.as, call.client, auth, refreshToken, call.options))
    await refuseErrorStatus(response, 200, 'token_error', call)
    await refuseLooseTypes(response)
    const found: { jws?: string } = {}
    const hook = decryptionHook(context, 'id_token', found)
    const result = await oauthStep(() =>
      processRefreshTokenResponse(call.as, call.client, response, hook ? { [jweDecrypt]: hook } : {}),
    )
    return checkTokens(result, response, found)
  })
}

async function oauthStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    throw fromOauth(error, 'id_token')
  }
}

/** oauth4webapi reads a string `expires_in` as a number: the SDK takes the members as typed, or refuses. */
async function refuseLooseTypes(response: Response): Promise<void> {
  let body: unknown
  try {
    body = JSON.parse(await response.clone().text())
  } catch {
    return // oauth4webapi refuses it
  }
  const expiresIn = (body as { expires_in?: unknown } | null)?.expires_in
  if (expiresIn !== undefined && typeof expiresIn !== 'number') {
    throw new TransportError('response_invalid', 'The token response is invalid: expires_in is not a number', { status: 200 })
  }
}

/** What FranceConnect's rules add to oauth4webapi's checks: Bearer only, a sane lifetime (60 s when unsaid). */
function checkTokens(result: TokenEndpointResponse, ref: Response, found: { jws?: string }): TokenResponse {
  const invalid = (what: string) =>
    new TransportError('response_invalid', `The token response is invalid: ${what}`, { status: 200 })
  if (result.token_type !== 'bearer') throw invalid('token_type is not Bearer')
  const expiresIn = result.expires_in ?? 60
  if (!Number.isFinite(expiresIn) || expiresIn <= 0 || expiresIn > maxExpiresInSec) {
    throw invalid('expires_in is not a sane number of seconds')
  }
  const claims = getValidatedIdTokenClaims(result) as Record<string, unknown> | undefined
  return {
    accessToken: result.access_token,
    ...(result.id_token === undefined || claims === undefined
      ? {}
      : { idToken: { raw: result.id_token, jws: found.jws ?? result.id_token, claims, ref } }),
    expiresIn,
    scope: result.scope,
    refreshToken: result.refresh_token,
  }
}
