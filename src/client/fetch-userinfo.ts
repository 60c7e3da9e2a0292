import { jweDecrypt, processUserInfoResponse, skipSubjectCheck, userInfoRequest } from 'oauth4webapi'
import { TokenValidationError } from '../errors/token-validation-error.js'
import { BufferedResponse } from '../http/buffered-response.js'
import { TransportError } from '../errors/transport-error.js'
import type { ClientContext } from './context.js'
import { type OauthCall, observeCall } from './oauth.js'
import { fromOauth, refuseErrorStatus } from './oauth-errors.js'
import { decryptionHook, verifyProcessedJwt } from './verify-provider-jwt.js'

/**
 * Fetches userinfo with the access token (oauth4webapi's userinfo request and response) and
 * verifies it as the client's `userinfo` option or the preset says: a signed JWT (FranceConnect v2,
 * ProConnect by default), a signed then encrypted JWT (FranceConnect+), plain JSON (v1, a ProConnect
 * service registered without signed userinfo), or whichever the content type announces (generic, a
 * JWT then being verified all the same). Its `sub` must be the ID token's.
 */
export async function fetchUserinfo(
  context: ClientContext,
  call: OauthCall,
  accessToken: string,
  expectedSub: string,
): Promise<Record<string, unknown>> {
  return observeCall(context, call, 'franceconnect.userinfo', async () => {
    const response = await userInfoRequest(call.as, call.client, accessToken, call.options).catch((error: unknown) => {
      throw fromOauth(error, 'userinfo')
    })
    await refuseErrorStatus(response, 200, 'userinfo_error', call)

    const format = context.options.userinfo ?? context.provider.userinfo
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
    const isJwt = contentType === 'application/jwt'
    const expectJson = format === 'json' || (format === 'auto' && !isJwt)
    if (expectJson && contentType !== undefined && contentType !== 'application/json' && !contentType.endsWith('+json')) {
      throw new TransportError('response_invalid', 'The userinfo response is not JSON', { status: response.status })
    }
    if (!expectJson && !isJwt) {
      throw new TokenValidationError('userinfo', 'not_signed', 'The userinfo response must be a signed JWT (application/jwt)')
    }
    // oauth4webapi reads the answer by its content type: it is given the one the checks above settled on.
    const raw = (await response.text()).trim()
    const contentTypeSettled = new Headers({ 'content-type': isJwt ? 'application/jwt' : 'application/json' })
    const settled = new BufferedResponse(200, contentTypeSettled, raw) as unknown as Response
    const found: { jws?: string } = {}
    const hook = decryptionHook(context, 'userinfo', found)
    let claims: Record<string, unknown>
    try {
      claims = await processUserInfoResponse(call.as, call.client, skipSubjectCheck, settled, hook ? { [jweDecrypt]: hook } : {})
    } catch (error) {
      throw fromOauth(error, 'userinfo')
    }
    if (isJwt) {
      // FranceConnect and ProConnect put iss and aud in userinfo; OpenID Connect only says SHOULD.
      const issAud = context.provider.id !== 'oidc'
      const token = { raw, jws: found.jws ?? raw, claims, ref: settled }
      await verifyProcessedJwt(context, call, token, 'userinfo', { iat: false, issAud })
    }
    if (claims.sub !== expectedSub) {
      throw new TokenValidationError('userinfo', 'sub', 'The userinfo subject is not the ID token subject')
    }
    return claims
  })
}
