import { ConfigurationError } from '../errors/configuration-error.js'
import { ProviderError } from '../errors/provider-error.js'
import { TransportError } from '../errors/transport-error.js'
import { sendRequest, type TransportOptions } from '../http/send-request.js'
import { assertEndpointOfIssuer } from '../http/secure-url.js'
import { readJsonObject } from '../http/read-json.js'
import type { Provider, ProviderEndpoints } from '../providers/provider.js'

/** What the client needs of a provider's metadata, discovered or fixed by the preset. */
export interface ProviderMetadata extends ProviderEndpoints {
  issuer: string
  id_token_signing_alg_values_supported?: string[]
  token_endpoint_auth_methods_supported?: string[]
  authorization_response_iss_parameter_supported?: boolean
  code_challenge_methods_supported?: string[]
}

/**
 * The provider's metadata: from `{issuer}/.well-known/openid-configuration` when the provider has
 * discovery, merged with the endpoints the preset fixes, then checked by {@link checkProviderMetadata}.
 *
 * @example
 * ```ts
 * const metadata = await loadProviderMetadata(franceConnect({ env: 'sandbox' }), { timeoutMs: 10_000 })
 * metadata.token_endpoint // 'https://fcp-low.sbx.dev-franceconnect.fr/api/v2/token'
 * ```
 */
export async function loadProviderMetadata(provider: Provider, transport: TransportOptions): Promise<ProviderMetadata> {
  if (!provider.discovery) return checkProviderMetadata(provider, { issuer: provider.issuer })
  const url = `${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  const response = await sendRequest(url, { headers: { accept: 'application/json' } }, transport)
  return checkProviderMetadata(provider, readJsonObject('discovery_error', response), response.status)
}

/**
 * Checks a discovery document, fetched or read back from a shared cache, and merges the preset's
 * fixed endpoints over it: its `issuer` equals the configured one exactly (OpenID Connect Discovery
 * §4.3); its endpoints are strings, HTTPS (plain HTTP only under a loopback issuer) and, unless the
 * provider says otherwise, on the issuer's host or one the preset lists, so a tampered document
 * cannot send the client secret elsewhere; the members the client reads have their types.
 *
 * @example
 * ```ts
 * const metadata = checkProviderMetadata(provider, JSON.parse(cachedDocument))
 * ```
 */
export function checkProviderMetadata(provider: Provider, document: Record<string, unknown>, status = 200): ProviderMetadata {
  const invalid = (what: string) => new TransportError('response_invalid', `The discovery document's ${what}`, { status })
  if (provider.discovery && document.issuer !== provider.issuer) {
    throw new ConfigurationError(
      'issuer_mismatch',
      `The discovery document's issuer does not equal the configured issuer "${provider.issuer}"`,
    )
  }
  for (const name of endpointNames) {
    if (document[name] !== undefined && typeof document[name] !== 'string') throw invalid(`${name} is not a string`)
  }
  for (const name of listMembers) {
    const value = document[name]
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
      throw invalid(`${name} is not a list of strings`)
    }
  }
  for (const name of flagMembers) {
    if (document[name] !== undefined && typeof document[name] !== 'boolean') throw invalid(`${name} is not a boolean`)
  }
  const metadata = { ...document, issuer: provider.issuer, ...provider.endpoints } as ProviderMetadata
  if (typeof metadata.authorization_endpoint !== 'string' || typeof metadata.token_endpoint !== 'string') {
    throw new ProviderError('discovery_error', { status, providerCode: 'missing_endpoints' })
  }
  const rules = {
    otherHosts: provider.endpointHosts,
    pinned: provider.pinEndpoints !== false,
    insecureIssuer: provider.insecureHttp === true,
  }
  for (const name of endpointNames) {
    const value = metadata[name]
    if (value !== undefined) assertEndpointOfIssuer(provider.issuer, value, name, rules)
  }
  return metadata
}

const endpointNames = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'jwks_uri',
  'end_session_endpoint',
  'revocation_endpoint',
] as const

// Members the client reads, with the type it relies on: anything else is refused, not coerced.
const listMembers = [
  'id_token_signing_alg_values_supported',
  'token_endpoint_auth_methods_supported',
  'code_challenge_methods_supported',
  'userinfo_signing_alg_values_supported',
  'scopes_supported',
  'acr_values_supported',
] as const
const flagMembers = ['authorization_response_iss_parameter_supported'] as const
