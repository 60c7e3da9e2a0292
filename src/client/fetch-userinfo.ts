import { TokenValidationError } from '../errors/token-validation-error.js'
import { TransportError } from '../errors/transport-error.js'
import { readJsonObject, toProviderError } from '../http/read-json.js'
import { sendRequest } from '../http/send-request.js'
import type { ProviderMetadata } from '../oidc/discovery.js'
import type { ClientContext } from './context.js'
import { verifyProviderJwt } from './verify-provider-jwt.js'

/**
 * Fetches userinfo with the access token and verifies it as the client's `userinfo` option or the
 * preset says: a signed JWT (FranceConnect v2, ProConnect by default), a signed then encrypted JWT
 * (FranceConnect+), plain JSON (v1, a ProConnect service registered without signed userinfo), or
 * whichever the content type announces (generic, a JWT then being verified all the same). Its `sub`
 * must be the ID token's.
 */
export async function fetchUserinfo(
  context: ClientContext,
  metadata: ProviderMetadata,
  accessToken: string,
  expectedSub: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const endpoint = metadata.userinfo_endpoint as string
  const response = await sendRequest(
    endpoint,
    { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/jwt, application/json' } },
    context.transport(signal),
  )
  if (response.status !== 200) throw toProviderError('userinfo_error', response, [accessToken])

  const format = context.options.userinfo ?? context.provider.userinfo
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  const isJwt = contentType === 'application/jwt'
  let claims: Record<string, unknown>
  if (format === 'json' || (format === 'auto' && !isJwt)) {
    if (contentType !== undefined && contentType !== 'application/json' && !contentType.endsWith('+json')) {
      throw new TransportError('response_invalid', 'The userinfo response is not JSON', { status: response.status })
    }
    claims = readJsonObject('userinfo_error', response, [accessToken])
  } else {
    if (!isJwt) {
      throw new TokenValidationError('userinfo', 'not_signed', 'The userinfo response must be a signed JWT (application/jwt)')
    }
    // FranceConnect and ProConnect put iss and aud in userinfo (§8); OIDC only says SHOULD.
    const issAud = context.provider.id !== 'oidc'
    const { payload } = await verifyProviderJwt(context, response.body.trim(), 'userinfo', { exp: false, iat: false, issAud })
    claims = payload
  }
  if (claims.sub !== expectedSub) {
    throw new TokenValidationError('userinfo', 'sub', 'The userinfo subject is not the ID token subject')
  }
  return claims
}
