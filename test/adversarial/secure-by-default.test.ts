/**
 * Secure by default: what the SDK enforces without the app doing anything. Each block is one attack
 * of the "Secure by default" issue; each test fails when the check it names is removed.
 *
 * - a sign-in (and a logout) is bound to the browser that started it: a callback without the
 *   binding cookie, or with another browser's, is refused before anything is consumed;
 * - a sign-in is bound to its client: two clients sharing a store (or a cookie secret) never finish
 *   each other's; the client's level is a floor;
 * - what a shared cache holds is checked again like a fresh fetch;
 * - endpoints are pinned to the issuer's host, HTTPS unless the issuer itself is on loopback;
 * - the cookie store never forgets an unexpired consumed state;
 * - no secret in an error, whatever the encoding it comes back in;
 * - at_hash / c_hash for every algorithm, extra audiences, key usage, odd metadata, refresh levels,
 *   post-logout redirects.
 *
 * The login CSRF itself is played through a real HTTP app and the sandbox in `login-csrf.test.ts`.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dgfipGatewayToken } from '../../src/apis/impot-particulier/index.js'
import { verifyAccessToken } from '../../src/data-provider/index.js'
import {
  cookieStore,
  createClient,
  franceConnect,
  franceConnectPlus,
  isFranceConnectSdkError,
  memoryStore,
  oidcProvider,
  proConnect,
  type ClientOptions,
  type Session,
  type TransactionStore,
} from '../../src/index.js'
import { checkAcr } from '../../src/client/verify-id-token.js'
import type { ClientContext } from '../../src/client/context.js'
import { checkProviderMetadata } from '../../src/oidc/discovery.js'
import type { SharedCache } from '../../src/stores/shared-cache.js'
import { redisStore } from '../../src/stores/redis-store.js'
import { startRedis, type RunningRedis } from '../support/redis-server.js'
import { Redis } from 'ioredis'
import { startHostileOp, type HostileOp } from './hostile-op.js'

/** The error a promise rejects with (the test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string } & Record<string, unknown>> {
  try {
    await promise
  } catch (error) {
    expect(isFranceConnectSdkError(error), `not an SDK error: ${String(error)}`).toBe(true)
    return error as never
  }
  throw new Error('expected a rejection, got a value')
}

let v2: HostileOp
let fcplus: HostileOp
let redis: RunningRedis
let redisClient: Redis

beforeAll(async () => {
  ;[v2, fcplus, redis] = await Promise.all([startHostileOp('v2'), startHostileOp('fcplus'), startRedis()])
  redisClient = new Redis(redis.url, { maxRetriesPerRequest: 1 })
})
afterAll(async () => {
  redisClient.disconnect()
  await Promise.all([v2.close(), fcplus.close(), redis.stop()])
})
beforeEach(() => {
  v2.reset()
  fcplus.reset()
})

function v2Client(options: Partial<ClientOptions> = {}) {
  return createClient({
    provider: franceConnect({ issuer: v2.issuer }),
    clientId: v2.clientId,
    clientSecret: v2.clientSecret,
    redirectUri: v2.redirectUri,
    postLogoutRedirectUri: v2.postLogoutRedirectUri,
    timeoutMs: 2000,
    ...options,
  })
}

function fcplusClient(options: Partial<ClientOptions> = {}) {
  return createClient({
    provider: franceConnectPlus({ issuer: fcplus.issuer }),
    clientId: fcplus.clientId,
    clientSecret: fcplus.clientSecret,
    redirectUri: fcplus.redirectUri,
    encryptionKeys: [fcplus.clientKey.privateJwk],
    timeoutMs: 2000,
    ...options,
  })
}

const stores: Record<string, () => TransactionStore> = {
  memory: () => memoryStore(),
  redis: () => redisStore({ client: redisClient, prefix: `sbd:${Math.random()}:` }),
  cookie: () => cookieStore({ secret: 'a-cookie-secret-of-at-least-32-characters!' }),
}

describe('a sign-in is bound to the browser that started it', () => {
  for (const [name, makeStore] of Object.entries(stores)) {
    describe(`${name} store`, () => {
      it('authorize() always returns the binding cookie', async () => {
        const { cookie } = await v2Client({ store: makeStore() }).authorize()
        expect(cookie.name).toBe('fc_tx')
        expect(cookie.maxAgeSec).toBe(1800)
        // at least 128 bits of randomness (memory, Redis), or the sealed transaction (cookie)
        expect(cookie.value.length).toBeGreaterThanOrEqual(22)
      })

      it('refuses a callback without the binding, before any request and without consuming it', async () => {
        const fc = v2Client({ store: makeStore() })
        const { url, cookie } = await fc.authorize()
        const callback = v2.authorize(url)
        const tokenRequests = v2.requests.token ?? 0
        expect((await rejection(fc.callback(callback))).code).toBe('binding_missing')
        expect((await rejection(fc.callback(callback, { cookie: '' }))).code).toBe('binding_missing')
        expect(v2.requests.token ?? 0).toBe(tokenRequests)
        // the genuine browser still finishes its sign-in
        await expect(fc.callback(callback, { cookie: cookie.value })).resolves.toMatchObject({ sub: v2.identity.sub })
      })

      it("refuses another browser's binding (login CSRF) and leaves the pending sign-in intact", async () => {
        const fc = v2Client({ store: makeStore() })
        const attacker = await fc.authorize()
        const victim = await fc.authorize()
        const attackersCallback = v2.authorize(attacker.url)
        const tokenRequests = v2.requests.token ?? 0
        expect((await rejection(fc.callback(attackersCallback, { cookie: victim.cookie.value }))).code).toBe('binding_mismatch')
        expect((await rejection(fc.callback(attackersCallback, { cookie: 'forged-binding-value' }))).code).toBe(
          'binding_mismatch',
        )
        expect(v2.requests.token ?? 0).toBe(tokenRequests)
        // neither pending sign-in was burnt
        await expect(fc.callback(v2.authorize(victim.url), { cookie: victim.cookie.value })).resolves.toBeTruthy()
        await expect(fc.callback(attackersCallback, { cookie: attacker.cookie.value })).resolves.toBeTruthy()
      })

      it('accepts the state kept in the app session instead ({ expectedState }), and refuses another', async () => {
        const fc = v2Client({ store: makeStore() })
        const mine = await fc.authorize()
        const theirs = await fc.authorize()
        const options = (state: string) => ({
          expectedState: state,
          // the cookie store carries the transaction in its cookie whatever binds it
          ...(name === 'cookie' ? { cookie: mine.cookie.value } : {}),
        })
        const callback = v2.authorize(mine.url)
        expect((await rejection(fc.callback(callback, options(theirs.state)))).code).toBe('binding_mismatch')
        await expect(fc.callback(callback, options(mine.state))).resolves.toBeTruthy()
      })

      it('binds the logout return the same way', async () => {
        const fc = v2Client({ store: makeStore() })
        const { url, cookie } = await fc.authorize()
        const session = await fc.callback(v2.authorize(url), { cookie: cookie.value })
        const logout = await fc.logout(session)
        const other = await fc.logout(session)
        const back = `${v2.postLogoutRedirectUri}?state=${logout.state}`
        expect((await rejection(fc.logoutCallback(back))).code).toBe('binding_missing')
        expect((await rejection(fc.logoutCallback(back, { cookie: other.cookie.value }))).code).toBe('binding_mismatch')
        await expect(fc.logoutCallback(back, { cookie: logout.cookie.value })).resolves.toEqual({ state: logout.state })
        expect((await rejection(fc.logoutCallback(back, { cookie: logout.cookie.value }))).code).toBe('logout_state_unknown')
      })
    })
  }
})

describe('a sign-in is bound to its client', () => {
  for (const [name, makeStore] of Object.entries(stores)) {
    it(`${name} store shared by a FranceConnect v2 and an eidas3 FranceConnect+ client: neither finishes the other's`, async () => {
      const store = makeStore()
      const low = v2Client({ store })
      const high = fcplusClient({ store, acr: 'eidas3' })
      const started = await low.authorize()
      // an eidas2 FranceConnect+ callback carrying the v2 sign-in's state and binding
      const { url: highUrl } = await high.authorize()
      const highCallback = new URL(fcplus.authorize(highUrl, { acr: 'eidas2' }))
      highCallback.searchParams.set('state', started.state)
      const error = await rejection(high.callback(highCallback, { cookie: started.cookie.value }))
      expect(error.code).toBe(name === 'cookie' ? 'binding_mismatch' : 'state_unknown')
      // and the v2 sign-in is still there for its own client
      await expect(low.callback(v2.authorize(started.url), { cookie: started.cookie.value })).resolves.toBeTruthy()
    })
  }

  it("even a store that keys transactions by state alone cannot finish another client's sign-in", async () => {
    // a custom store that drops the client part of the key (a bug an app could write)
    const inner = memoryStore()
    const byState = (key: string) => key.replace(/^(tx|logout):[^:]+:/, '$1:')
    const careless: TransactionStore = {
      put: (key, value, ttl) => inner.put(byState(key), value, ttl),
      get: (key) => inner.get(byState(key)),
      take: (key) => inner.take(byState(key)),
    }
    const low = v2Client({ store: careless })
    const high = fcplusClient({ store: careless })
    const started = await low.authorize()
    const highCallback = new URL(fcplus.authorize((await high.authorize()).url))
    highCallback.searchParams.set('state', started.state)
    expect((await rejection(high.callback(highCallback, { cookie: started.cookie.value }))).code).toBe('binding_mismatch')
    await expect(low.callback(v2.authorize(started.url), { cookie: started.cookie.value })).resolves.toBeTruthy()
  })

  it("refuses to ask a level below the client's own (authorize)", async () => {
    const high = fcplusClient({ acr: 'eidas3' })
    expect((await rejection(high.authorize({ acr: 'eidas2' }))).code).toBe('parameter_invalid')
  })

  it("checks the returned level against the client's floor, whatever the transaction asked", () => {
    const context = { provider: franceConnectPlus({ issuer: fcplus.issuer }), options: { acr: 'eidas3' } } as ClientContext
    expect(() => checkAcr(context, 'eidas2', 'eidas2')).toThrow(expect.objectContaining({ code: 'acr_too_low' }))
    expect(() => checkAcr(context, 'eidas2', undefined)).toThrow(expect.objectContaining({ code: 'acr_too_low' }))
    expect(() => checkAcr(context, 'eidas3', 'eidas2')).not.toThrow()
  })
})

/** A shared cache in memory, pre-filled by the test (as an attacker who can write to Redis would). */
function plantedCache(entries: Record<string, string>): SharedCache {
  const values = new Map(Object.entries(entries))
  return {
    async get(key) {
      return values.get(key)
    },
    async set(key, value) {
      values.set(key, value)
    },
  }
}

