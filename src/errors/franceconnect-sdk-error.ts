import type { FranceConnectSdkErrorCode } from './error-codes.js'

/**
 * The base class of every error the SDK throws. Catch this one class and switch on `code`.
 *
 * Messages never contain a token, a code, a secret or a personal datum: they are safe to log.
 *
 * @example
 * ```ts
 * try {
 *   await fc.callback(req.url)
 * } catch (error) {
 *   if (isFranceConnectSdkError(error) && error.code === 'access_denied') return res.redirect('/')
 *   throw error
 * }
 * ```
 */
export class FranceConnectSdkError extends Error {
  override name = 'FranceConnectSdkError'
  /** A stable, machine-readable code, e.g. `state_unknown`, `id_token_signature`, `acr_too_low`. */
  readonly code: FranceConnectSdkErrorCode
  /** The provider's own code when it sent one: OAuth `error`, FranceConnect `Y……`, API `errors[].code`. */
  readonly providerCode?: string
  /** The HTTP status of the response that caused the error, when there was one. */
  readonly status?: number
  /** Whether trying the same call again could succeed (network errors, 5xx, 429). */
  readonly retryable: boolean

  constructor(
    code: FranceConnectSdkErrorCode,
    message: string,
    details: {
      providerCode?: string | undefined
      status?: number | undefined
      retryable?: boolean | undefined
      cause?: unknown
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    if (details.providerCode !== undefined) this.providerCode = details.providerCode
    if (details.status !== undefined) this.status = details.status
    this.retryable = details.retryable ?? false
  }
}

const brand = Symbol.for('franceconnect-sdk.error')
Object.defineProperty(FranceConnectSdkError.prototype, brand, { value: true })

/**
 * Tells whether a value is an error of this SDK, even across realms or duplicated installs.
 *
 * @example
 * ```ts
 * if (isFranceConnectSdkError(error)) console.warn(error.code)
 * ```
 */
export function isFranceConnectSdkError(value: unknown): value is FranceConnectSdkError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true
}
