import type { TokenKind } from '../errors/token-validation-error.js'
import { type CheckedJwtExpectations, checkJwt, type VerifiedJwt } from '../oidc/check-jwt.js'
import type { ClientContext } from './context.js'

/**
 * Verifies a JWT the client's provider issued (ID token, userinfo): the provider's issuer, keys and
 * algorithms, the client as audience, the client secret for HS256, decryption first when the client
 * has keys (required where the preset encrypts), the client's clock tolerance. Only what must be
 * present differs between kinds.
 */
export async function verifyProviderJwt(
  context: ClientContext,
  token: string,
  kind: TokenKind,
  require: CheckedJwtExpectations['require'],
): Promise<VerifiedJwt> {
  const { provider, decryptionKeys, sharedSecret } = context
  const keys = await context.keys()
  const encryption = provider.encryption
  return checkJwt(token, {
    kind,
    issuer: provider.issuer,
    audience: context.options.clientId,
    ...(context.options.trustedAudiences ? { trustedAudiences: context.options.trustedAudiences } : {}),
    algorithms: provider.signingAlgorithms,
    ...(keys ? { keys } : {}),
    ...(sharedSecret ? { sharedSecret } : {}),
    // Decryption comes with the preset (franceConnectPlus) or the generic provider's options.
    ...(decryptionKeys && provider.decryptJwe
      ? {
          decryption: {
            keys: decryptionKeys,
            decrypt: provider.decryptJwe,
            contentEncryptionAlgorithms: encryption?.contentEncryptionAlgorithms ?? ['A256GCM', 'A128GCM', 'A192GCM'],
            required: encryption?.required ?? false,
          },
        }
      : {}),
    clockToleranceSec: context.clockToleranceSec,
    require,
  })
}
