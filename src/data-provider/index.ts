/**
 * franceconnect-sdk/data-provider: for those who serve an "API FranceConnectée". Verify the
 * FranceConnect access token a service provider presents, with FranceConnect's checktoken (v2,
 * FranceConnect+, or the legacy v1), check its scopes, answer RFC 6750 challenges, and publish the
 * encryption keys FranceConnect encrypts its answers to.
 *
 * @module
 */
export { createAccessTokenVerifier, verifyAccessToken } from './verifier.js'
export { authenticate } from './authenticate.js'
export { requireScopes, missingScopes } from './require-scopes.js'
export { dataProviderJwks } from './jwks.js'
export { readBearerToken, isBearerTokenSyntax, type BearerTokenReading } from './bearer-token.js'
export { tokenCacheKey } from './result-cache.js'
export {
  checktokenContentEncryption,
  checktokenKeyManagementAlgorithms,
  checktokenSigningAlgorithms,
} from './algorithms.js'
export type {
  AccessTokenResult,
  AccessTokenV1Result,
  AccessTokenVerifier,
  AccessTokenVerifierOptions,
  AccessTokenVerifierV1Options,
  ActiveAccessToken,
  ActiveAccessTokenV1,
  AnyAccessTokenResult,
  AuthenticateExtras,
  AuthenticateFailure,
  AuthenticateOptions,
  AuthenticateResult,
  AuthenticateV1Options,
  BearerRequest,
  ChecktokenVersion,
  FranceConnectV1Identity,
  InactiveAccessToken,
  ResultCacheOptions,
  ResultCacheView,
  VerifyAccessTokenOptions,
  VerifyAccessTokenV1Options,
} from './types.js'
export { InsufficientScopeError } from '../errors/insufficient-scope-error.js'
export type { EncryptionKey } from '../oidc/encryption-keys.js'
export type { FranceConnectClaims } from '../registry/identity-claims.js'
