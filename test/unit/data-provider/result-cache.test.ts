import { createHash } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { createResultCache, tokenCacheKey } from '../../../src/data-provider/result-cache.js'

const forever = () => Date.now() + 60_000

describe('createResultCache', () => {
  it('keys by the base64url SHA-256 of the token (Web Crypto, the same digest as node:crypto)', async () => {
    for (const token of ['abc', 'é-ü-€', 'x'.repeat(5000)]) {
      await expect(tokenCacheKey(token)).resolves.toBe(createHash('sha256').update(token, 'utf8').digest('base64url'))
    }
  })

  it('deletes by token: true when it was cached, false after', async () => {
    const cache = createResultCache<number>({ maxEntries: 10, expiryOf: forever })
    await cache.resolve('a', async () => 1)
    await cache.resolve('b', async () => 2)
    expect(await cache.delete('a')).toBe(true)
    expect(await cache.delete('a')).toBe(false)
    expect(cache.keys()).toEqual([await tokenCacheKey('b')])
  })

  it('runs one load for concurrent callers and shares its failure without keeping it', async () => {
    const cache = createResultCache<number>({ maxEntries: 10, expiryOf: forever })
    let loads = 0
    const failing = () => {
      loads++
      return new Promise<number>((_, reject) => setTimeout(() => reject(new Error('down')), 10))
    }
    const settled = await Promise.allSettled(Array.from({ length: 10 }, () => cache.resolve('t', failing)))
    expect(loads).toBe(1)
    expect(settled.every((s) => s.status === 'rejected')).toBe(true)
    expect(cache.size).toBe(0)
    expect(await cache.resolve('t', async () => ++loads)).toBe(2)
    expect(await cache.resolve('t', async () => ++loads)).toBe(2)
  })

  it('shares one load among the calls made while it is in flight, however slow the Web Crypto hash', async () => {
    const digest = crypto.subtle.digest.bind(crypto.subtle)
    let hashes = 0
    // each hash 20 ms slower than the one before: a call whose hash ends after the first load ended
    // must still not load again
    const spy = vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
      await new Promise((resolve) => setTimeout(resolve, hashes++ * 20))
      return digest(algorithm, data)
    })
    try {
      const cache = createResultCache<number>({ maxEntries: 10, expiryOf: () => undefined }) // nothing kept (v1 results)
      let loads = 0
      const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 5))
      expect(await Promise.all(Array.from({ length: 5 }, () => cache.resolve('t', load)))).toEqual([1, 1, 1, 1, 1])
      expect(loads).toBe(1)
      expect(await cache.resolve('t', load)).toBe(2) // a later call, after the flight: a new load
    } finally {
      spy.mockRestore()
    }
  })

  it('does not keep values without an expiry in the future', async () => {
    const cache = createResultCache<number>({ maxEntries: 10, expiryOf: (value, now) => (value > 0 ? now + 1000 : now - 1) })
    await cache.resolve('a', async () => 0)
    await cache.resolve('b', async () => 1)
    expect(cache.keys()).toEqual([await tokenCacheKey('b')])
  })

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createResultCache<string>({ maxEntries: 2, expiryOf: forever })
    await cache.resolve('a', async () => 'A')
    await cache.resolve('b', async () => 'B')
    await cache.resolve('a', async () => 'unused')
    await cache.resolve('c', async () => 'C')
    expect(cache.keys()).toEqual([await tokenCacheKey('a'), await tokenCacheKey('c')])
    cache.clear()
    expect(cache.size).toBe(0)
  })
})
