import { encode as base64url } from 'jose/base64url'
import { AcrError } from '../errors/acr-error.js'
import { TokenValidationError } from '../errors/token-validation-error.js'
import type { VerifiedJwt } from '../oidc/verify-jwt.js'
import type { ClientContext } from './context.js'
import type { SignInTransaction } from './transaction.js'
import { verifyProviderJwt } from './verify-provider-jwt.js'

/**
 * Verifies the ID token of a callback: decryption (FranceConnect+), signature, `iss`, `aud`, `exp`,
 * `iat`, then what ties it to this sign-in: `nonce`, the level (`acr` at least the one asked), `amr`
 * shape, and `at_hash` when present.
 */
export async function verifyIdToken(
  context: ClientContext,
  idToken: string,
  accessToken: string,
  transaction: SignInTransaction,
): Promise<VerifiedJwt> {
  const { provider } = context
  const verified = await verifyProviderJwt(context, idToken, 'id_token', { exp: true, iat: true, issAud: true })
  const { payload } = verified
  if (typeof payload.nonce !== 'string' || payload.nonce !== transaction.nonce) {
    throw new TokenValidationError('id_token', 'nonce', 'The ID token nonce does not match this sign-in')
  }
  checkAcr(context, payload.acr, transaction.acr)
  if (payload.amr !== undefined && !(Array.isArray(payload.amr) && payload.amr.every((m) => typeof m === 'string'))) {
    throw new TokenValidationError('id_token', 'claims', 'The ID token claim "amr" is not an array of strings')
  }
  if (payload.auth_time !== undefined && typeof payload.auth_time !== 'number') {
    throw new TokenValidationError('id_token', 'claims', 'The ID token claim "auth_time" is not a number')
  }
  const expectedAtHash = payload.at_hash === undefined ? undefined : await tokenHash(accessToken, verified.header.alg)
  if (expectedAtHash !== undefined && payload.at_hash !== expectedAtHash) {
    throw new TokenValidationError('id_token', 'at_hash', 'The ID token at_hash does not match the access token')
  }
  return verified
}

/**
 * The returned level against what the sign-in asked and the client's own floor (its `acr` option):
 * a transaction that came from elsewhere cannot lower what this client accepts.
 */
export function checkAcr(context: ClientContext, received: unknown, asked: string | undefined): void {
  const rules = context.provider.acr
  const floor = context.options.acr
  if (floor !== undefined && rules && (asked === undefined || rules.levels.indexOf(asked) < rules.levels.indexOf(floor))) {
    asked = floor
  }
  if (received === undefined) {
    if (rules?.required || asked !== undefined)
      throw new AcrError('acr_missing', 'The ID token carries no acr', { ...(asked ? { expected: asked } : {}) })
    return
  }
  if (typeof received !== 'string') throw new AcrError('acr_invalid', 'The ID token acr is not a string')
  if (!rules) return
  if (!rules.levels.includes(received)) {
    throw new AcrError('acr_invalid', `The ID token acr is not a level of ${context.provider.name}`, { received })
  }
  if (asked !== undefined && rules.levels.indexOf(received) < rules.levels.indexOf(asked)) {
    throw new AcrError('acr_too_low', `The provider authenticated at ${received}, below the ${asked} asked`, {
      expected: asked,
      received,
    })
  }
}

const hashForAlg: Record<string, string> = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' }

/** `at_hash`: the left half of the hash of the access token, with the hash of the signature algorithm. */
async function tokenHash(accessToken: string, alg: string): Promise<string | undefined> {
  const hash = hashForAlg[alg.slice(-3)]
  if (!hash) return undefined
  const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(accessToken)))
  return base64url(digest.subarray(0, digest.length / 2))
}
