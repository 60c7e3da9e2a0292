import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** The code of a {@link ClaimsError}. */
export type ClaimsErrorCode = 'claims_invalid'

/**
 * Identity claims did not match their schema. `path` names the claim (`birthdate`); the offending
 * value is never copied into the message.
 *
 * @example
 * ```ts
 * // ClaimsError { code: 'claims_invalid', path: 'gender' }
 * ```
 */
export class ClaimsError extends FranceConnectSdkError {
  override name = 'ClaimsError'
  declare readonly code: ClaimsErrorCode
  readonly path: string
  constructor(path: string, expected: string) {
    super('claims_invalid', `Identity claim "${path}" is invalid: expected ${expected}`)
    this.path = path
  }
}
