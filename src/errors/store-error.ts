import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/**
 * `store_unavailable`: the store failed or did not answer; `store_value_invalid`: what it returned
 * cannot be read; `store_full`: the store refuses new sign-ins rather than forget a consumed one.
 */
export type StoreErrorCode = 'store_unavailable' | 'store_value_invalid' | 'store_full'

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
  declare readonly code: StoreErrorCode
  constructor(code: StoreErrorCode, message: string, cause?: unknown) {
    super(code, message, { cause, retryable: code !== 'store_value_invalid' })
  }
}
