/**
 * The SDK's random values (src/oidc/random.ts): drawn from a pool refilled 2 KiB at a time, each
 * byte handed out once. Thousands of draws across many refills never repeat a value, are never
 * zeroed, and draws larger than the pool come straight from the system.
 */
import { describe, expect, it } from 'vitest'
import { randomBytes, randomTokens } from '../../src/oidc/random.js'

describe('random values', () => {
  it('never hands out the same bytes twice, across pool refills', () => {
    const seen = new Set<string>()
    for (let draw = 0; draw < 3000; draw++) {
      // 32 and 96 bytes: what a sign-in draws (binding secret; state, nonce, verifier)
      for (const token of randomTokens(draw % 2 === 0 ? 1 : 3)) {
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
        expect(seen.has(token)).toBe(false)
        seen.add(token)
      }
    }
    expect(seen.size).toBe(6000)
  })

  it('gives bytes that are not the wiped pool (not all zero) at any offset', () => {
    for (let draw = 0; draw < 200; draw++) {
      expect(randomBytes(7 + (draw % 50)).some((byte) => byte !== 0)).toBe(true)
    }
  })

  it('draws more than the pool holds directly, of the size asked', () => {
    const bytes = randomBytes(5000)
    expect(bytes.length).toBe(5000)
    expect(new Set(bytes).size).toBeGreaterThan(200)
  })
})
