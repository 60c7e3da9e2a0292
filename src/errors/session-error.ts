import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Codes of {@link SessionError}. */
export type SessionErrorCode = 'scope_missing' | 'access_token_expired'

/**
 * A session cannot serve the call asked of it, found before any request: a data API needs a scope
 * the user did not grant, or the access token (60 s on FranceConnect) has expired.
 *
 * @example
 * ```ts
 * await fc.getData(impot, session) // SessionError { code: 'scope_missing', missing: ['dgfip_rfr'] }
 * ```
 */
export class SessionError extends FranceConnectSdkError {
  override name = 'SessionError'
  declare readonly code: SessionErrorCode
  /** The scopes that were needed and not granted. */
  readonly missing: readonly string[]
  constructor(code: SessionErrorCode, message: string, missing: readonly string[] = []) {
    super(code, message)
    this.missing = missing
  }
}