describe('what a shared cache holds is checked again', () => {
  const discoveryKey = () => `discovery:${v2.issuer}`
  const jwksKey = () => `jwks:${v2.origin}${new URL(v2.issuer).pathname}/jwks`

  async function signInWith(cache: SharedCache) {
    const fc = v2Client({ cache })
    const { url, cookie } = await fc.authorize()
    return fc.callback(v2.authorize(url), { cookie: cookie.value })
  }

  const poisonedDocuments: Record<string, () => string> = {
    'not JSON': () => '{"issuer": ',
    'JSON but not an object': () => '[1, 2]',
    'another issuer': () =>
      JSON.stringify({ issuer: 'https://evil.example/api/v2', authorization_endpoint: 'x', token_endpoint: 'y' }),
    'a token endpoint off the issuer (plain http)': () =>
      JSON.stringify({
        issuer: v2.issuer,
        authorization_endpoint: `${v2.issuer}/authorize`,
        token_endpoint: 'http://evil.example/token',
      }),
    'a member of the wrong type': () =>
      JSON.stringify({
        issuer: v2.issuer,
        authorization_endpoint: `${v2.issuer}/authorize`,
        token_endpoint: `${v2.issuer}/token`,
        token_endpoint_auth_methods_supported: 42,
      }),
  }
  for (const [what, document] of Object.entries(poisonedDocuments)) {
    it(`a discovery document that is ${what} is ignored, and the provider asked`, async () => {
      const discoveries = v2.requests.discovery ?? 0
      await expect(signInWith(plantedCache({ [discoveryKey()]: document() }))).resolves.toMatchObject({ sub: v2.identity.sub })
      expect(v2.requests.discovery ?? 0).toBe(discoveries + 1)
    })
  }

  it('a key set planted with only an encryption key, or garbage, is ignored and fetched again', async () => {
    for (const planted of ['not json', JSON.stringify([{ ...v2.keys.es256.publicJwk, use: 'enc' }]), '42']) {
      const fetches = v2.requests.jwks ?? 0
      await expect(signInWith(plantedCache({ [jwksKey()]: planted }))).resolves.toBeTruthy()
      expect(v2.requests.jwks ?? 0).toBe(fetches + 1)
    }
  })

  it('a key whose key_ops exclude verify is never used to verify', async () => {
    v2.bend = { jwks: (keys) => keys.map((key) => ({ ...key, key_ops: ['encrypt'] })) }
    const fc = v2Client()
    const { url, cookie } = await fc.authorize()
    expect((await rejection(fc.callback(v2.authorize(url), { cookie: cookie.value }))).code).toBe('id_token_kid_unknown')
  })
})

