import { TokenValidationError } from '../errors/token-validation-error.js'
import { UnsupportedError } from '../errors/unsupported-error.js'
import type { ClientContext } from './context.js'
import { refreshTokens } from './exchange-code.js'
import { oauthCall } from './oauth.js'
import type { Session } from './types.js'
import { checkAcr } from './verify-id-token.js'
import { verifyProcessedJwt } from './verify-provider-jwt.js'

/**
 * Gets a fresh access token with the session's refresh token (ProConnect and generic providers;
 * FranceConnect issues none). A new ID token, when the provider sends one, is verified, must be
 * about the same subject (OpenID Connect Core §12.2), and its level must meet the client's floor;
 * the session then takes its `acr` and `amr`. The identity claims are kept.
 */
export async function refresh(
  context: ClientContext,
  session: Session,
  options: { signal?: AbortSignal } = {},
): Promise<Session> {
  if (session.refreshToken === undefined) {
    throw new UnsupportedError('refresh', `This session has no refresh token (${context.provider.name} issues none)`)
  }
  const metadata = await context.metadata(options.signal)
  const call = oauthCall(context, metadata, options.signal)
  const tokens = await refreshTokens(context, call, metadata, session.refreshToken)
  let refreshed: Session = session
  if (tokens.idToken !== undefined) {
    const verified = await verifyProcessedJwt(context, call, tokens.idToken, 'id_token', { iat: true, issAud: true })
    const { sub, acr, amr } = verified.payload
    if (sub !== session.sub) {
      throw new TokenValidationError('id_token', 'sub', 'The refreshed ID token is about another subject')
    }
    checkAcr(context, acr, undefined)
    const { acr: _acr, amr: _amr, ...rest } = session
    refreshed = {
      ...rest,
      idToken: verified.jws,
      ...(typeof acr === 'string' ? { acr } : {}),
      ...(Array.isArray(amr) && amr.every((method) => typeof method === 'string') ? { amr: amr as string[] } : {}),
    }
  }
  return {
    ...refreshed,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? session.refreshToken,
    ...(tokens.scope === undefined ? {} : { scopes: tokens.scope.split(' ').filter(Boolean) }),
    expiresAt: Math.floor(Date.now() / 1000) + tokens.expiresIn,
  }
}
