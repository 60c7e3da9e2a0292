import { TokenValidationError } from '../errors/token-validation-error.js'
import { UnsupportedError } from '../errors/unsupported-error.js'
import type { ClientContext } from './context.js'
import { requestTokens } from './exchange-code.js'
import type { Session } from './types.js'
import { verifyProviderJwt } from './verify-provider-jwt.js'

/**
 * Gets a fresh access token with the session's refresh token (ProConnect and generic providers;
 * FranceConnect issues none). A new ID token, when the provider sends one, is verified and must be
 * about the same subject (OpenID Connect Core §12.2); the identity claims are kept.
 */
export async function refresh(
  context: ClientContext,
  session: Session,
  options: { signal?: AbortSignal } = {},
): Promise<Session> {
  if (session.refreshToken === undefined) {
    throw new UnsupportedError('feature_unsupported', `This session has no refresh token (${context.provider.name} issues none)`)
  }
  const metadata = await context.metadata()
  const tokens = await requestTokens(
    context,
    metadata,
    { grant_type: 'refresh_token', refresh_token: session.refreshToken },
    { idTokenRequired: false, signal: options.signal },
  )
  let idToken = session.idToken
  if (tokens.idToken !== undefined) {
    const verified = await verifyProviderJwt(context, tokens.idToken, 'id_token', { exp: true, iat: true })
    if (verified.payload.sub !== session.sub) {
      throw new TokenValidationError('id_token', 'sub', 'The refreshed ID token is about another subject')
    }
    idToken = verified.jws
  }
  return {
    ...session,
    idToken,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? session.refreshToken,
    ...(tokens.scope === undefined ? {} : { scopes: tokens.scope.split(' ').filter(Boolean) }),
    expiresAt: Math.floor(Date.now() / 1000) + tokens.expiresIn,
  }
}
