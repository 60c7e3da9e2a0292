import { findFranceConnectCode } from '../errors/franceconnect-error-codes.js'
import { ProviderError, type ProviderErrorCode } from '../errors/provider-error.js'
import { TransportError } from '../errors/transport-error.js'
import type { ReceivedResponse } from './send-request.js'

/**
 * Turns an error response into a {@link ProviderError}: the OAuth `error` and `error_description`
 * of a JSON body, FranceConnect's `Y……` code from its `error_uri` or HTML page.
 *
 * @example
 * ```ts
 * if (response.status !== 200) throw toProviderError('token_error', response)
 * ```
 */
export function toProviderError(code: ProviderErrorCode, response: ReceivedResponse): ProviderError {
  const json = tryParseObject(response.body)
  const error = typeof json?.error === 'string' ? json.error : undefined
  const description = typeof json?.error_description === 'string' ? json.error_description : undefined
  const errorUri = typeof json?.error_uri === 'string' ? json.error_uri : undefined
  const franceConnectCode = findFranceConnectCode(errorUri ?? (json ? undefined : response.body.slice(0, 20_000)))
  return new ProviderError(code, {
    status: response.status,
    ...(error === undefined ? {} : { providerCode: error }),
    ...(description === undefined ? {} : { description }),
    ...(franceConnectCode === undefined ? {} : { franceConnectCode }),
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
export function readJsonObject(code: ProviderErrorCode, response: ReceivedResponse): Record<string, unknown> {
  if (response.status < 200 || response.status >= 300) throw toProviderError(code, response)
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
