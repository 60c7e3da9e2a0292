import { CompactEncrypt } from 'jose/jwe/compact/encrypt'
import { compactDecrypt } from 'jose/jwe/compact/decrypt'
import { ConfigurationError } from '../../errors/configuration-error.js'

/** Seals values into cookies and opens them: JWE `dir` + A256GCM, encrypted and authenticated. */
export interface Sealer {
  /** `value` sealed until `ttlSec` from now. */
  seal(value: unknown, ttlSec: number): Promise<string>
  /** The value sealed in `sealed`, or `undefined` when it is tampered, expired, or sealed with an unknown secret. */
  open(sealed: string | undefined): Promise<unknown>
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** A 256-bit key derived from one secret. */
async function keyOf(secret: string): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`franceconnect-sdk session\0${secret}`))
  return new Uint8Array(digest)
}

/**
 * A sealer over one secret or several: the first seals, every one opens, so a secret is rotated by
 * putting the new one first and dropping the old one once the sessions it sealed have expired.
 *
 * @example
 * ```ts
 * const sealer = createSealer([process.env.SESSION_SECRET!, process.env.OLD_SESSION_SECRET!])
 * const sealed = await sealer.seal({ sub: 'abc' }, 1800)
 * await sealer.open(sealed) // { sub: 'abc' }
 * ```
 */
export function createSealer(secret: string | readonly string[]): Sealer {
  const secrets = typeof secret === 'string' ? [secret] : [...secret]
  if (secrets.length === 0 || secrets.some((one) => typeof one !== 'string' || one.length < 32)) {
    throw new ConfigurationError('configuration_invalid', 'The session secret must have at least 32 characters (each of them)')
  }
  const keys = Promise.all(secrets.map(keyOf))

  async function openWith(key: Uint8Array, sealed: string): Promise<{ v?: unknown; exp?: unknown } | undefined> {
    try {
      const { plaintext } = await compactDecrypt(sealed, key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      })
      return JSON.parse(decoder.decode(plaintext)) as { v?: unknown; exp?: unknown }
    } catch {
      return undefined
    }
  }

  return {
    async seal(value, ttlSec) {
      const exp = Math.floor(Date.now() / 1000) + ttlSec
      const [sealingKey] = await keys
      return new CompactEncrypt(encoder.encode(JSON.stringify({ v: value, exp })))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .encrypt(sealingKey!)
    },
    async open(sealed) {
      if (typeof sealed !== 'string' || sealed.length === 0 || sealed.length > 8192) return undefined
      for (const key of await keys) {
        const opened = await openWith(key, sealed)
        if (!opened) continue
        if (typeof opened.exp !== 'number' || opened.exp <= Date.now() / 1000) return undefined
        return opened.v
      }
      return undefined
    },
  }
}
