import type { JWK } from 'jose'
import { ConfigurationError } from '../errors/configuration-error.js'
import { importJwk } from './import-jwk.js'

/**
 * A private key the client decrypts with: a private JWK carrying `kid` and `alg` (`RSA-OAEP`,
 * `RSA-OAEP-256`, `ECDH-ES`…), as you would keep it in a secret store.
 */
export type EncryptionKey = JWK & { kid: string; alg: string }

/** The client's decryption keys, imported once. */
export interface DecryptionKeys {
  /** The keys whose `alg` matches a JWE header, and whose `kid` matches it when the header has one. */
  select(header: { alg?: string | undefined; kid?: string | undefined }): Promise<CryptoKey>[]
  /** The key management algorithms the keys can do. */
  readonly algorithms: readonly string[]
  /** The public halves, as a JWKS to serve at the `jwks_uri` registered with the provider. */
  publicJwks(): { keys: JWK[] }
}

const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const

/**
 * The public half of a key pair as a JWK with `use: "enc"` and its `alg`, ready to publish.
 *
 * @example
 * ```ts
 * toPublicEncryptionJwk(privateJwk) // { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ECDH-ES', use: 'enc' }
 * ```
 */
export function toPublicEncryptionJwk(key: EncryptionKey): JWK {
  const copy: Record<string, unknown> = { ...key, use: 'enc' }
  for (const member of privateMembers) delete copy[member]
  delete copy.key_ops
  return copy as JWK
}

/**
 * Prepares the client's decryption keys (FranceConnect+), checking each has a `kid`, an `alg` and its
 * private part.
 *
 * @example
 * ```ts
 * const keys = createDecryptionKeys([JSON.parse(process.env.FC_ENC_KEY!)])
 * ```
 */
export function createDecryptionKeys(keys: readonly EncryptionKey[]): DecryptionKeys {
  const imported = new Map<EncryptionKey, Promise<CryptoKey>>()
  for (const key of keys) {
    if (typeof key.kid !== 'string' || typeof key.alg !== 'string') {
      throw new ConfigurationError('configuration_invalid', 'Each encryption key needs a "kid" and an "alg"')
    }
    if (key.d === undefined) {
      throw new ConfigurationError('configuration_invalid', `Encryption key "${key.kid}" has no private part`)
    }
    if (key.use !== undefined && key.use !== 'enc') {
      throw new ConfigurationError('configuration_invalid', `Encryption key "${key.kid}" is not an encryption key (use)`)
    }
  }
  const load = (key: EncryptionKey): Promise<CryptoKey> => {
    let promise = imported.get(key)
    if (!promise) {
      promise = importJwk(key, key.alg, 'decrypt')
      imported.set(key, promise)
    }
    return promise
  }
  return {
    algorithms: [...new Set(keys.map((key) => key.alg))],
    select(header) {
      return keys.filter((key) => key.alg === header.alg && (header.kid === undefined || key.kid === header.kid)).map(load)
    },
    publicJwks() {
      return { keys: keys.map(toPublicEncryptionJwk) }
    },
  }
}
