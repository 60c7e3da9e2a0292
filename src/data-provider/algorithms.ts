/**
 * The algorithms FranceConnect uses for checktoken answers: the data provider
 * registers one of each list, `checktoken_signed_response_alg`, `checktoken_encrypted_response_alg`
 * and `checktoken_encrypted_response_enc`.
 */
export const checktokenSigningAlgorithms = ['ES256', 'RS256'] as const

/** Key management algorithms FranceConnect can encrypt a checktoken answer with. */
export const checktokenKeyManagementAlgorithms = ['ECDH-ES', 'RSA-OAEP', 'RSA-OAEP-256'] as const

/** The only content encryption FranceConnect uses. */
export const checktokenContentEncryption = 'A256GCM'

/** The key type each key management algorithm needs. */
export const keyTypeOfAlgorithm: Readonly<Record<string, string>> = {
  'ECDH-ES': 'EC',
  'RSA-OAEP': 'RSA',
  'RSA-OAEP-256': 'RSA',
}
