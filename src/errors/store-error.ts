import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/**
 * The transaction store failed (Redis down, a sealed cookie that cannot be opened). The SDK never
 * falls back silently to another store.
 *
 * @example
 * ```ts
 * // StoreError { code: 'store_unavailable', retryable: true }
 * ```
 */
export class StoreError extends FranceConnectSdkError {
  override name = 'StoreError'
  declare readonly code: 'store_unavailable' | 'store_value_invalid'
  constructor(code: 'store_unavailable' | 'store_value_invalid', message: string, cause?: unknown) {
    super(code, message, { cause, retryable: code === 'store_unavailable' })
  }
}
