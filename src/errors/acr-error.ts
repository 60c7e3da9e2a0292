import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Codes of {@link AcrError}. */
export type AcrErrorCode = 'acr_missing' | 'acr_invalid' | 'acr_too_low'

/**
 * The authentication level (`acr`) in the ID token is missing, is not a level the provider
 * defines, or is below the level that was asked (eidas1 < eidas2 < eidas3): a downgrade.
 *
 * @example
 * ```ts
 * // asked eidas2, got eidas1: AcrError { code: 'acr_too_low', expected: 'eidas2', received: 'eidas1' }
 * ```
 */
export class AcrError extends FranceConnectSdkError {
  override name = 'AcrError'
  declare readonly code: AcrErrorCode
  readonly expected?: string
  readonly received?: string
  constructor(code: AcrErrorCode, message: string, levels: { expected?: string; received?: string } = {}) {
    super(code, message)
    if (levels.expected !== undefined) this.expected = levels.expected
    if (levels.received !== undefined) this.received = levels.received
  }
}
