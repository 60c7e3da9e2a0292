import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Codes of {@link TransportError}. */
export type TransportErrorCode =
  | 'timeout'
  | 'aborted'
  | 'network_error'
  | 'response_too_large'
  | 'response_invalid'
  | 'redirect_refused'

/**
 * The exchange with a server failed below the protocol: no answer in time, connection refused or
 * reset, a body larger than allowed, a body that is not what the endpoint must send (HTML or
 * truncated JSON where JSON is due), or a redirect (the SDK never follows one to another host).
 *
 * @example
 * ```ts
 * // TransportError { code: 'timeout', retryable: true }
 * ```
 */
export class TransportError extends FranceConnectSdkError {
  override name = 'TransportError'
  declare readonly code: TransportErrorCode
  constructor(code: TransportErrorCode, message: string, details: { status?: number; cause?: unknown } = {}) {
    super(code, message, { ...details, retryable: code === 'timeout' || code === 'network_error' })
  }
}
