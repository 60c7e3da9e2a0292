import {
  AuthorizationResponseError,
  JSON_ATTRIBUTE_COMPARISON,
  JWT_CLAIM_COMPARISON,
  JWT_TIMESTAMP_CHECK,
  KEY_SELECTION,
  OperationProcessingError,
  PARSE_ERROR,
  UnsupportedOperationError,
} from 'oauth4webapi'
import { CallbackError } from '../errors/callback-error.js'
import { FranceConnectSdkError } from '../errors/franceconnect-sdk-error.js'
import { TokenValidationError, type TokenKind, type TokenProblem } from '../errors/token-validation-error.js'
import { TransportError } from '../errors/transport-error.js'
import { toProviderError } from '../http/read-json.js'
import type { ProviderErrorCode } from '../errors/provider-error.js'
import type { OauthCall } from './oauth.js'

/**
 * Refuses a provider's answer whose status is not `expected` with a ProviderError carrying the OAuth
 * error, FranceConnect's `Y……` code and nothing the SDK sent (redacted), before oauth4webapi reads it.
 *
 * @example
 * ```ts
 * await refuseErrorStatus(response, 200, 'token_error', call)
 * ```
 */
export async function refuseErrorStatus(
  response: Response,
  expected: number,
  code: ProviderErrorCode,
  call: OauthCall,
): Promise<void> {
  if (response.status === expected) return
  const body = await response.clone().text()
  throw toProviderError(code, { status: response.status, headers: response.headers, body }, call.sent)
}

// oauth4webapi names the claim in its messages: `JWT "exp" (expiration time) claim missing`,
// `ID Token "auth_time" (authentication time) must be a number`.
const claimInMessage = /"(\w+)" \(/

/** The SDK's problem for a claim oauth4webapi found missing or of the wrong type. */
function claimProblem(claim: string | undefined): TokenProblem {
  switch (claim) {
    case 'iss':
    case 'aud':
    case 'sub':
    case 'nonce':
    case 'azp':
      return claim
    default:
      return 'claims'
  }
}

/**
 * Turns what oauth4webapi throws into the SDK's typed errors, with the codes the SDK has always
 * used: a claim comparison becomes `<kind>_<claim>`, a time check `<kind>_expired`/`_nbf`, a key
 * selection `<kind>_kid_unknown`, a bad signature `<kind>_signature`, a token response that is not
 * one `response_invalid`. The SDK's own errors (from its decryption hook) pass through.
 *
 * The mapping reads oauth4webapi's codes and, where one code covers several cases, its messages:
 * the adversarial suites pin each mapping, so a change in oauth4webapi shows there first.
 */
export function fromOauth(error: unknown, kind: TokenKind, status = 200): unknown {
  if (error instanceof FranceConnectSdkError) return error
  const message = error instanceof Error ? error.message : ''
  // oauth4webapi's errors hold the claims, the body and the response: never kept as a cause.
  const token = (problem: TokenProblem, what: string) => new TokenValidationError(kind, problem, `The ${kind} ${what}`)
  const invalid = (what: string) => new TransportError('response_invalid', `The response is invalid: ${what}`, { status })
  if (error instanceof AuthorizationResponseError) return error
  if (error instanceof UnsupportedOperationError) {
    if (message.includes('JWE decryption'))
      return token('unexpected_encryption', 'is encrypted but no decryption keys are configured')
    if (message.includes('crit')) return token('header', 'header carries "crit", refused')
    if (message.includes('token_type')) return invalid('token_type is not Bearer')
    return token('alg', 'is signed with an algorithm that is not accepted')
  }
  if (!(error instanceof OperationProcessingError)) return error
  const cause = error.cause as { claim?: string; attribute?: string } | undefined
  switch (error.code) {
    case JWT_CLAIM_COMPARISON:
      if (message.includes('untrusted audiences')) return token('azp', 'has several audiences and no authorized party (azp)')
      return token(claimProblem(cause?.claim), `claim "${cause?.claim}" does not match this client and sign-in`)
    case JWT_TIMESTAMP_CHECK:
      if (cause?.claim === 'exp') return token('expired', 'has expired')
      if (cause?.claim === 'nbf') return token('nbf', 'is not valid yet (nbf)')
      return token('claims', `claim "${cause?.claim}" is out of time`)
    case JSON_ATTRIBUTE_COMPARISON:
      return token('sub', 'subject is not the ID token subject')
    case KEY_SELECTION:
      return token('kid_unknown', 'matches no single key of the provider (kid, alg)')
    case PARSE_ERROR:
      return message.includes('JWT') ? token('malformed', 'cannot be decoded') : invalid('the body is not JSON')
    default:
      break
  }
  if (message.includes('"alg"')) return token('alg', 'is signed with an algorithm that is not accepted')
  if (message.includes('signature verification failed')) return token('signature', 'signature is invalid')
  if (message.includes('Invalid JWT') || /^JWT (Header|Payload) must/.test(message)) return token('malformed', 'is not a JWT')
  if (message.includes('body "sub"')) return token('sub', 'has no subject (sub)')
  const claim = claimInMessage.exec(message)?.[1]
  if (claim !== undefined) return token(claimProblem(claim), `claim "${claim}" is missing or not of its type`)
  return invalid(message)
}

/**
 * The callback parameters' refusals from oauth4webapi's `validateAuthResponse` (RFC 9207 `iss`,
 * implicit-flow parameters) as the SDK's CallbackErrors.
 */
export function fromCallbackCheck(error: unknown): unknown {
  if (!(error instanceof OperationProcessingError || error instanceof UnsupportedOperationError)) return error
  if (error.message.includes('"iss"') && error.message.includes('missing')) {
    return new CallbackError('iss_missing', 'The callback has no iss although the provider always sends it')
  }
  if (error.message.includes('"iss"')) return new CallbackError('iss_mismatch', 'The callback comes from another issuer (iss)')
  return new CallbackError('callback_invalid', `The callback is not a code response: ${error.message}`)
}
