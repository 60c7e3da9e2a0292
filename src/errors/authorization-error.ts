import { cleanProviderText, isCodeLike } from '../http/provider-text.js'
import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/**
 * Codes of {@link AuthorizationError}: the OAuth `error` the provider put in the callback when it is
 * one the SDK knows, `authorization_error` otherwise (the provider's value is then in `providerCode`).
 */
export type AuthorizationErrorCode =
  | 'access_denied'
  | 'invalid_acr'
  | 'invalid_idp_hint'
  | 'login_required'
  | 'consent_required'
  | 'authorization_error'

const knownCodes = new Set<string>(['access_denied', 'invalid_acr', 'invalid_idp_hint', 'login_required', 'consent_required'])

/**
 * The provider sent the user back with `error=…` instead of a code: the user cancelled
 * (`access_denied`), the eIDAS level asked is not offered (`invalid_acr`), and so on.
 * `description` is the provider's `error_description`, kept for logs.
 *
 * @example
 * ```ts
 * try { await fc.callback(url) } catch (e) {
 *   if (e instanceof AuthorizationError && e.code === 'access_denied') showCancelledPage()
 * }
 * ```
 */
export class AuthorizationError extends FranceConnectSdkError {
  override name = 'AuthorizationError'
  declare readonly code: AuthorizationErrorCode
  /** The provider's `error_description`, if any (FranceConnect's are fixed English sentences). */
  readonly description?: string

  constructor(providerError: string, description?: string) {
    const code = (knownCodes.has(providerError) ? providerError : 'authorization_error') as AuthorizationErrorCode
    // The callback URL is in anyone's hands: only a code-like value reaches the message.
    const shown = isCodeLike(providerError) ? providerError : 'unrecognised error'
    super(
      code,
      `The provider refused the authorization (${shown})`,
      shown === providerError ? { providerCode: providerError } : {},
    )
    if (description !== undefined) this.description = cleanProviderText({ description }, []).description as string
  }
}
