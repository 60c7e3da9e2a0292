import type { JWK } from 'jose'
import { ConfigurationError } from '../errors/configuration-error.js'
import { toPublicEncryptionJwk, type EncryptionKey } from '../oidc/encryption-keys.js'
import { checktokenKeyManagementAlgorithms, keyTypeOfAlgorithm } from './algorithms.js'

/**
 * Checks that a key can receive FranceConnect's checktoken answers: a `kid`, an `alg` FranceConnect
 * encrypts with (`ECDH-ES`, `RSA-OAEP`, `RSA-OAEP-256`), the key type that goes with it, and no
 * `use` other than `enc`.
 *
 * @example
 * ```ts
 * keys.forEach(assertChecktokenEncryptionKey) // throws ConfigurationError { code: 'configuration_invalid' } for an A128KW key
 * ```
 */
export function assertChecktokenEncryptionKey(key: EncryptionKey, index: number): void {
  const name = typeof key?.kid === 'string' ? `"${key.kid}"` : `#${index}`
  if (typeof key !== 'object' || key === null || typeof key.kid !== 'string' || key.kid.length === 0) {
    throw new ConfigurationError('configuration_invalid', `Encryption key ${name} needs a "kid"`)
  }
  if (!(checktokenKeyManagementAlgorithms as readonly string[]).includes(key.alg)) {
    throw new ConfigurationError(
      'configuration_invalid',
      `Encryption key ${name} needs an "alg" FranceConnect encrypts checktoken answers with (${checktokenKeyManagementAlgorithms.join(', ')})`,
    )
  }
  if (key.kty !== keyTypeOfAlgorithm[key.alg]) {
    throw new ConfigurationError(
      'configuration_invalid',
      `Encryption key ${name} is not a ${keyTypeOfAlgorithm[key.alg]} key, as ${key.alg} needs`,
    )
  }
  if (key.use !== undefined && key.use !== 'enc') {
    throw new ConfigurationError('configuration_invalid', `Encryption key ${name} is not an encryption key (use)`)
  }
}

/**
 * The key set a data provider serves at the `jwks_uri` it registered with FranceConnect: the public
 * halves of its encryption keys, each with `use: "enc"` and its `alg`, private members removed.
 *
 * Order matters: FranceConnect puts no `kid` in the checktoken JWE and encrypts to the FIRST key
 * whose `use` is `enc` and whose `alg` is the registered `checktoken_encrypted_response_alg`. To
 * rotate, put the new key first and keep the old one among the verifier's `decryptionKeys` until
 * FranceConnect has refetched the set.
 *
 * @example
 * ```ts
 * const keys = [JSON.parse(process.env.DP_ENC_KEY!)] // { kty: 'EC', crv: 'P-256', d, x, y, kid: 'dp-2025', alg: 'ECDH-ES' }
 * app.get('/.well-known/jwks.json', (req, res) => res.json(dataProviderJwks(keys)))
 * // { keys: [{ kty: 'EC', crv: 'P-256', x, y, kid: 'dp-2025', alg: 'ECDH-ES', use: 'enc' }] }
 * ```
 */
export function dataProviderJwks(keys: readonly EncryptionKey[]): { keys: JWK[] } {
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new ConfigurationError('configuration_invalid', 'dataProviderJwks needs at least one encryption key')
  }
  keys.forEach(assertChecktokenEncryptionKey)
  return { keys: keys.map(toPublicEncryptionJwk) }
}
