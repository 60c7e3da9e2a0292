import { findFranceConnectCode } from '../errors/franceconnect-error-codes.js'
import { ProviderError, type ProviderErrorCode } from '../errors/provider-error.js'
import { TransportError } from '../errors/transport-error.js'
import { cleanProviderText } from '../internal/provider-text.js'
import type { ReceivedResponse } from './send-request.js'

/**
 * Turns an error response into a {@link ProviderError}: the OAuth `error` and `error_description`
 * of a JSON body, FranceConnect's `Y……` code from its `error_uri` or HTML page. What the SDK sent
 * (`sentSecrets`) is redacted wherever the provider echoes it.
 *
 * @example
 * ```ts
 * if (response.status !== 200) throw toProviderError('token_error', response)
 * ```
 */
export function toProviderError(
  code: ProviderErrorCode,
  response: ReceivedResponse,
  sentSecrets: readonly string[] = [],
): ProviderError {
  const json = tryParseObject(response.body)
  const { providerCode: error, description } = cleanProviderText(
    {
      ...(typeof json?.error === 'string' ? { providerCode: json.error } : {}),
      ...(typeof json?.error_description === 'string' ? { description: json.error_description } : {}),
    },
    sentSecrets,
  )
  const errorUri = typeof json?.error_uri === 'string' ? json.error_uri : undefined
  const franceConnectCode = findFranceConnectCode(errorUri ?? (json ? undefined : response.body.slice(0, 20_000)))
  return new ProviderError(code, {
    status: response.status,
    providerCode: error,
    description,
    franceConnectCode,
  })
}

/**
 * Reads a successful JSON object response; anything else (an error status, HTML, truncated JSON,
 * an array) is a typed error.
 *
 * @example
 * ```ts
 * const metadata = readJsonObject('discovery_error', await sendRequest(url, {}, transport))
 * ```
 */
export function readJsonObject(
  code: ProviderErrorCode,
  response: ReceivedResponse,
  sentSecrets: readonly string[] = [],
): Record<string, unknown> {
  if (response.status < 200 || response.status >= 300) throw toProviderError(code, response, sentSecrets)
  const json = tryParseObject(response.body)
  if (!json) {
    throw new TransportError('response_invalid', `${code.replace('_error', '')} response is not a JSON object`, {
      status: response.status,
    })
  }
  return json
}

function tryParseObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
