import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/**
 * Claims or a payload did not match their schema. `path` names where (`birthdate`,
 * `data.admissions.0.dateDebut`); the offending value is never copied into the message.
 *
 * @example
 * ```ts
 * // ClaimsError { code: 'claims_invalid', path: 'gender' }
 * ```
 */
export class ClaimsError extends FranceConnectSdkError {
  override name = 'ClaimsError'
  declare readonly code: 'claims_invalid' | 'schema_mismatch'
  readonly path: string
  constructor(code: 'claims_invalid' | 'schema_mismatch', path: string, expected: string) {
    super(code, `${code === 'claims_invalid' ? 'Identity claim' : 'Response field'} "${path}" is invalid: expected ${expected}`)
    this.path = path
  }
}
