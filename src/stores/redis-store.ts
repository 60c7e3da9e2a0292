/**
 * Transaction store and shared cache on Redis, for services running several instances: the sign-in
 * starts on one and the callback lands on another. Takes an `ioredis` client or a node-redis
 * (`redis`) client, already connected by the app (optional peers: this subpath is the only one that
 * needs one).
 *
 * @module
 */
import { StoreError } from '../errors/store-error.js'
import type { SharedCache } from './shared-cache.js'
import type { TransactionStore } from './transaction-store.js'

/** The part of an ioredis client (or cluster) the store uses. */
export interface IoRedisLikeClient {
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>
  getdel(key: string): Promise<string | null>
  get(key: string): Promise<string | null>
}

/** The part of a node-redis client (`redis` 4 to 6, or a cluster) the store uses. */
export interface NodeRedisLikeClient {
  set(key: string, value: string, options: { EX: number }): Promise<unknown>
  getDel(key: string): Promise<string | null>
  get(key: string): Promise<string | null>
}

/** A Redis client of either library. */
export type RedisLikeClient = IoRedisLikeClient | NodeRedisLikeClient

/** The three commands the store sends, whatever the client's library names them. */
interface RedisCommands {
  setEx(key: string, value: string, seconds: number): Promise<unknown>
  getDel(key: string): Promise<string | null>
  get(key: string): Promise<string | null>
}

function commandsOf(client: RedisLikeClient): RedisCommands {
  if ('getDel' in client && typeof client.getDel === 'function') {
    const nodeRedis = client as NodeRedisLikeClient
    return {
      setEx: (key, value, seconds) => nodeRedis.set(key, value, { EX: seconds }),
      getDel: (key) => nodeRedis.getDel(key),
      get: (key) => nodeRedis.get(key),
    }
  }
  const ioRedis = client as IoRedisLikeClient
  return {
    setEx: (key, value, seconds) => ioRedis.set(key, value, 'EX', seconds),
    getDel: (key) => ioRedis.getdel(key),
    get: (key) => ioRedis.get(key),
  }
}

/** Options of {@link redisStore} and {@link redisCache}. */
export interface RedisStoreOptions {
  /** An ioredis or node-redis client (or cluster) already configured, and connected, by the app. */
  client: RedisLikeClient
  /** Prefix of every key (default `fc:tx:` for transactions, `fc:cache:` for the cache). */
  prefix?: string | undefined
  /** Overrides the TTL the client asks for, in seconds. */
  ttlSec?: number | undefined
  /** A Redis call that takes longer fails with `store_unavailable` (default 2,000 ms). */
  timeoutMs?: number | undefined
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
  const client = commandsOf(options.client)
  return {
    async put(key, value, ttlSec) {
      await withinTime(client.setEx(prefix + key, value, Math.max(1, Math.ceil(options.ttlSec ?? ttlSec))), timeoutMs)
    },
    async get(key) {
      return (await withinTime(client.get(prefix + key), timeoutMs)) ?? undefined
    },
    async take(key) {
      const value = await withinTime(client.getDel(prefix + key), timeoutMs)
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
  const client = commandsOf(options.client)
  return {
    async get(key) {
      return (await withinTime(client.get(prefix + key), timeoutMs)) ?? undefined
    },
    async set(key, value, ttlSec) {
      await withinTime(client.setEx(prefix + key, value, Math.max(1, Math.ceil(options.ttlSec ?? ttlSec))), timeoutMs)
    },
  }
}

export type { SharedCache } from './shared-cache.js'
export type { TransactionStore } from './transaction-store.js'
