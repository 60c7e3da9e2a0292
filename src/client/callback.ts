import { AuthorizationResponseError, validateAuthResponse } from 'oauth4webapi'
import { AuthorizationError } from '../errors/authorization-error.js'
import { CallbackError } from '../errors/callback-error.js'
import type { ClientContext } from './context.js'
import { exchangeCode } from './exchange-code.js'
import { fetchUserinfo } from './fetch-userinfo.js'
import { oauthCall } from './oauth.js'
import { fromCallbackCheck } from './oauth-errors.js'
import { readCallbackParams } from './parse-callback.js'
import { takeBoundTransaction } from './transaction.js'
import type { CallbackInput, CallbackOptions, Session } from './types.js'
import { verifyIdToken } from './verify-id-token.js'
import { claimsSchemas, validateClaims } from '../registry/identity-claims.js'

// Claims about the token itself, not about the person: left out of `session.claims`.
const protocolClaims = new Set([
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'nonce',
  'azp',
  'at_hash',
  'c_hash',
  'auth_time',
  'sid',
  'acr',
  'amr',
])

/**
 * Completes a sign-in: checks the callback (its binding to this browser and this client, `state`
 * known and unused, `iss`), maps an `error=` return to an AuthorizationError, exchanges the code,
 * verifies the ID token and userinfo, validates the identity claims, and returns the session. A
 * callback without its browser's binding is refused before anything is consumed; once the binding
 * holds, the transaction is consumed first: whatever fails after, it can never be accepted again.
 */
export async function callback(context: ClientContext, input: CallbackInput, options: CallbackOptions = {}): Promise<Session> {
  const params = readCallbackParams(input)
  const state = params.get('state')
  if (!state) throw new CallbackError('state_missing', 'The callback has no state')
  const transaction = await takeBoundTransaction(context, 'sign-in', state, options)

  const metadata = await context.metadata(options.signal)
  const call = oauthCall(context, metadata, options.signal)
  let checked: URLSearchParams
  try {
    // oauth4webapi's checks of the callback: RFC 9207 `iss`, the state the binding found, no implicit-flow tokens.
    checked = validateAuthResponse(call.as, call.client, params, state)
  } catch (error) {
    if (!(error instanceof AuthorizationResponseError)) throw fromCallbackCheck(error)
    const connectorScopes = new Set((context.options.apis ?? []).flatMap((connector) => connector.scopes))
    const dataScopes = transaction.scopes.filter((scope) => connectorScopes.has(scope))
    throw new AuthorizationError(error.error, error.error_description, dataScopes)
  }
  const code = checked.get('code')
  if (!code) throw new CallbackError('callback_invalid', 'The callback has neither a code nor an error')

  const tokens = await exchangeCode(context, call, metadata, checked, transaction)
  const idToken = await verifyIdToken(context, call, tokens.idToken, tokens.accessToken, transaction, code)
  const sub = idToken.payload.sub as string

  let identity: Record<string, unknown>
  if (metadata.userinfo_endpoint !== undefined) {
    identity = await fetchUserinfo(context, call, tokens.accessToken, sub)
  } else {
    identity = idToken.payload
  }
  const claims = validateClaims<Session['claims']>(claimsSchemas[context.provider.claims], withoutProtocolClaims(identity))

  const { acr, amr } = idToken.payload
  return {
    sub,
    ...(typeof acr === 'string' ? { acr } : {}),
    ...(Array.isArray(amr) ? { amr: amr as string[] } : {}),
    claims,
    idToken: idToken.jws,
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    scopes: tokens.scope === undefined ? transaction.scopes : tokens.scope.split(' ').filter(Boolean),
    expiresAt: Math.floor(Date.now() / 1000) + tokens.expiresIn,
  }
}

function withoutProtocolClaims(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([name]) => !protocolClaims.has(name)))
}
