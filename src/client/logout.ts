import { LogoutError } from '../errors/logout-error.js'
import { randomTokens } from '../oidc/random.js'
import type { ClientContext } from './context.js'
import { readCallbackParams } from './parse-callback.js'
import { saveTransaction, takeTransaction } from './transaction.js'
import type { CallbackInput, CallbackOptions, LogoutOptions, LogoutResult, Session } from './types.js'

/**
 * Builds the provider's end-session URL with `id_token_hint`, a fresh `state` kept in the store, and
 * the registered `post_logout_redirect_uri`; nothing else (FranceConnect refuses other parameters).
 */
export async function logout(
  context: ClientContext,
  sessionOrIdToken: Session | string,
  options: LogoutOptions = {},
): Promise<LogoutResult> {
  const metadata = await context.metadata()
  if (metadata.end_session_endpoint === undefined) {
    throw new LogoutError('logout_unsupported', `${context.provider.name} has no end-session endpoint`)
  }
  const idToken = typeof sessionOrIdToken === 'string' ? sessionOrIdToken : sessionOrIdToken.idToken
  const [state] = randomTokens(1) as [string]
  const url = new URL(metadata.end_session_endpoint)
  url.searchParams.set('id_token_hint', idToken)
  url.searchParams.set('state', state)
  const postLogoutRedirectUri = options.postLogoutRedirectUri ?? context.options.postLogoutRedirectUri
  if (postLogoutRedirectUri !== undefined) url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri)
  const cookie = await saveTransaction(context, state, { kind: 'logout' })
  return { url: url.href, state, ...(cookie ? { cookie } : {}) }
}

/**
 * Checks the return from the provider's logout: its `state` must be one this client issued and not
 * yet consumed.
 */
export async function logoutCallback(
  context: ClientContext,
  input: CallbackInput,
  options: CallbackOptions = {},
): Promise<{ state: string }> {
  const state = readCallbackParams(input).get('state')
  if (!state) throw new LogoutError('logout_state_missing', 'The logout return has no state')
  const transaction = await takeTransaction(context, 'logout', state, options.cookie)
  if (!transaction) throw new LogoutError('logout_state_unknown', 'The logout state is unknown, expired or already used')
  return { state }
}
