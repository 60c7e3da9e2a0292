import { TransportError } from '../errors/transport-error.js'
import { readJsonObject } from '../http/read-json.js'
import { sendRequest } from '../http/send-request.js'
import type { ProviderMetadata } from '../oidc/discovery.js'
import { authenticateClient, chooseAuthMethod } from './client-auth.js'
import type { ClientContext } from './context.js'

/** The token endpoint's answer, checked. */
export interface TokenResponse {
  accessToken: string
  idToken?: string
  expiresIn: number
  scope?: string
  refreshToken?: string
}

// An access token that claims to live more than a day is not a FranceConnect answer (60 s) nor a sane one.
const maxExpiresInSec = 86_400

/**
 * Exchanges the authorization code at the token endpoint with exactly the fields the provider takes:
 * `grant_type`, `code`, `redirect_uri`, the client authentication, and `code_verifier` with PKCE.
 */
export function exchangeCode(
  context: ClientContext,
  metadata: ProviderMetadata,
  code: string,
  codeVerifier: string | undefined,
  signal?: AbortSignal,
): Promise<TokenResponse & { idToken: string }> {
  const grant = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: context.options.redirectUri,
    ...(codeVerifier === undefined ? {} : { code_verifier: codeVerifier }),
  }
  return requestTokens(context, metadata, grant, { idTokenRequired: true, signal }) as Promise<
    TokenResponse & { idToken: string }
  >
}

/**
 * Sends a grant to the token endpoint with the client's authentication and checks the answer:
 * `token_type` Bearer, an access token, a sane `expires_in`, an ID token when required.
 */
export async function requestTokens(
  context: ClientContext,
  metadata: ProviderMetadata,
  grant: Record<string, string>,
  options: { idTokenRequired: boolean; signal?: AbortSignal | undefined },
): Promise<TokenResponse> {
  const { signal } = options
  const method = chooseAuthMethod(context, metadata)
  const auth = await authenticateClient(context, method, metadata.token_endpoint)
  const body = new URLSearchParams({ ...grant, ...auth.body })
  const response = await sendRequest(
    metadata.token_endpoint,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...auth.headers },
      body: body.toString(),
    },
    context.transport(signal),
  )
  const json = readJsonObject('token_error', response, [...Object.values(grant), ...Object.values(auth.body), ...auth.secrets])
  const invalid = (what: string) =>
    new TransportError('response_invalid', `The token response is invalid: ${what}`, { status: response.status })
  if (typeof json.token_type !== 'string' || json.token_type.toLowerCase() !== 'bearer') throw invalid('token_type is not Bearer')
  if (typeof json.access_token !== 'string' || json.access_token.length === 0) throw invalid('no access_token')
  if (json.id_token !== undefined ? typeof json.id_token !== 'string' : options.idTokenRequired) throw invalid('no id_token')
  const expiresIn = json.expires_in ?? 60
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0 || expiresIn > maxExpiresInSec) {
    throw invalid('expires_in is not a sane number of seconds')
  }
  if (json.scope !== undefined && typeof json.scope !== 'string') throw invalid('scope is not a string')
  if (json.refresh_token !== undefined && typeof json.refresh_token !== 'string') throw invalid('refresh_token is not a string')
  return {
    accessToken: json.access_token,
    ...(json.id_token === undefined ? {} : { idToken: json.id_token as string }),
    expiresIn,
    ...(json.scope === undefined ? {} : { scope: json.scope as string }),
    ...(json.refresh_token === undefined ? {} : { refreshToken: json.refresh_token as string }),
  }
}
