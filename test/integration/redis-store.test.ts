/** The Redis store and cache against a real redis-server started by the test. */
import { Redis } from 'ioredis'
import { createClient as createNodeRedisClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, franceConnect } from '../../src/index.js'
import { redisCache, redisStore } from '../../src/stores/redis-store.js'
import { startRedis, type RunningRedis } from '../support/redis-server.js'
import { startScriptableOp, type ScriptableOp } from '../support/scriptable-op.js'

describe('redisStore', () => {
  let redis: RunningRedis
  let client: Redis
  let op: ScriptableOp

  beforeAll(async () => {
    redis = await startRedis()
    client = new Redis(redis.url)
    op = await startScriptableOp({ variant: 'v2' })
  })
  afterAll(async () => {
    client.disconnect()
    await op.close()
    await redis.stop()
  })

  it('puts and takes once', async () => {
    const store = redisStore({ client })
    await store.put('s1', 'value', 60)
    expect(await client.get('fc:tx:s1')).toBe('value')
    expect(await store.take('s1')).toBe('value')
    expect(await store.take('s1')).toBeUndefined()
  })

  it('lets exactly one of 100 concurrent takes of one key win, across connections', async () => {
    const others = Array.from({ length: 4 }, () => new Redis(redis.url))
    try {
      const stores = [client, ...others].map((c) => redisStore({ client: c }))
      await stores[0]!.put('race', 'winner', 60)
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => stores[i % stores.length]!.take('race')))
      expect(results.filter((r) => r === 'winner')).toHaveLength(1)
    } finally {
      for (const other of others) other.disconnect()
    }
  })

  it('expires values at their TTL', async () => {
    const store = redisStore({ client, prefix: 'ttl:' })
    await store.put('short', 'value', 1)
    expect(await client.ttl('ttl:short')).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await store.take('short')).toBeUndefined()
  })

  it('serves two client instances sharing one store: authorize on one, callback on the other', async () => {
    const options = {
      provider: franceConnect({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      redirectUri: op.redirectUri,
    }
    const a = createClient({ ...options, store: redisStore({ client: new Redis(redis.url) }) })
    const b = createClient({ ...options, store: redisStore({ client }) })
    const { url, cookie } = await a.authorize()
    const callback = op.authorize(url)
    const session = await b.callback(callback, { cookie: cookie.value })
    expect(session.claims.family_name).toBe('DUBOIS')
    await expect(a.callback(callback, { cookie: cookie.value })).rejects.toMatchObject({ code: 'state_unknown' })
  })

  it('shares the discovery document and key set through redisCache', async () => {
    const options = {
      provider: franceConnect({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      redirectUri: op.redirectUri,
      store: redisStore({ client }),
      cache: redisCache({ client, prefix: `cache-${Date.now()}:` }),
    }
    const first = createClient(options)
    const firstSignIn = await first.authorize()
    await first.callback(op.authorize(firstSignIn.url), { cookie: firstSignIn.cookie.value })
    const before = { discovery: op.requests.discovery ?? 0, jwks: op.requests.jwks ?? 0 }
    const coldStart = createClient(options)
    const coldSignIn = await coldStart.authorize()
    await coldStart.callback(op.authorize(coldSignIn.url), { cookie: coldSignIn.cookie.value })
    expect(op.requests.discovery ?? 0).toBe(before.discovery)
    expect(op.requests.jwks ?? 0).toBe(before.jwks)
  })

  it('fails clearly when Redis is down, never falling back to memory', async () => {
    const down = await startRedis()
    const lonely = new Redis(down.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null })
    lonely.on('error', () => undefined)
    await new Promise((resolve) => lonely.once('ready', resolve))
    await lonely.ping()
    await down.stop()
    const fc = createClient({
      provider: franceConnect({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      redirectUri: op.redirectUri,
      store: redisStore({ client: lonely, timeoutMs: 500 }),
    })
    const started = Date.now()
    await expect(fc.authorize()).rejects.toMatchObject({ code: 'store_unavailable', retryable: true })
    expect(Date.now() - started).toBeLessThan(2000)
    lonely.disconnect()
  })

  it('times out on a Redis that does not answer', async () => {
    const stuck = new Redis(redis.url)
    await stuck.client('PAUSE', 1500, 'ALL')
    try {
      const store = redisStore({ client, timeoutMs: 200 })
      await expect(store.put('p', 'v', 60)).rejects.toMatchObject({ code: 'store_unavailable' })
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 1600))
      stuck.disconnect()
    }
  })
})

describe('redisStore and redisCache with a node-redis client', () => {
  let redis: RunningRedis
  let client: ReturnType<typeof createNodeRedisClient>
  let op: ScriptableOp

  beforeAll(async () => {
    redis = await startRedis()
    client = createNodeRedisClient({ url: redis.url })
    await client.connect()
    op = await startScriptableOp({ variant: 'v2' })
  })
  afterAll(async () => {
    await client.quit()
    await op.close()
    await redis.stop()
  })

  it('puts with a TTL, reads without consuming, takes once', async () => {
    const store = redisStore({ client, prefix: 'node-redis:' })
    await store.put('s1', 'value', 60)
    expect(await client.ttl('node-redis:s1')).toBeGreaterThan(0)
    expect(await store.get('s1')).toBe('value')
    expect(await store.take('s1')).toBe('value')
    expect(await store.take('s1')).toBeUndefined()
  })

  it('caches with a TTL', async () => {
    const cache = redisCache({ client })
    await cache.set('k', 'v', 60)
    expect(await cache.get('k')).toBe('v')
    expect(await client.ttl('fc:cache:k')).toBeGreaterThan(0)
  })

  it('carries a whole sign-in', async () => {
    const fc = createClient({
      provider: franceConnect({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      redirectUri: op.redirectUri,
      store: redisStore({ client }),
    })
    const { url, cookie } = await fc.authorize()
    await expect(fc.callback(await op.authorize(url), { cookie: cookie.value })).resolves.toMatchObject({
      sub: expect.any(String),
    })
  })
})
