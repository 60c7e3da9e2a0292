import type { TransactionStore } from './transaction-store.js'

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** At most this many pending transactions; past it the oldest is dropped (default 10,000). */
  maxEntries?: number
}

/** A {@link TransactionStore} in process memory, with the number of pending transactions. */
export interface MemoryStore extends TransactionStore {
  readonly size: number
}

/**
 * The default store: process memory, entries expire at their TTL and their number is bounded, so
 * sign-ins that are started and never finished cannot grow memory. For one instance only: with
 * several, use `cookieStore` or the Redis store.
 *
 * @example
 * ```ts
 * const fc = createClient({ ..., store: memoryStore({ maxEntries: 50_000 }) })
 * ```
 */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const maxEntries = options.maxEntries ?? 10_000
  const entries = new Map<string, { value: string; expiresAt: number }>()
  let nextSweepAt = 0

  function sweep(now: number): void {
    if (now < nextSweepAt) return
    nextSweepAt = now + 1000
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key)
  }

  return {
    get size() {
      sweep(Date.now())
      return entries.size
    },
    async put(key, value, ttlSec) {
      const now = Date.now()
      sweep(now)
      entries.delete(key)
      entries.set(key, { value, expiresAt: now + ttlSec * 1000 })
      // Map keeps insertion order: the first key is the oldest transaction.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    },
    async take(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      entries.delete(key)
      return entry.expiresAt > Date.now() ? entry.value : undefined
    },
  }
}
