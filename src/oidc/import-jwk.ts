import type { JWK } from 'jose'

type KeyUse = 'verify' | 'sign' | 'decrypt'

/** The Web Crypto algorithm of a JOSE `alg`, for a key of curve `crv` where it matters. */
function webCryptoAlgorithm(alg: string, crv: string | undefined): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  const bits = alg.slice(-3)
  if (/^ES(256|384|512)$/.test(alg))
    return { name: 'ECDSA', namedCurve: { '256': 'P-256', '384': 'P-384', '512': 'P-521' }[bits] as string }
  if (/^RS(256|384|512)$/.test(alg)) return { name: 'RSASSA-PKCS1-v1_5', hash: `SHA-${bits}` }
  if (/^PS(256|384|512)$/.test(alg)) return { name: 'RSA-PSS', hash: `SHA-${bits}` }
  if (alg === 'EdDSA' || alg === 'Ed25519') return { name: 'Ed25519' }
  if (alg === 'RSA-OAEP') return { name: 'RSA-OAEP', hash: 'SHA-1' }
  if (/^RSA-OAEP-(256|384|512)$/.test(alg)) return { name: 'RSA-OAEP', hash: `SHA-${bits}` }
  if (alg.startsWith('ECDH-ES')) return crv === 'X25519' ? { name: 'X25519' } : { name: 'ECDH', namedCurve: crv ?? '' }
  throw new TypeError(`Unsupported JOSE algorithm ${alg}`)
}

const keyMembers = ['kty', 'crv', 'x', 'y', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const

/**
 * Imports a JWK as a non-extractable Web Crypto key for one JOSE algorithm and one use, without
 * loading jose's key importers (PEM, X.509…) that the SDK never needs. `alg`, `use` and `key_ops`
 * are left to the caller's checks: Web Crypto only sees the key material.
 *
 * @example
 * ```ts
 * const key = await importJwk(jwk, 'ES256', 'verify')
 * ```
 */
export function importJwk(jwk: JWK, alg: string, use: KeyUse): Promise<CryptoKey> {
  const material: Record<string, unknown> = { ext: true }
  for (const member of keyMembers) if (jwk[member] !== undefined) material[member] = jwk[member]
  const algorithm = webCryptoAlgorithm(alg, jwk.crv)
  const usages: KeyUsage[] = algorithm.name === 'ECDH' || algorithm.name === 'X25519' ? ['deriveBits'] : [use]
  return crypto.subtle.importKey('jwk', material as JsonWebKey, algorithm, false, usages)
}
