import { sha256Base64url } from '../oidc/random.js'
import type { ResultCacheView } from './types.js'

/** Options of {@link createResultCache}. */
export interface ResultCacheConfig<T> {
  /** At most this many entries; the least recently used is evicted first. */
  maxEntries: number
  /** Until when (epoch ms) a value may be served from the cache; `undefined` or past: not cached. */
  expiryOf(value: T, nowMs: number): number | undefined
}

/** A bounded, expiring cache of checktoken results with one load in flight per token. */
export interface ResultCache<T> extends ResultCacheView {
  /** The cached value for the token, or the result of `load` — shared by every concurrent caller. */
  resolve(token: string, load: () => Promise<T>): Promise<T>
}

interface Entry<T> {
  value: T
  expiresAtMs: number
}

/**
 * The cache key of a token: its SHA-256, base64url. The token itself is never kept, so a heap dump
 * or a look at the cache reveals no usable token. Asynchronous: the digest is Web Crypto's
 * (`crypto.subtle`), so the data provider runs where there is no `node:crypto` (edge runtimes).
 *
 * @example
 * ```ts
 * await tokenCacheKey('a-token') // 43 base64url characters
 * ```
 */
export function tokenCacheKey(token: string): Promise<string> {
  return sha256Base64url(token)
}

/**
 * A result cache keyed by the SHA-256 of the token: bounded (least recently used first out), each
 * entry kept until the expiry `expiryOf` gives, and single flight: however many calls ask for one
 * token at once, `load` runs once. Failures are never cached: they reach the callers waiting at
 * that moment, and the next call tries again.
 *
 * @example
 * ```ts
 * const cache = createResultCache<AccessTokenResult>({ maxEntries: 1000, expiryOf: (r) => (r.active ? r.expiresAt * 1000 : undefined) })
 * const result = await cache.resolve(token, () => checktoken(token))
 * ```
 */
export function createResultCache<T>(config: ResultCacheConfig<T>): ResultCache<T> {
  const entries = new Map<string, Entry<T>>()
  const pending = new Map<string, Promise<T>>()

  function lookup(key: string, nowMs: number): Entry<T> | undefined {
    const entry = entries.get(key)
    if (entry === undefined) return undefined
    entries.delete(key)
    if (entry.expiresAtMs <= nowMs) return undefined
    entries.set(key, entry) // most recently used last
    return entry
  }

  function store(key: string, value: T): void {
    const nowMs = Date.now()
    const expiresAtMs = config.expiryOf(value, nowMs)
    if (expiresAtMs === undefined || expiresAtMs <= nowMs || config.maxEntries <= 0) return
    entries.delete(key)
    while (entries.size >= config.maxEntries) {
      const oldest = entries.keys().next()
      if (oldest.done) break
      entries.delete(oldest.value)
    }
    entries.set(key, { value, expiresAtMs })
  }

  return {
    resolve(token, load) {
      // Registered synchronously, before the (asynchronous) hash: every call made while this one is
      // in flight shares it, however long the digest takes. The in-flight map is keyed by the token
      // only for the flight's duration (`load` holds the token anyway); the cache only by its hash.
      let flight = pending.get(token)
      if (!flight) {
        flight = (async () => {
          const key = await tokenCacheKey(token)
          const hit = lookup(key, Date.now())
          if (hit) return hit.value
          const value = await load()
          store(key, value)
          return value
        })().finally(() => pending.delete(token))
        pending.set(token, flight)
      }
      return flight
    },
    get size() {
      return entries.size
    },
    keys() {
      return [...entries.keys()]
    },
    async delete(token) {
      return entries.delete(await tokenCacheKey(token))
    },
    clear() {
      entries.clear()
    },
  }
}
