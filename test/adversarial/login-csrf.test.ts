/**
 * Login CSRF, played for real: an app on node:http written the way the README shows (the cookie
 * `authorize()` returns set on the browser, its value handed back to `callback()`), the sandbox's
 * mock FranceConnect, and two browsers with their own cookie jars. The attacker signs in as
 * themself and sends their callback URL to the victim; the victim's browser must not end up signed
 * in as the attacker, with the memory, Redis and cookie stores alike. And a stolen callback (the
 * victim's, without the victim's cookie) must not burn the victim's pending sign-in.
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cookieStore,
  createClient,
  franceConnect,
  isFranceConnectSdkError,
  memoryStore,
  type Client,
  type TransactionStore,
} from '../../src/index.js'
import { redisStore } from '../../src/stores/redis-store.js'
import { startSandbox } from '../../src/testing/index.js'
import type { Sandbox } from '../../src/testing/types.js'
import { startRedis, type RunningRedis } from '../support/redis-server.js'

/** A browser: a cookie jar for one origin, following nothing by itself. */
class Browser {
  private readonly cookies = new Map<string, string>()

  async get(url: string): Promise<{ status: number; location: string | null; body: string }> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const index = pair.indexOf('=')
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1))
    }
    return { status: response.status, location: response.headers.get('location'), body: await response.text() }
  }
}

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

interface App {
  origin: string
  /** The client the routes use (made once the sandbox knows the app's callback). */
  use(client: Client): void
  close(): void
}

/** The app: /login and /callback, as a newcomer writes them from the README. */
async function startApp(): Promise<App> {
  let fc: Client | undefined
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://app.invalid')
    try {
      if (url.pathname === '/login' && fc) {
        const { url: authorizationUrl, cookie } = await fc.authorize()
        response.setHeader(
          'set-cookie',
          `${cookie.name}=${cookie.value}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${cookie.maxAgeSec}`,
        )
        response.writeHead(303, { location: authorizationUrl }).end()
      } else if (url.pathname === '/callback' && fc) {
        const session = await fc.callback(url, { cookie: readCookie(request, 'fc_tx') })
        response.writeHead(200).end(`Bonjour ${session.claims.given_name} (${session.sub})`)
      } else {
        response.writeHead(404).end()
      }
    } catch (error) {
      response.writeHead(400).end(isFranceConnectSdkError(error) ? error.code : 'unexpected')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    use: (client) => {
      fc = client
    },
    close: () => server.close(),
  }
}

let redis: RunningRedis
let redisClient: Redis
beforeAll(async () => {
  redis = await startRedis()
  redisClient = new Redis(redis.url, { maxRetriesPerRequest: 1 })
})
afterAll(async () => {
  redisClient.disconnect()
  await redis.stop()
})

const stores: Record<string, () => TransactionStore> = {
  memory: () => memoryStore(),
  redis: () => redisStore({ client: redisClient, prefix: `csrf:${Math.random()}:` }),
  cookie: () => cookieStore({ secret: 'the-app-cookie-secret-32-characters-at-least' }),
}

for (const [name, makeStore] of Object.entries(stores)) {
  describe(`login CSRF through a real app and the sandbox, ${name} store`, () => {
    let sandbox: Sandbox
    let app: App

    beforeAll(async () => {
      // the app's callback is registered at the sandbox: start the app, then the sandbox with it
      app = await startApp()
      const redirectUri = `${app.origin}/callback`
      sandbox = await startSandbox({ redirectUri })
      app.use(
        createClient({
          provider: franceConnect({ issuer: sandbox.issuer }),
          clientId: sandbox.clientId,
          clientSecret: sandbox.clientSecret,
          redirectUri,
          store: makeStore(),
        }),
      )
    })
    afterAll(async () => {
      app.close()
      await sandbox.close()
    })

    /** A browser goes to /login, and the user signs in at the sandbox as `identity`: its callback URL. */
    async function startSignIn(browser: Browser, identity: string): Promise<string> {
      const login = await browser.get(`${app.origin}/login`)
      expect(login.status).toBe(303)
      return sandbox.signIn(login.location ?? '', { identity })
    }

    it("the victim's browser refuses the attacker's callback, with or without a sign-in of its own", async () => {
      const attacker = new Browser()
      const attackersCallback = await startSignIn(attacker, 'carlos-garcia-lopez')

      const victim = new Browser()
      expect(await victim.get(attackersCallback)).toMatchObject({ status: 400, body: 'binding_missing' })
      await victim.get(`${app.origin}/login`) // the victim has started a sign-in of their own
      expect(await victim.get(attackersCallback)).toMatchObject({ status: 400, body: 'binding_mismatch' })

      // the refusals burnt nothing: the attacker's own browser can still finish (as the attacker)
      const own = await attacker.get(attackersCallback)
      expect(own.status).toBe(200)
      expect(own.body).toContain('Carlos')
    })

    it("a stolen callback (without the victim's cookie) does not burn the victim's pending sign-in", async () => {
      const victim = new Browser()
      const victimsCallback = await startSignIn(victim, 'angela-dubois')
      const thief = new Browser()
      await thief.get(`${app.origin}/login`)
      expect(await thief.get(victimsCallback)).toMatchObject({ status: 400, body: 'binding_mismatch' })
      expect(await new Browser().get(victimsCallback)).toMatchObject({ status: 400, body: 'binding_missing' })
      const finished = await victim.get(victimsCallback)
      expect(finished.status).toBe(200)
      expect(finished.body).toContain('Angela')
      // and once used, it is used
      expect((await victim.get(victimsCallback)).status).toBe(400)
    })
  })
}
