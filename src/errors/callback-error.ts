import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Codes of {@link CallbackError}. */
export type CallbackErrorCode =
  | 'callback_invalid'
  | 'state_missing'
  | 'state_unknown'
  | 'binding_missing'
  | 'binding_mismatch'
  | 'iss_missing'
  | 'iss_mismatch'

/**
 * The callback URL itself is wrong: no `state`, a `state` this app never issued or already used
 * (replay), no binding to the browser that started the sign-in (`binding_missing`) or another
 * browser's (`binding_mismatch`: login CSRF), an `iss` parameter naming another provider (RFC 9207
 * mix-up), no `code`.
 *
 * @example
 * ```ts
 * await fc.callback('https://app.example.fr/callback?code=abc&state=forged', { cookie })
 * // throws CallbackError { code: 'state_unknown' }
 * await fc.callback(callbackUrl)
 * // throws CallbackError { code: 'binding_missing' }
 * ```
 */
export class CallbackError extends FranceConnectSdkError {
  override name = 'CallbackError'
  declare readonly code: CallbackErrorCode
  constructor(code: CallbackErrorCode, message: string) {
    super(code, message)
  }
}
