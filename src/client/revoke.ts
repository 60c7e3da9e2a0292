import { ConfigurationError } from '../errors/configuration-error.js'
import { UnsupportedError } from '../errors/unsupported-error.js'
import { toProviderError } from '../http/read-json.js'
import { sendRequest } from '../http/send-request.js'
import { authenticateClient, chooseAuthMethod } from './client-auth.js'
import type { ClientContext } from './context.js'
import type { Session } from './types.js'

/**
 * Revokes the session's access token at the provider. FranceConnect takes exactly `token`,
 * `client_id` and `client_secret` (it refuses `token_type_hint`), even from a `private_key_jwt`
 * client: one without its secret is refused here, before any request.
 */
export async function revoke(
  context: ClientContext,
  sessionOrToken: Session | string,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  const metadata = await context.metadata()
  const endpoint = metadata.revocation_endpoint
  if (endpoint === undefined) {
    throw new UnsupportedError('revocation_unsupported', `${context.provider.name} has no revocation endpoint`)
  }
  const token = typeof sessionOrToken === 'string' ? sessionOrToken : sessionOrToken.accessToken
  const method = context.provider.revocationAuthMethod ?? chooseAuthMethod(context, metadata)
  if (method === 'client_secret_post' && context.options.clientSecret === undefined) {
    throw new ConfigurationError(
      'configuration_invalid',
      `${context.provider.name} revokes tokens with client_id and client_secret only, whatever the token endpoint's method: give clientSecret to revoke`,
    )
  }
  const auth = await authenticateClient(context, method, endpoint)
  const body = new URLSearchParams({
    token,
    ...(context.provider.revocationSendsTypeHint ? { token_type_hint: 'access_token' } : {}),
    ...auth.body,
  })
  const response = await sendRequest(
    endpoint,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth.headers }, body: body.toString() },
    context.transport(options.signal),
  )
  if (response.status !== 200)
    throw toProviderError('revocation_error', response, [token, ...Object.values(auth.body), ...auth.secrets])
}
