import { ConfigurationError } from '../../errors/configuration-error.js'
import { TransportError } from '../../errors/transport-error.js'
import { readJsonObject } from '../../http/read-json.js'
import { assertSecureUrl } from '../../http/secure-url.js'
import { sendRequest } from '../../http/send-request.js'
import { singleFlight } from '../../internal/single-flight.js'

/** Options of {@link dgfipGatewayToken}. */
export interface DgfipGatewayTokenOptions {
  /**
   * The DGFiP APIM token endpoint, given with the APIM account. Required: the only public value,
   * `https://gw.dgfip.finances.gouv.fr/token`, comes from another DGFiP API's spec and is ⚠️ unverified
   * for Impôt particulier (the Impôt particulier spec says `https://IP-GATEWAY/token`).
   */
  tokenUrl: string
  /** The APIM application's consumer key. */
  clientId: string
  /** The APIM application's consumer secret. */
  clientSecret: string
  /** The APIM scopes, space-separated or as a list (default `RessourceIR`, the resource the connector calls). */
  scope?: string | readonly string[] | undefined
  /** A `fetch` implementation (a proxy, tests). */
  fetch?: typeof fetch | undefined
  /** Timeout of the token request in milliseconds (default 10 s). */
  timeoutMs?: number | undefined
}

/**
 * A source of DGFiP gateway tokens: call it for a valid token. `invalidate()` drops the cached token,
 * so that the next call fetches a new one (the connector does it once when the gateway answers 401
 * `900901` Invalid Credentials).
 */
export interface DgfipGatewayToken {
  (): Promise<string>
  invalidate(): void
}

// A token is dropped this long before it expires, so that it outlives the data call (20 s at most).
const refreshMarginSec = 30
// When the gateway does not say how long a token lives, it is reused for at most this long.
const defaultLifetimeSec = 60
const maxLifetimeSec = 86_400

/**
 * The DGFiP APIM gateway token, by OAuth 2.0 client credentials (`POST tokenUrl`, form
 * `grant_type=client_credentials&scope=…`, client authenticated by HTTP Basic as in DGFiP's known
 * integrations). The token is cached until shortly before its `expires_in`, fetched once however many
 * calls wait for it at the same moment, and never cached when the request fails. An OAuth error
 * becomes a `ProviderError` `token_error` whose `providerCode` is the OAuth `error`
 * (`invalid_client`…); a body that is not a token a `TransportError` `response_invalid`.
 *
 * @example
 * ```ts
 * import { dgfipGatewayToken, impotParticulier } from 'franceconnect-sdk/apis/impot-particulier'
 *
 * const impot = impotParticulier({
 *   baseUrl: process.env.DGFIP_GATEWAY_URL!,
 *   idTeleservice: process.env.DGFIP_ID_TELESERVICE!,
 *   gatewayToken: dgfipGatewayToken({
 *     tokenUrl: process.env.DGFIP_TOKEN_URL!,
 *     clientId: process.env.DGFIP_CLIENT_ID!,
 *     clientSecret: process.env.DGFIP_CLIENT_SECRET!,
 *   }),
 * })
 * ```
 */
export function dgfipGatewayToken(options: DgfipGatewayTokenOptions): DgfipGatewayToken {
  const tokenUrl = assertSecureUrl(options.tokenUrl, 'dgfipGatewayToken tokenUrl').href
  for (const name of ['clientId', 'clientSecret'] as const) {
    if (typeof options[name] !== 'string' || options[name].length === 0) {
      throw new ConfigurationError('configuration_invalid', `dgfipGatewayToken: ${name} is required`)
    }
  }
  const scope = typeof options.scope === 'string' ? options.scope : (options.scope ?? ['RessourceIR']).join(' ')
  const credentials = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`
  const encodedCredentials = btoa(credentials)
  const authorization = `Basic ${encodedCredentials}`
  // Whatever the gateway echoes of the credentials, in any form they were sent, stays out of errors.
  const sentSecrets = [options.clientSecret, credentials, encodedCredentials]
  let cached: { token: string; reuseUntil: number } | undefined

  const request = singleFlight(async () => {
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(scope === '' ? {} : { scope }) })
    const response = await sendRequest(
      tokenUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization },
        body: body.toString(),
      },
      { timeoutMs: options.timeoutMs ?? 10_000, ...(options.fetch ? { fetch: options.fetch } : {}) },
    )
    const json = readJsonObject('token_error', response, sentSecrets)
    const invalid = (what: string) =>
      new TransportError('response_invalid', `The DGFiP token response is invalid: ${what}`, { status: response.status })
    if (typeof json.access_token !== 'string' || json.access_token.length === 0) throw invalid('no access_token')
    if (json.token_type !== undefined && (typeof json.token_type !== 'string' || json.token_type.toLowerCase() !== 'bearer')) {
      throw invalid('token_type is not Bearer')
    }
    const lifetime = json.expires_in === undefined ? defaultLifetimeSec : Number(json.expires_in)
    if (!Number.isFinite(lifetime) || lifetime <= 0 || lifetime > maxLifetimeSec)
      throw invalid('expires_in is not a sane number of seconds')
    const margin = Math.min(refreshMarginSec, lifetime / 2)
    cached = { token: json.access_token, reuseUntil: Date.now() + (lifetime - margin) * 1000 }
    return json.access_token
  })

  const source = async () => {
    if (cached && Date.now() < cached.reuseUntil) return cached.token
    cached = undefined
    return request()
  }
  return Object.assign(source, {
    invalidate() {
      cached = undefined
    },
  })
}
