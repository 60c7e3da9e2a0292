import { exportJWK, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { dataProviderJwks, type EncryptionKey } from '../../../src/data-provider/index.js'

async function privateKey(kid: string, alg: 'ECDH-ES' | 'RSA-OAEP-256' | 'RSA-OAEP'): Promise<EncryptionKey> {
  const { privateKey: key } = await generateKeyPair(alg, { extractable: true, ...(alg === 'ECDH-ES' ? { crv: 'P-256' } : {}) })
  return { ...(await exportJWK(key)), kid, alg }
}

describe('dataProviderJwks', () => {
  it('publishes the public halves with use "enc" and alg, in the order given', async () => {
    const ec = await privateKey('dp-ec', 'ECDH-ES')
    const rsa = await privateKey('dp-rsa', 'RSA-OAEP-256')
    const { keys } = dataProviderJwks([ec, rsa])
    expect(keys.map((key) => [key.kid, key.alg, key.use, key.kty])).toEqual([
      ['dp-ec', 'ECDH-ES', 'enc', 'EC'],
      ['dp-rsa', 'RSA-OAEP-256', 'enc', 'RSA'],
    ])
    expect(Object.keys(keys[0] ?? {}).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'])
    expect(Object.keys(keys[1] ?? {}).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use'])
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(JSON.stringify(keys)).not.toContain(`"${member}":`)
  })

  it('accepts public keys as well', async () => {
    const ec = await privateKey('dp-ec', 'ECDH-ES')
    const { d: _d, ...publicOnly } = ec
    expect(dataProviderJwks([publicOnly as EncryptionKey]).keys[0]).toMatchObject({ kid: 'dp-ec', use: 'enc' })
  })

  it('refuses keys FranceConnect cannot encrypt a checktoken answer to', async () => {
    const ec = await privateKey('dp-ec', 'ECDH-ES')
    const rsa = await privateKey('dp-rsa', 'RSA-OAEP')
    const code = { code: 'configuration_invalid' }
    expect(() => dataProviderJwks([])).toThrow(expect.objectContaining(code))
    expect(() => dataProviderJwks([{ ...ec, alg: 'ECDH-ES+A256KW' }])).toThrow(expect.objectContaining(code))
    expect(() => dataProviderJwks([{ ...ec, alg: 'RSA-OAEP-256' }])).toThrow(expect.objectContaining(code))
    expect(() => dataProviderJwks([{ ...rsa, use: 'sig' }])).toThrow(expect.objectContaining(code))
    expect(() => dataProviderJwks([{ ...rsa, kid: '' }])).toThrow(expect.objectContaining(code))
  })
})
