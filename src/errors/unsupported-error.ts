import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** The code of an {@link UnsupportedError}. */
export type UnsupportedErrorCode = 'revocation_unsupported' | 'feature_unsupported'

/**
 * The provider does not offer what was asked: revocation on FranceConnect v1, private_key_jwt on a
 * provider that only takes client secrets.
 *
 * @example
 * ```ts
 * await v1Client.revoke(session) // throws UnsupportedError { code: 'revocation_unsupported' }
 * ```
 */
export class UnsupportedError extends FranceConnectSdkError {
  override name = 'UnsupportedError'
  declare readonly code: UnsupportedErrorCode
  constructor(code: UnsupportedErrorCode, message: string) {
    super(code, message)
  }
}