describe('endpoints are pinned to the issuer', () => {
  const production = franceConnect({ env: 'production' })
  const issuer = production.issuer
  const document = (changes: Record<string, unknown>) => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    end_session_endpoint: `${issuer}/session/end`,
    ...changes,
  })

  it('accepts the production document', () => {
    expect(checkProviderMetadata(production, document({})).token_endpoint).toBe(`${issuer}/token`)
  })

  for (const name of ['token_endpoint', 'userinfo_endpoint', 'jwks_uri', 'end_session_endpoint', 'revocation_endpoint']) {
    it(`refuses a ${name} on another host, or on plain-http loopback, under a production issuer`, () => {
      expect(() => checkProviderMetadata(production, document({ [name]: 'https://evil.example/x' }))).toThrow(
        expect.objectContaining({ code: 'endpoint_not_allowed' }),
      )
      expect(() => checkProviderMetadata(production, document({ [name]: 'http://127.0.0.1:9/x' }))).toThrow(
        expect.objectContaining({ code: 'insecure_url' }),
      )
    })
  }

  it('sends nothing to a token endpoint of 127.0.0.1 announced by a production issuer', async () => {
    const received: string[] = []
    const trap: Server = createServer((req, res) => {
      received.push(req.url ?? '')
      res.end('{}')
    })
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve))
    const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/token`
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = String(input instanceof Request ? input.url : input)
      if (url === `${issuer}/.well-known/openid-configuration`) {
        return new Response(JSON.stringify(document({ token_endpoint: trapUrl })), {
          headers: { 'content-type': 'application/json' },
        })
      }
      return fetch(input)
    }) as typeof fetch
    try {
      const fc = createClient({
        provider: production,
        clientId: 'client',
        clientSecret: 'a-secret-the-trap-must-never-see',
        redirectUri: 'https://demarche.example.fr/callback',
        fetch: fakeFetch,
      })
      expect((await rejection(fc.authorize())).code).toBe('insecure_url')
      expect(received).toEqual([])
    } finally {
      trap.close()
    }
  })

  it('lets a generic provider list other hosts, or lift the rule explicitly', () => {
    const generic = (options: Partial<Parameters<typeof oidcProvider>[0]>) => oidcProvider({ issuer, ...options })
    const elsewhere = document({ token_endpoint: 'https://tokens.example.fr/token' })
    expect(() => checkProviderMetadata(generic({}), elsewhere)).toThrow(expect.objectContaining({ code: 'endpoint_not_allowed' }))
    expect(checkProviderMetadata(generic({ endpointHosts: ['tokens.example.fr'] }), elsewhere).token_endpoint).toBe(
      'https://tokens.example.fr/token',
    )
    expect(checkProviderMetadata(generic({ pinEndpoints: false }), elsewhere).token_endpoint).toBe(
      'https://tokens.example.fr/token',
    )
  })

  it('pins the data provider checktoken endpoint to the issuer as well', async () => {
    const error = await rejection(
      verifyAccessToken('a'.repeat(43), {
        issuer,
        clientId: 'dp',
        clientSecret: 's'.repeat(32),
        decryptionKeys: [v2.dataProvider.key.privateJwk],
        checktokenEndpoint: 'https://evil.example/checktoken',
      }),
    )
    expect(error.code).toBe('endpoint_not_allowed')
  })
})

describe('the cookie store never forgets a consumed state while it could be replayed', () => {
  it('refuses new sign-ins (store_full) rather than evicting an unexpired consumed state', async () => {
    const fc = v2Client({ store: cookieStore({ secret: 'a-cookie-secret-of-at-least-32-characters!', maxConsumed: 3 }) })
    const finished: { callback: string; cookie: string }[] = []
    for (let i = 0; i < 3; i++) {
      const { url, cookie } = await fc.authorize()
      const callback = v2.authorize(url)
      await fc.callback(callback, { cookie: cookie.value })
      finished.push({ callback, cookie: cookie.value })
    }
    expect((await rejection(fc.authorize())).code).toBe('store_full')
    // every consumed callback is still refused
    for (const { callback, cookie } of finished) {
      expect((await rejection(fc.callback(callback, { cookie }))).code).toBe('state_unknown')
    }
  })
})

describe('no secret in an error, in any encoding', () => {
  const secret = 'sécret+with/odd=chars&more-than-six'

  it('token endpoint echoes of the percent-encoded secret and of the Basic header are redacted', async () => {
    for (const method of ['client_secret_post', 'client_secret_basic'] as const) {
      const fc = createClient({
        provider: oidcProvider({ issuer: v2.issuer }),
        clientId: v2.clientId,
        clientSecret: secret,
        tokenAuthMethod: method,
        redirectUri: v2.redirectUri,
        timeoutMs: 2000,
      })
      const credentials = `${encodeURIComponent(v2.clientId)}:${encodeURIComponent(secret)}`
      // what was sent, in each form a provider may echo it back
      const echoes =
        method === 'client_secret_post'
          ? [encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]
          : [btoa(credentials), encodeURIComponent(secret)]
      v2.bend = {
        tokenRequest: () => ({
          status: 401,
          body: JSON.stringify({ error: 'invalid_client', error_description: `rejected: ${echoes.join(' | ')}` }),
        }),
      }
      const { url, cookie } = await fc.authorize()
      const error = await rejection(fc.callback(v2.authorize(url), { cookie: cookie.value }))
      expect(error.code).toBe('token_error')
      const said = JSON.stringify({ ...error, message: error.message })
      expect(said).toContain('[redacted]')
      for (const echo of [...echoes, secret]) expect(said).not.toContain(echo)
    }
  })

  it('the DGFiP gateway credentials echoed by its token endpoint are redacted', async () => {
    const clientSecret = 'gateway-secret/with+odd=chars'
    const credentials = `${encodeURIComponent('gateway-client')}:${encodeURIComponent(clientSecret)}`
    const gateway: Server = createServer((req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          error: 'invalid_client',
          error_description: `bad ${clientSecret} / ${req.headers.authorization} / ${credentials}`,
        }),
      )
    })
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    try {
      const token = dgfipGatewayToken({
        tokenUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/token`,
        clientId: 'gateway-client',
        clientSecret,
      })
      const error = await rejection(token())
      const said = JSON.stringify({ ...error, message: error.message })
      expect(said).toContain('[redacted]')
      for (const leak of [clientSecret, btoa(credentials), credentials]) expect(said).not.toContain(leak)
    } finally {
      gateway.close()
    }
  })

  it("the data provider's tokenId is a digest, never the token (FranceConnect's jti is the token)", async () => {
    const token = v2.issueAccessToken()
    v2.bend = {
      checktoken: {
        claims: (claims) => ({ ...claims, token_introspection: { ...(claims.token_introspection as object), jti: token } }),
      },
    }
    const result = await verifyAccessToken(token, {
      issuer: v2.issuer,
      clientId: v2.dataProvider.clientId,
      clientSecret: v2.dataProvider.clientSecret,
      decryptionKeys: [v2.dataProvider.key.privateJwk],
    })
    expect(result.active).toBe(true)
    if (!result.active) return
    expect(result.tokenId).toMatch(/^[\w-]{16}$/)
    expect(JSON.stringify(result)).not.toContain(token)
  })
})

