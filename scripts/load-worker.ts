/**
 * One instance of a service backend for `npm run load`: a client on the Redis store, answering its
 * parent's requests to start a sign-in (authorize: the URL and the binding cookie's value) or to
 * finish one (callback: the URL and the cookie the browser brings back) over IPC.
 */
import { Redis } from 'ioredis'
import { createClient, franceConnect, isFranceConnectSdkError } from '../src/index.js'
import { redisCache, redisStore } from '../src/stores/redis-store.js'

type Request = { id: number; kind: 'authorize' } | { id: number; kind: 'callback'; url: string; cookie: string }

const env = process.env
const redis = new Redis(env.REDIS_URL as string, { maxRetriesPerRequest: 1 })
const fc = createClient({
  provider: franceConnect({ issuer: env.ISSUER as string }),
  clientId: env.CLIENT_ID as string,
  clientSecret: env.CLIENT_SECRET as string,
  redirectUri: env.REDIRECT_URI as string,
  store: redisStore({ client: redis }),
  cache: redisCache({ client: redis }),
})

process.on('message', (message: Request) => {
  const answer = async () => {
    if (message.kind === 'authorize') {
      const { url, cookie } = await fc.authorize()
      return { url, cookie: cookie.value }
    }
    const session = await fc.callback(message.url, { cookie: message.cookie })
    return { sub: session.sub }
  }
  answer().then(
    (result) => process.send?.({ id: message.id, ok: true, ...result }),
    (error: unknown) =>
      process.send?.({ id: message.id, ok: false, code: isFranceConnectSdkError(error) ? error.code : String(error) }),
  )
})
process.on('disconnect', () => {
  redis.disconnect()
  process.exit(0)
})
process.send?.({ ready: true })
