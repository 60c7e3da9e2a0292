import { ConfigurationError } from '../errors/configuration-error.js'
import { UnsupportedError } from '../errors/unsupported-error.js'
import { revocationRequest } from 'oauth4webapi'
import { chooseAuthMethod, clientAuthentication, oauthCall } from './oauth.js'
import { refuseErrorStatus } from './oauth-errors.js'
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
  return context.observe('franceconnect.revocation', async (observation) => {
    const metadata = await context.metadata(options.signal)
    const endpoint = metadata.revocation_endpoint
    if (endpoint === undefined) {
      throw new UnsupportedError('revocation', `${context.provider.name} has no revocation endpoint`)
    }
    const token = typeof sessionOrToken === 'string' ? sessionOrToken : sessionOrToken.accessToken
    const method = context.provider.revocationAuthMethod ?? chooseAuthMethod(context, metadata)
    if (method === 'client_secret_post' && context.options.clientSecret === undefined) {
      throw new ConfigurationError(
        'configuration_invalid',
        `${context.provider.name} revokes tokens with client_id and client_secret only, whatever the token endpoint's method: give clientSecret to revoke`,
      )
    }
    const call = oauthCall(context, metadata, options.signal)
    call.observation = observation
    const auth = await clientAuthentication(context, method, endpoint)
    const response = await revocationRequest(call.as, call.client, auth, token, {
      ...call.options,
      ...(context.provider.revocationSendsTypeHint ? { additionalParameters: { token_type_hint: 'access_token' } } : {}),
    })
    await refuseErrorStatus(response, 200, 'revocation_error', call)
  })
}