describe('the remaining checks', () => {
  async function signedIn(fc = v2Client()): Promise<Session> {
    const { url, cookie } = await fc.authorize()
    return fc.callback(v2.authorize(url), { cookie: cookie.value })
  }

  it('a post-logout redirect override must be a configured, safe URI', async () => {
    const other = 'http://127.0.0.1:3000/other-logged-out'
    const fc = v2Client({ postLogoutRedirectUris: [other] })
    const session = await signedIn(fc)
    for (const uri of ['javascript:alert(1)', 'https://evil.example/logged-out', 'http://evil.example/']) {
      expect((await rejection(fc.logout(session, { postLogoutRedirectUri: uri }))).code).toBe('logout_redirect_invalid')
    }
    const { url } = await fc.logout(session, { postLogoutRedirectUri: other })
    expect(new URL(url).searchParams.get('post_logout_redirect_uri')).toBe(other)
  })

  it('at_hash and c_hash are checked with EdDSA too', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'ed', alg: 'EdDSA' }
    const fc = createClient({
      provider: oidcProvider({ issuer: v2.issuer, tokenAuthMethods: ['client_secret_post'] }),
      clientId: v2.clientId,
      clientSecret: v2.clientSecret,
      redirectUri: v2.redirectUri,
      timeoutMs: 2000,
    })
    const signEd = (changes: Record<string, unknown>) => ({
      sign: (_header: Record<string, unknown>, claims: Record<string, unknown>) =>
        new SignJWT({ ...claims, ...changes }).setProtectedHeader({ alg: 'EdDSA', kid: 'ed' }).sign(privateKey),
    })
    for (const claim of ['at_hash', 'c_hash']) {
      v2.bend = { jwks: (keys) => [...keys, publicJwk], idToken: signEd({ [claim]: 'AAAAAAAAAAAAAAAAAAAAAA' }) }
      const { url, cookie } = await fc.authorize()
      expect((await rejection(fc.callback(v2.authorize(url), { cookie: cookie.value }))).code).toBe('id_token_at_hash')
    }
    // control: the right at_hash of an EdDSA token (SHA-512, left half) is accepted
    const accessToken = v2.issueAccessToken()
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-512', new TextEncoder().encode(accessToken)))
    const atHash = Buffer.from(digest.subarray(0, 32)).toString('base64url')
    v2.bend = {
      jwks: (keys) => [...keys, publicJwk],
      idToken: signEd({ at_hash: atHash }),
      tokenBody: (body) => ({ ...body, access_token: accessToken }),
    }
    const { url, cookie } = await fc.authorize()
    await expect(fc.callback(v2.authorize(url), { cookie: cookie.value })).resolves.toBeTruthy()
  })

  it('an ID token with an extra audience is refused unless it is trusted, whatever azp says', async () => {
    const claims = (token: Record<string, unknown>) => ({ ...token, aud: [v2.clientId, 'another-service'], azp: v2.clientId })
    v2.bend = { idToken: { claims } }
    expect((await rejection(signedIn())).code).toBe('id_token_aud')
    await expect(signedIn(v2Client({ trustedAudiences: ['another-service'] }))).resolves.toBeTruthy()
  })

  it('odd discovery metadata is a typed error, never a TypeError', async () => {
    v2.bend = { discovery: (doc) => ({ ...doc, token_endpoint_auth_methods_supported: 42 }) }
    expect((await rejection(v2Client().authorize())).code).toBe('response_invalid')
    v2.bend = { discovery: (doc) => ({ ...doc, authorization_response_iss_parameter_supported: 'yes' }) }
    expect((await rejection(v2Client().authorize())).code).toBe('response_invalid')
  })

  describe('ProConnect refresh takes the level of the new ID token, and never below the floor', () => {
    const session = (): Session => ({
      sub: v2.identity.sub as string,
      acr: 'eidas2',
      claims: { sub: v2.identity.sub as string },
      idToken: 'x.y.z',
      accessToken: 'old',
      refreshToken: 'refresh-token-value',
      scopes: ['openid'],
      expiresAt: 0,
    })
    /** The provider answers the refresh with a new ID token at `acr` (and `amr`). */
    async function refreshAnswers(acr: string, amr?: string[], sub = v2.identity.sub): Promise<void> {
      const now = Math.floor(Date.now() / 1000)
      const idToken = await v2.signCompact(
        { alg: 'ES256', kid: v2.keys.es256.kid },
        { iss: v2.issuer, aud: v2.clientId, sub, iat: now, exp: now + 60, acr, ...(amr ? { amr } : {}) },
        v2.keys.es256,
      )
      const body = JSON.stringify({ access_token: 'new', token_type: 'Bearer', expires_in: 60, id_token: idToken })
      v2.bend = {
        tokenRequest: ({ form }) => (form.get('grant_type') === 'refresh_token' ? { status: 200, body } : undefined),
      }
    }
    const client = () =>
      createClient({
        provider: proConnect({ issuer: v2.issuer }),
        clientId: v2.clientId,
        clientSecret: v2.clientSecret,
        redirectUri: v2.redirectUri,
        acr: 'eidas2',
        timeoutMs: 2000,
      })

    it('a refreshed ID token below the floor is refused', async () => {
      await refreshAnswers('eidas1')
      expect((await rejection(client().refresh(session()))).code).toBe('acr_too_low')
    })

    it('a refreshed ID token about another person is refused (OpenID Connect Core §12.2)', async () => {
      await refreshAnswers('eidas2', undefined, 'someone-else')
      expect((await rejection(client().refresh(session()))).code).toBe('id_token_sub')
    })

    it('a refreshed session takes acr and amr from the new ID token', async () => {
      await refreshAnswers('eidas3', ['mfa'])
      const renewed = await client().refresh(session())
      expect(renewed).toMatchObject({ acr: 'eidas3', amr: ['mfa'], accessToken: 'new' })
    })
  })
})
