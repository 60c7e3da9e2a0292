import { lazyModule } from '../internal/lazy-module.js'

/**
 * Decrypts a compact JWE with one key, accepting only the listed algorithms, and returns the
 * plaintext. Supplied by the presets whose provider encrypts (`franceConnectPlus()`) and by the data
 * provider's checktoken, so that a FranceConnect v2 sign-in does not carry JWE decryption.
 */
export type JweDecrypt = (
  jwe: string,
  key: CryptoKey,
  algorithms: { keyManagementAlgorithms: string[]; contentEncryptionAlgorithms: string[] },
) => Promise<Uint8Array>

// jose's JWE decryption is loaded with the first encrypted token, not when the app starts.
const jweModule = lazyModule(() => import('jose/jwe/compact/decrypt'))

/**
 * {@link JweDecrypt} on jose's compact decryption.
 *
 * @example
 * ```ts
 * const plaintext = await decryptJwe(jwe, privateKey, {
 *   keyManagementAlgorithms: ['ECDH-ES'], contentEncryptionAlgorithms: ['A256GCM'],
 * })
 * ```
 */
export const decryptJwe: JweDecrypt = async (jwe, key, algorithms) => {
  const { compactDecrypt } = await jweModule()
  const { plaintext } = await compactDecrypt(jwe, key, algorithms)
  return plaintext
}
