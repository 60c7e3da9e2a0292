import { ConfigurationError } from '../errors/configuration-error.js'
import { ProviderError } from '../errors/provider-error.js'
import { TransportError } from '../errors/transport-error.js'
import { sendRequest, type TransportOptions } from '../http/send-request.js'
import { assertSecureUrl } from '../http/secure-url.js'
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
 * discovery (its `issuer` must equal the configured one exactly, its endpoints be strings), merged
 * with the endpoints the preset fixes. Every endpoint must be HTTPS (or loopback).
 *
 * @example
 * ```ts
 * const metadata = await loadProviderMetadata(franceConnect({ env: 'sandbox' }), { timeoutMs: 10_000 })
 * metadata.token_endpoint // 'https://fcp-low.sbx.dev-franceconnect.fr/api/v2/token'
 * ```
 */
export async function loadProviderMetadata(provider: Provider, transport: TransportOptions): Promise<ProviderMetadata> {
  let metadata: ProviderMetadata = { issuer: provider.issuer, ...(provider.endpoints as ProviderEndpoints) }
  if (provider.discovery) {
    const url = `${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
    const response = await sendRequest(url, { headers: { accept: 'application/json' } }, transport)
    const json = readJsonObject('discovery_error', response)
    // OpenID Connect Discovery §4.3: the document's issuer is exactly the one it was fetched for.
    if (json.issuer !== provider.issuer) {
      throw new ConfigurationError(
        'issuer_mismatch',
        `The discovery document's issuer does not equal the configured issuer "${provider.issuer}"`,
      )
    }
    for (const name of endpointNames) {
      if (json[name] !== undefined && typeof json[name] !== 'string') {
        throw new TransportError('response_invalid', `The discovery document's ${name} is not a string`, {
          status: response.status,
        })
      }
    }
    metadata = { ...(json as unknown as ProviderMetadata), ...provider.endpoints }
  }
  if (typeof metadata.authorization_endpoint !== 'string' || typeof metadata.token_endpoint !== 'string') {
    throw new ProviderError('discovery_error', { status: 200, providerCode: 'missing_endpoints' })
  }
  for (const name of endpointNames) {
    const value = metadata[name]
    if (value !== undefined) assertSecureUrl(value, name)
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
