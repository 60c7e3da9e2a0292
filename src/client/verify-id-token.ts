import { base64urlEncode as base64url } from '../internal/base64url.js'
import { AcrError } from '../errors/acr-error.js'
import { acceptableAcrValues } from '../providers/eidas.js'
import { TokenValidationError } from '../errors/token-validation-error.js'
import type { VerifiedJwt } from '../oidc/check-jwt.js'
import { type DigestAlgorithm, digest } from '../oidc/digest.js'
import type { ClientContext } from './context.js'
import type { SignInTransaction } from './transaction.js'
import type { OauthCall } from './oauth.js'
import { type ProcessedJwt, verifyProcessedJwt } from './verify-provider-jwt.js'

/**
 * Verifies the ID token of a callback, whose claims and nonce oauth4webapi has checked: the rest of
 * {@link verifyProcessedJwt} (encryption, header, `iat`, audiences, signature), then what ties it to
 * this sign-in: the level (`acr` at least the one asked and the client's floor), `amr` shape, and
 * `at_hash` / `c_hash` when present, for every accepted algorithm.
 */
export async function verifyIdToken(
  context: ClientContext,
  call: OauthCall,
  idToken: ProcessedJwt,
  accessToken: string,
  transaction: SignInTransaction,
  code?: string,
): Promise<VerifiedJwt> {
  const verified = await verifyProcessedJwt(context, call, idToken, 'id_token', { iat: true, issAud: true })
  const { payload } = verified
  checkAcr(context, payload.acr, transaction.acr)
  if (payload.amr !== undefined && !(Array.isArray(payload.amr) && payload.amr.every((m: unknown) => typeof m === 'string'))) {
    throw new TokenValidationError('id_token', 'claims', 'The ID token claim "amr" is not an array of strings')
  }
  if (payload.at_hash !== undefined && payload.at_hash !== (await tokenHash(accessToken, verified.header.alg))) {
    throw new TokenValidationError('id_token', 'at_hash', 'The ID token at_hash does not match the access token')
  }
  if (payload.c_hash !== undefined && (code === undefined || payload.c_hash !== (await tokenHash(code, verified.header.alg)))) {
    throw new TokenValidationError('id_token', 'at_hash', 'The ID token c_hash does not match the authorization code')
  }
  return verified
}

/**
 * The returned level against what the sign-in asked and the client's own floor (its `acr` option):
 * each is a minimum, satisfied by the levels `acceptableAcrValues` lists, so a transaction that came
 * from elsewhere cannot lower what this client accepts. With neither (ProConnect when the app asks
 * nothing), any level is accepted, except on a provider that always states a known one.
 */
export function checkAcr(context: ClientContext, received: unknown, asked: string | undefined): void {
  const rules = context.provider.acr
  const minimums = [asked, context.options.acr].filter((level): level is string => level !== undefined)
  if (received === undefined) {
    if (rules?.required || minimums.length > 0) {
      throw new AcrError('acr_missing', 'The ID token carries no acr', { ...(minimums[0] ? { expected: minimums[0] } : {}) })
    }
    return
  }
  if (typeof received !== 'string') throw new AcrError('acr_invalid', 'The ID token acr is not a string')
  if (!rules) return
  const known = rules.levels.includes(received) || rules.allowed.includes(received)
  if (!known && (rules.required || minimums.length > 0)) {
    throw new AcrError('acr_invalid', `The ID token acr is not a level of ${context.provider.name}`, { received })
  }
  for (const minimum of minimums) {
    if (!acceptableAcrValues(rules, minimum).includes(received)) {
      throw new AcrError('acr_too_low', `The provider authenticated at ${received}, which does not satisfy ${minimum}`, {
        expected: minimum,
        received,
      })
    }
  }
}

const hashForBits: Record<string, DigestAlgorithm> = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' }

/**
 * The hash of `at_hash` / `c_hash` for a signature algorithm: the one of its name (ES256, RS384,
 * HS512…), SHA-512 for EdDSA (Ed25519, as OpenID Connect's registry says). An algorithm with no
 * known hash refuses the claim rather than skipping its check.
 */
function hashOf(alg: string): DigestAlgorithm {
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'SHA-512'
  const hash = /^(?:ES|RS|PS|HS)(256|384|512)$/.exec(alg)?.[1]
  if (hash === undefined) {
    throw new TokenValidationError('id_token', 'at_hash', `The ID token carries a token hash the SDK cannot check with ${alg}`)
  }
  return hashForBits[hash] as DigestAlgorithm
}

/** `at_hash` / `c_hash`: the left half of the hash of the token, with the hash of the signature algorithm. */
async function tokenHash(token: string, alg: string): Promise<string> {
  const hash = await digest(hashOf(alg), token)
  return base64url(hash.subarray(0, hash.length / 2))
}
