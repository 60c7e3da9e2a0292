import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Codes of {@link LogoutError}. */
export type LogoutErrorCode = 'logout_state_missing' | 'logout_state_unknown' | 'logout_unsupported'

/**
 * The return from the provider's logout carries no `state`, a `state` this app did not issue or
 * already consumed, or the provider has no logout endpoint.
 *
 * @example
 * ```ts
 * await fc.logoutCallback('https://app.example.fr/logged-out?state=replayed')
 * // throws LogoutError { code: 'logout_state_unknown' }
 * ```
 */
export class LogoutError extends FranceConnectSdkError {
  override name = 'LogoutError'
  declare readonly code: LogoutErrorCode
  constructor(code: LogoutErrorCode, message: string) {
    super(code, message)
  }
}
