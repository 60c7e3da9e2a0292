/**
 * The two digests (src/oidc/digest.ts on Web Crypto, digest.node.ts on node:crypto, which the Node
 * build swaps in) give the same bytes for every algorithm the SDK uses, ASCII and not.
 */
import { describe, expect, it } from 'vitest'
import { digest as nodeDigest } from '../../src/oidc/digest.node.js'
import { digest, type DigestAlgorithm } from '../../src/oidc/digest.js'

const texts = ['', 'abc', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'Angela Claire Louise — née à Paris 7ᵉ']
const algorithms: DigestAlgorithm[] = ['SHA-256', 'SHA-384', 'SHA-512']

describe('digest', () => {
  it.each(algorithms)('%s: the Node variant gives the Web Crypto bytes', async (algorithm) => {
    for (const text of texts) {
      const expected = await digest(algorithm, text)
      expect(expected.length).toBe(Number(algorithm.slice(4)) / 8)
      expect([...(await nodeDigest(algorithm, text))]).toEqual([...expected])
    }
  })
})
