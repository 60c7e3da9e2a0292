import type { TransactionStore } from './transaction-store.js'

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** At most this many pending transactions; past it the oldest is dropped (default 10,000). */
  maxEntries?: number | undefined
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
  // Where eviction stopped: a fresh iterator would walk every hole earlier evictions left in the Map.
  let oldest: Iterator<string> | undefined
  let nextSweepAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function sweep(now: number): void {
    if (now < nextSweepAt) return
    nextSweepAt = now + 1000
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key)
    // A live iterator keeps the Map's old table (and what it held) after a rehash: let it go.
    oldest = undefined
  }

  // Sweeps at the earliest expiry even when no sign-in starts, without keeping the process alive.
  function scheduleSweep(): void {
    if (timer !== undefined) return
    const first = entries.values().next()
    if (first.done) return
    timer = setTimeout(
      () => {
        timer = undefined
        nextSweepAt = 0
        sweep(Date.now())
        scheduleSweep()
      },
      Math.max(1000, first.value.expiresAt - Date.now() + 50),
    )
    timer.unref?.()
  }

  function evictOldest(): void {
    let next = oldest?.next()
    if (!next || next.done) {
      oldest = entries.keys()
      next = oldest.next()
    }
    if (!next.done) entries.delete(next.value)
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
      while (entries.size > maxEntries) evictOldest()
      scheduleSweep()
    },
    async get(key) {
      const entry = entries.get(key)
      return entry && entry.expiresAt > Date.now() ? entry.value : undefined
    },
    async take(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      entries.delete(key)
      return entry.expiresAt > Date.now() ? entry.value : undefined
    },
  }
}
