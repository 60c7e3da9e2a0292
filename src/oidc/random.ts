import { base64urlEncode as base64url } from '../internal/base64url.js'
import { digest } from './digest.js'

// A call to getRandomValues costs about 6 µs whatever its size (Node 20): the system's random bytes
// are drawn 2 KiB at a time, as Node's randomUUID() does, and each byte is handed out once and wiped
// from the pool as it is (the pool only ever holds values not yet used).
const pool = new Uint8Array(2048)
let poolOffset = pool.length

/**
 * `length` bytes from the system's random source (through the pool above).
 *
 * @example
 * ```ts
 * const secret = randomBytes(32)
 * ```
 */
export function randomBytes(length: number): Uint8Array {
  if (length > pool.length) return crypto.getRandomValues(new Uint8Array(length))
  if (poolOffset + length > pool.length) {
    crypto.getRandomValues(pool)
    poolOffset = 0
  }
  const bytes = pool.slice(poolOffset, poolOffset + length)
  pool.fill(0, poolOffset, poolOffset + length)
  poolOffset += length
  return bytes
}

/**
 * `count` random values of 32 bytes each, base64url-encoded (43 characters: above FranceConnect's
 * 22 and ProConnect's 32).
 *
 * @example
 * ```ts
 * const [state, nonce] = randomTokens(2)
 * ```
 */
export function randomTokens(count: number): string[] {
  const bytes = randomBytes(32 * count)
  return Array.from({ length: count }, (_, index) => base64url(bytes.subarray(index * 32, index * 32 + 32)))
}

/**
 * The PKCE S256 challenge of a verifier (RFC 7636): base64url(SHA-256(verifier)).
 *
 * @example
 * ```ts
 * const [verifier] = randomTokens(1)
 * const challenge = await pkceChallenge(verifier)
 * ```
 */
export function pkceChallenge(verifier: string): Promise<string> {
  return sha256Base64url(verifier)
}

/**
 * base64url(SHA-256(text)): what the store keeps of a binding secret, and comparable in constant
 * time with `===` since an attacker cannot steer the digest.
 *
 * @example
 * ```ts
 * const bindingHash = await sha256Base64url(bindingSecret)
 * ```
 */
export async function sha256Base64url(text: string): Promise<string> {
  return base64url(await digest('SHA-256', text))
}
