/**
 * Transaction store and shared cache on Redis, for services running several instances: the sign-in
 * starts on one and the callback lands on another. Takes an `ioredis` client (an optional peer
 * dependency: this subpath is the only one that needs it).
 *
 * @module
 */
import { StoreError } from '../errors/store-error.js'
import type { SharedCache } from './shared-cache.js'
import type { TransactionStore } from './transaction-store.js'

/** The part of an ioredis client the store uses. */
export interface RedisLikeClient {
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>
  getdel(key: string): Promise<string | null>
  get(key: string): Promise<string | null>
}

/** Options of {@link redisStore} and {@link redisCache}. */
export interface RedisStoreOptions {
  /** An ioredis client (or cluster) already configured by the app. */
  client: RedisLikeClient
  /** Prefix of every key (default `fc:tx:` for transactions, `fc:cache:` for the cache). */
  prefix?: string
  /** Overrides the TTL the client asks for, in seconds. */
  ttlSec?: number
  /** A Redis call that takes longer fails with `store_unavailable` (default 2,000 ms). */
  timeoutMs?: number
}

async function withinTime<T>(operation: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StoreError('store_unavailable', `Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    )
  })
  try {
    return await Promise.race([operation, timeout])
  } catch (cause) {
    if (cause instanceof StoreError) throw cause
    throw new StoreError('store_unavailable', 'Redis refused the operation', cause)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Transactions in Redis: `SET … EX` to keep, `GETDEL` to take, atomic and single use, so two
 * instances receiving the same callback cannot both accept it. A Redis that is down makes
 * `authorize()` and `callback()` fail with `store_unavailable`: never a silent fallback to memory.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis'
 * import { redisStore } from 'franceconnect-sdk/stores/redis'
 *
 * const redis = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
 * const fc = createClient({ ..., store: redisStore({ client: redis }) })
 * ```
 */
export function redisStore(options: RedisStoreOptions): TransactionStore {
  const prefix = options.prefix ?? 'fc:tx:'
  const timeoutMs = options.timeoutMs ?? 2000
  const { client } = options
  return {
    async put(key, value, ttlSec) {
      await withinTime(client.set(prefix + key, value, 'EX', Math.max(1, Math.ceil(options.ttlSec ?? ttlSec))), timeoutMs)
    },
    async get(key) {
      return (await withinTime(client.get(prefix + key), timeoutMs)) ?? undefined
    },
    async take(key) {
      const value = await withinTime(client.getdel(prefix + key), timeoutMs)
      return value ?? undefined
    },
  }
}

/**
 * A shared cache in Redis for discovery documents and key sets, so that a fleet of short-lived
 * instances does not fetch them at every cold start. Pass it as `createClient({ cache })`.
 *
 * @example
 * ```ts
 * const fc = createClient({ ..., cache: redisCache({ client: redis }) })
 * ```
 */
export function redisCache(options: RedisStoreOptions): SharedCache {
  const prefix = options.prefix ?? 'fc:cache:'
  const timeoutMs = options.timeoutMs ?? 2000
  const { client } = options
  return {
    async get(key) {
      return (await withinTime(client.get(prefix + key), timeoutMs)) ?? undefined
    },
    async set(key, value, ttlSec) {
      await withinTime(client.set(prefix + key, value, 'EX', Math.max(1, Math.ceil(options.ttlSec ?? ttlSec))), timeoutMs)
    },
  }
}

export type { SharedCache } from './shared-cache.js'
export type { TransactionStore } from './transaction-store.js'
