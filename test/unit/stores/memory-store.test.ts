import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryStore } from '../../../src/index.js'

describe('memoryStore', () => {
  afterEach(() => vi.useRealTimers())

  it('gives a value back once', async () => {
    const store = memoryStore()
    await store.put('a', 'value', 60)
    expect(await store.take('a')).toBe('value')
    expect(await store.take('a')).toBeUndefined()
  })

  it('lets exactly one of many concurrent takes win', async () => {
    const store = memoryStore()
    await store.put('a', 'value', 60)
    const results = await Promise.all(Array.from({ length: 100 }, () => store.take('a')))
    expect(results.filter((r) => r === 'value')).toHaveLength(1)
  })

  it('forgets values at their TTL, and sweeps them from memory', async () => {
    vi.useFakeTimers()
    const store = memoryStore()
    for (let i = 0; i < 1000; i++) await store.put(`k${i}`, 'v', 10)
    expect(store.size).toBe(1000)
    vi.advanceTimersByTime(11_000)
    expect(await store.take('k1')).toBeUndefined()
    expect(store.size).toBe(0)
  })

  it('never holds more than maxEntries, dropping the oldest', async () => {
    const store = memoryStore({ maxEntries: 3 })
    for (const key of ['a', 'b', 'c', 'd']) await store.put(key, key, 60)
    expect(store.size).toBe(3)
    expect(await store.take('a')).toBeUndefined()
    expect(await store.take('d')).toBe('d')
  })
})

describe('memoryStore sweeping', () => {
  afterEach(() => vi.useRealTimers())

  it('sweeps expired entries by itself, with no further sign-in', async () => {
    vi.useFakeTimers()
    const store = memoryStore()
    for (let i = 0; i < 100; i++) await store.put(`k${i}`, 'v', 5)
    expect(vi.getTimerCount()).toBe(1) // one sweep armed at the earliest expiry, not one per entry
    vi.advanceTimersByTime(6_000)
    // the timer swept everything and, the store being empty, armed no other
    expect(vi.getTimerCount()).toBe(0)
    expect(store.size).toBe(0)
  })

  it('keeps evicting the oldest first over many rounds', async () => {
    const store = memoryStore({ maxEntries: 100 })
    for (let i = 0; i < 1000; i++) await store.put(`k${i}`, String(i), 60)
    expect(store.size).toBe(100)
    expect(await store.take('k899')).toBeUndefined()
    expect(await store.take('k900')).toBe('900')
    await store.put('k950', 'again', 60) // re-put moves it last
    for (let i = 1000; i < 1050; i++) await store.put(`k${i}`, String(i), 60)
    expect(await store.take('k950')).toBe('again')
  })
})
