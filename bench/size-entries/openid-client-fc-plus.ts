// openid-client's equivalent of (b): (a) plus enableDecryptingResponses with the client's key.
import * as client from 'openid-client'

export * from './openid-client-fc-v2.js'

export function enableFranceConnectPlus(config: client.Configuration, key: CryptoKey) {
  client.enableDecryptingResponses(config, ['A256GCM'], { key, alg: 'ECDH-ES', kid: 'enc-1' })
}
