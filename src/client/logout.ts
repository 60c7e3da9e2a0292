import { LogoutError } from '../errors/logout-error.js'
import { UnsupportedError } from '../errors/unsupported-error.js'
import { assertSecureUrl } from '../http/secure-url.js'
import { randomTokens } from '../oidc/random.js'
import type { ClientContext } from './context.js'
import { readCallbackParams } from './parse-callback.js'
import { saveTransaction, takeBoundTransaction } from './transaction.js'
import type { CallbackInput, CallbackOptions, LogoutOptions, LogoutResult, Session } from './types.js'

/**
 * Builds the provider's end-session URL with `id_token_hint`, a fresh `state` kept in the store, and
 * the registered `post_logout_redirect_uri`; nothing else (FranceConnect refuses other parameters).
 * Returns the cookie that binds the logout to this browser. An overriding `postLogoutRedirectUri`
 * must be one the client was configured with.
 */
export async function logout(
  context: ClientContext,
  sessionOrIdToken: Session | string,
  options: LogoutOptions = {},
): Promise<LogoutResult> {
  const metadata = await context.metadata(options.signal)
  if (metadata.end_session_endpoint === undefined) {
    throw new UnsupportedError('logout', `${context.provider.name} has no end-session endpoint`)
  }
  const idToken = typeof sessionOrIdToken === 'string' ? sessionOrIdToken : sessionOrIdToken.idToken
  const [state] = randomTokens(1) as [string]
  const url = new URL(metadata.end_session_endpoint)
  url.searchParams.set('id_token_hint', idToken)
  url.searchParams.set('state', state)
  const postLogoutRedirectUri = options.postLogoutRedirectUri ?? context.options.postLogoutRedirectUri
  if (options.postLogoutRedirectUri !== undefined) assertConfiguredRedirect(context, options.postLogoutRedirectUri)
  if (postLogoutRedirectUri !== undefined) url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri)
  const cookie = await saveTransaction(context, state, { kind: 'logout' })
  return { url: url.href, state, cookie }
}

/**
 * Checks the return from the provider's logout: it must come back to the browser that started it
 * (`{ cookie }` or `{ expectedState }`), with a `state` this client issued and not yet consumed.
 */
export async function logoutCallback(
  context: ClientContext,
  input: CallbackInput,
  options: CallbackOptions = {},
): Promise<{ state: string }> {
  const state = readCallbackParams(input).get('state')
  if (!state) throw new LogoutError('logout_state_missing', 'The logout return has no state')
  await takeBoundTransaction(context, 'logout', state, options)
  return { state }
}

/**
 * An override of the post-logout redirect goes through the same checks as the configured ones
 * (HTTPS or loopback) and must be one of them: the provider would otherwise send the user to a URL
 * the app never registered, or to a `javascript:` one.
 */
function assertConfiguredRedirect(context: ClientContext, uri: string): void {
  const { postLogoutRedirectUri, postLogoutRedirectUris = [] } = context.options
  const configured = [...(postLogoutRedirectUri === undefined ? [] : [postLogoutRedirectUri]), ...postLogoutRedirectUris]
  try {
    assertSecureUrl(uri, 'postLogoutRedirectUri')
  } catch (cause) {
    throw new LogoutError('logout_redirect_invalid', `postLogoutRedirectUri is not a safe URL: ${(cause as Error).message}`)
  }
  if (!configured.includes(uri)) {
    throw new LogoutError(
      'logout_redirect_invalid',
      'postLogoutRedirectUri is not one of the configured URIs (postLogoutRedirectUri, postLogoutRedirectUris)',
    )
  }
}
