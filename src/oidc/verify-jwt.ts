import { type CheckedJwtExpectations, checkJwt, type VerifiedJwt } from './check-jwt.js'
import { decryptJwe, type JweDecrypt } from './decrypt-jwe.js'

export type { VerifiedJwt } from './check-jwt.js'

/** What a JWT must satisfy to be accepted; decryption uses jose's unless another is given. */
export type JwtExpectations = Omit<CheckedJwtExpectations, 'decryption'> & {
  decryption?: Omit<NonNullable<CheckedJwtExpectations['decryption']>, 'decrypt'> & { decrypt?: JweDecrypt }
}

/**
 * {@link checkJwt} with jose's JWE decryption by default: for callers that may always meet a JWE
 * (the data provider's checktoken). The client calls `checkJwt` with the preset's decryption.
 *
 * @example
 * ```ts
 * const { payload } = await verifyJwt(answer, {
 *   kind: 'checktoken', issuer, audience: clientId, algorithms: ['ES256'], keys,
 *   decryption: { keys: decryptionKeys, contentEncryptionAlgorithms: ['A256GCM'], required: true },
 *   clockToleranceSec: 30, require: { exp: false, iat: true, sub: false },
 * })
 * ```
 */
export function verifyJwt(token: unknown, expect: JwtExpectations): Promise<VerifiedJwt> {
  const { decryption } = expect
  return checkJwt(token, {
    ...expect,
    ...(decryption ? { decryption: { ...decryption, decrypt: decryption.decrypt ?? decryptJwe } } : {}),
  } as CheckedJwtExpectations)
}
