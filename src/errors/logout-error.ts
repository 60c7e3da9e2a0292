import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Codes of {@link LogoutError}. */
export type LogoutErrorCode =
  | 'logout_state_missing'
  | 'logout_state_unknown'
  | 'binding_missing'
  | 'binding_mismatch'
  | 'logout_redirect_invalid'

/**
 * The return from the provider's logout carries no `state`, a `state` this app did not issue or
 * already consumed, no binding to the browser that started it (`binding_missing`) or another's
 * (`binding_mismatch`); or a `postLogoutRedirectUri` override
 * is not a registered, safe URL (`logout_redirect_invalid`).
 *
 * @example
 * ```ts
 * await fc.logoutCallback('https://app.example.fr/logged-out?state=replayed', { cookie })
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
