import { base64urlDecode } from '../internal/base64url.js'
import { TokenValidationError, type TokenKind } from '../errors/token-validation-error.js'
import type { JweDecrypt } from './decrypt-jwe.js'
import type { DecryptionKeys } from './encryption-keys.js'

/** How to decrypt a provider's JWE: the client's keys, the decryption itself, the accepted `enc`s. */
export interface JweDecryption {
  keys: DecryptionKeys
  /** The decryption itself: given by whoever needs it, so that only they carry it. */
  decrypt: JweDecrypt
  contentEncryptionAlgorithms: readonly string[]
}

const textDecoder = new TextDecoder()
// Headers that would let a token choose its own verification key or require unknown processing.
const refusedHeaderMembers = ['jku', 'x5u', 'jwk', 'crit'] as const

/**
 * Refuses a JWS header that would let the token choose its own key or require unknown processing
 * (`jku`, `x5u`, `jwk`, `crit`), or whose `kid` is not a string.
 *
 * @example
 * ```ts
 * checkHeaderMembers(readHeader(jws, 'id_token'), 'id_token')
 * ```
 */
export function checkHeaderMembers(header: Record<string, unknown>, kind: TokenKind): void {
  for (const member of refusedHeaderMembers) {
    if (member in header) throw new TokenValidationError(kind, 'header', `The ${kind} header carries "${member}", refused`)
  }
  if (header.kid !== undefined && typeof header.kid !== 'string') {
    throw new TokenValidationError(kind, 'header', `The ${kind} header "kid" is not a string`)
  }
}

/**
 * Decrypts a compact JWE to the JWS inside it: `enc` and `alg` from the allow-lists, no `zip`, a
 * key of the client's for that `alg` (and `kid` when named), each candidate tried in turn; the
 * plaintext must be a compact JWS. Every refusal is a {@link TokenValidationError}.
 *
 * @example
 * ```ts
 * const jws = await decryptToJws(jwe, 'id_token', { keys, decrypt: decryptJwe, contentEncryptionAlgorithms: ['A256GCM'] })
 * ```
 */
export async function decryptToJws(token: string, kind: TokenKind, decryption: JweDecryption): Promise<string> {
  const header = readHeader(token, kind)
  const { keys, contentEncryptionAlgorithms, decrypt } = decryption
  if (typeof header.enc !== 'string' || !contentEncryptionAlgorithms.includes(header.enc)) {
    throw new TokenValidationError(
      kind,
      'header',
      `The ${kind} is encrypted with an enc that is not accepted (expected ${contentEncryptionAlgorithms.join(' or ')})`,
    )
  }
  if ('zip' in header) throw new TokenValidationError(kind, 'header', `The ${kind} is compressed (zip), refused`)
  if (typeof header.alg !== 'string' || !keys.algorithms.includes(header.alg)) {
    throw new TokenValidationError(kind, 'header', `The ${kind} is encrypted with a key algorithm the client has no key for`)
  }
  const candidates = keys.select({ alg: header.alg, kid: typeof header.kid === 'string' ? header.kid : undefined })
  if (candidates.length === 0) {
    throw new TokenValidationError(kind, 'decryption', `The ${kind} is encrypted to a key the client does not have`)
  }
  for (const candidate of candidates) {
    try {
      const plaintext = await decrypt(token, await candidate, {
        keyManagementAlgorithms: [header.alg],
        contentEncryptionAlgorithms: [...contentEncryptionAlgorithms],
      })
      const inner = textDecoder.decode(plaintext)
      if (inner.split('.').length !== 3) {
        throw new TokenValidationError(kind, 'not_signed', `The encrypted ${kind} does not contain a signed JWT`)
      }
      return inner
    } catch (cause) {
      if (cause instanceof TokenValidationError) throw cause
      // try the next key with the same alg and no kid; the last failure is reported below
    }
  }
  throw new TokenValidationError(kind, 'decryption', `The ${kind} cannot be decrypted with the client's keys`)
}

/**
 * The protected header of a compact JWS or JWE, as an object; a header that is not one is a
 * `<kind>_malformed` error.
 *
 * @example
 * ```ts
 * readHeader(idToken, 'id_token').alg // 'ES256'
 * ```
 */
export function readHeader(token: string, kind: TokenKind): Record<string, unknown> {
  try {
    const header: unknown = JSON.parse(textDecoder.decode(base64urlDecode(token.slice(0, token.indexOf('.')))))
    if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new TypeError('not an object')
    return header as Record<string, unknown>
  } catch (cause) {
    throw new TokenValidationError(kind, 'malformed', `The ${kind} header cannot be decoded`, cause)
  }
}
