import { cleanProviderText, isCodeLike } from '../internal/provider-text.js'
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
  | 'scope_not_allowed'
  | 'authorization_error'

const knownCodes = new Set<string>(['access_denied', 'invalid_acr', 'invalid_idp_hint', 'login_required', 'consent_required'])

/**
 * The provider sent the user back with `error=…` instead of a code: the user cancelled
 * (`access_denied`), the eIDAS level asked is not offered (`invalid_acr`), a scope asked is not in
 * the service's habilitation (`scope_not_allowed`, FranceConnect's `invalid_scope`: its message
 * names the data scopes the configured connectors added, the usual cause), and so on.
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

  /**
   * @param dataScopes the data scopes the configured connectors added to the request, named in the
   *   message of `scope_not_allowed`
   */
  constructor(providerError: string, description?: string, dataScopes: readonly string[] = []) {
    const code = (
      providerError === 'invalid_scope'
        ? 'scope_not_allowed'
        : knownCodes.has(providerError)
          ? providerError
          : 'authorization_error'
    ) as AuthorizationErrorCode
    // The callback URL is in anyone's hands: only a code-like value reaches the message.
    const shown = isCodeLike(providerError) ? providerError : 'unrecognised error'
    super(
      code,
      code === 'scope_not_allowed'
        ? `The provider refused a scope this service is not habilitated for (invalid_scope)${
            dataScopes.length > 0
              ? `: check that your habilitation (DataPass) covers the data scopes your connectors ask, ${dataScopes.join(', ')}`
              : ''
          }`
        : `The provider refused the authorization (${shown})`,
      shown === providerError ? { providerCode: providerError } : {},
    )
    if (description !== undefined) this.description = cleanProviderText({ description }, []).description as string
  }
}
