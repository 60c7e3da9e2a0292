/**
 * The whole relying-party flow, for every preset, against a real OpenID Provider on loopback:
 * panva's oidc-provider (what FranceConnect's core runs on) configured with FranceConnect's rules.
 */
import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cookieStore,
  createClient,
  franceConnect,
  franceConnectPlus,
  franceConnectV1,
  oidcProvider,
  proConnect,
  type Client,
  type Connector,
  type EncryptionKey,
} from '../../src/index.js'
import { startOidcOp, type StartedOp } from '../support/oidc-op.js'

async function encryptionKey(alg: 'ECDH-ES' | 'RSA-OAEP-256', kid: string): Promise<EncryptionKey> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true })
  return { ...(await exportJWK(privateKey)), kid, alg, use: 'enc' } as EncryptionKey
}

function clientFor(
  op: StartedOp,
  provider: Parameters<typeof createClient>[0]['provider'],
  extra: Partial<Parameters<typeof createClient>[0]> = {},
): Client {
  return createClient({
    provider,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    redirectUri: op.redirectUri,
    postLogoutRedirectUri: op.postLogoutRedirectUri,
    ...extra,
  })
}

/** Sign in, log out at the provider and come back, revoke: the life of a session. */
async function fullCycle(op: StartedOp, fc: Client, authorizeOptions: Parameters<Client['authorize']>[0] = {}) {
  const { url, cookie } = await fc.authorize(authorizeOptions)
  const session = await fc.callback(await op.authorize(url), { cookie: cookie.value })
  const { url: logoutUrl, state, cookie: logoutCookie } = await fc.logout(session)
  const back = await op.logout(logoutUrl)
  expect(back.startsWith(op.postLogoutRedirectUri)).toBe(true)
  await expect(fc.logoutCallback(back, { cookie: logoutCookie.value })).resolves.toEqual({ state })
  return session
}

describe('FranceConnect v2 against oidc-provider', () => {
  for (const signingAlg of ['ES256', 'RS256'] as const) {
    describe(signingAlg, () => {
      let op: StartedOp
      let fc: Client
      beforeAll(async () => {
        op = await startOidcOp({ variant: 'v2', signingAlg })
        fc = clientFor(op, franceConnect({ issuer: op.issuer }))
      })
      afterAll(() => op.close())

      it('signs in, returns the verified pivot identity, logs out and revokes', async () => {
        const session = await fullCycle(op, fc)
        expect(session.sub).toMatch(/^[0-9a-f]{64}v1$/)
        expect(session.acr).toBe('eidas1')
        expect(session.claims).toMatchObject({
          sub: session.sub,
          given_name: 'Angela Claire Louise',
          family_name: 'DUBOIS',
          gender: 'female',
          birthdate: '1962-08-24',
          birthplace: '75107',
          birthcountry: '99100',
        })
        expect(session.claims).not.toHaveProperty('iss')
        expect(session.expiresAt - Date.now() / 1000).toBeGreaterThan(50)
        // Before revocation the access token opens userinfo; after, the provider refuses it.
        const userinfo = () => fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${session.accessToken}` } })
        expect((await userinfo()).status).toBe(200)
        await fc.revoke(session)
        expect((await userinfo()).status).toBe(401)
      })

      it('sends FranceConnect exactly the parameters it accepts', async () => {
        const { url, cookie } = await fc.authorize({ prompt: 'login consent', amr: true })
        const params = [...new URL(url).searchParams.keys()].sort()
        expect(params).toEqual([
          'acr_values',
          'claims',
          'client_id',
          'nonce',
          'prompt',
          'redirect_uri',
          'response_type',
          'scope',
          'state',
        ])
        const query = new URL(url).searchParams
        expect(query.get('nonce')!.length).toBeGreaterThanOrEqual(32)
        expect(query.get('state')!.length).toBeGreaterThanOrEqual(32)
        const session = await fc.callback(await op.authorize(url), { cookie: cookie.value })
        expect(session.amr).toEqual(expect.arrayContaining(['fc']))
      })

      it('refuses a level FranceConnect v2 does not offer before sending the user', async () => {
        await expect(fc.authorize({ acr: 'eidas2' })).rejects.toMatchObject({ name: 'ParameterError', code: 'parameter_invalid' })
      })

      it('maps the user cancelling to access_denied', async () => {
        const { url, cookie } = await fc.authorize()
        await expect(fc.callback(await op.authorize(url, { cancel: true }), { cookie: cookie.value })).rejects.toMatchObject({
          code: 'access_denied',
        })
      })

      it('refuses a replayed callback', async () => {
        const { url, cookie } = await fc.authorize()
        const callback = await op.authorize(url)
        await fc.callback(callback, { cookie: cookie.value })
        await expect(fc.callback(callback, { cookie: cookie.value })).rejects.toMatchObject({ code: 'state_unknown' })
      })
    })
  }

  it('asks the data scopes of the configured connectors, and gets them granted', async () => {
    const op = await startOidcOp({ variant: 'v2' })
    try {
      const connector: Connector<void, unknown> = {
        id: 'fake',
        provider: 'CNOUS',
        scopes: ['cnous_statut_boursier', 'cnous_echelon_bourse'],
        read: async () => {
          throw new Error('not called')
        },
      }
      const fc = clientFor(op, franceConnect({ issuer: op.issuer }), { apis: [connector] })
      const { url, cookie } = await fc.authorize()
      expect(new URL(url).searchParams.get('scope')).toBe('openid identite_pivot cnous_statut_boursier cnous_echelon_bourse')
      const session = await fc.callback(await op.authorize(url), { cookie: cookie.value })
      expect(session.scopes).toEqual(expect.arrayContaining(['cnous_statut_boursier', 'cnous_echelon_bourse']))
    } finally {
      await op.close()
    }
  })

  it('works with the sealed cookie store across two client instances', async () => {
    const op = await startOidcOp({ variant: 'v2' })
    try {
      const secret = 'a-long-cookie-secret-shared-by-every-instance'
      const first = clientFor(op, franceConnect({ issuer: op.issuer }), { store: cookieStore({ secret }) })
      const second = clientFor(op, franceConnect({ issuer: op.issuer }), { store: cookieStore({ secret }) })
      const { url, cookie } = await first.authorize()
      expect(cookie.name).toBe('fc_tx')
      const callback = await op.authorize(url)
      // without the cookie there is no binding (and, with this store, no transaction) to check
      await expect(second.callback(callback)).rejects.toMatchObject({ code: 'binding_missing' })
      const session = await second.callback(callback, { cookie: cookie.value })
      expect(session.claims.family_name).toBe('DUBOIS')
      await expect(second.callback(callback, { cookie: cookie.value })).rejects.toMatchObject({ code: 'state_unknown' })
    } finally {
      await op.close()
    }
  })
})

describe('FranceConnect+ against oidc-provider', () => {
  for (const alg of ['ECDH-ES', 'RSA-OAEP-256'] as const) {
    describe(alg, () => {
      let op: StartedOp
      let fc: Client
      beforeAll(async () => {
        const key = await encryptionKey(alg, `enc-${alg}`)
        const probe = createClient({
          provider: franceConnectPlus({ issuer: 'http://127.0.0.1:1/api/v2' }),
          clientId: 'x',
          clientSecret: 'y',
          redirectUri: 'http://127.0.0.1:1/cb',
          encryptionKeys: [key],
        })
        op = await startOidcOp({ variant: 'fcplus', clientEncryptionJwks: probe.jwks() })
        fc = clientFor(op, franceConnectPlus({ issuer: op.issuer }), { encryptionKeys: [key] })
      })
      afterAll(() => op.close())

      it('publishes only the public half of the encryption key, with use and alg', () => {
        const [jwk] = fc.jwks().keys
        expect(jwk).toMatchObject({ use: 'enc', alg, kid: `enc-${alg}` })
        expect(jwk).not.toHaveProperty('d')
      })

      it('decrypts and verifies the ID token and userinfo, at eidas2', async () => {
        const session = await fullCycle(op, fc)
        expect(session.acr).toBe('eidas2')
        expect(session.idToken.split('.')).toHaveLength(3)
        expect(session.claims.family_name).toBe('DUBOIS')
        await fc.revoke(session)
      })

      it('accepts eidas3 when eidas3 is asked', async () => {
        const { url, cookie } = await fc.authorize({ acr: 'eidas3' })
        expect(new URL(url).searchParams.get('acr_values')).toBe('eidas3')
        const session = await fc.callback(await op.authorize(url), { cookie: cookie.value })
        expect(session.acr).toBe('eidas3')
      })

      it('refuses a downgrade: eidas2 returned when eidas3 was asked', async () => {
        const { url, cookie } = await fc.authorize({ acr: 'eidas3' })
        await expect(fc.callback(await op.authorize(url, { acr: 'eidas2' }), { cookie: cookie.value })).rejects.toMatchObject({
          code: 'acr_too_low',
        })
      })
    })
  }
})

describe('FranceConnect v1 against oidc-provider', () => {
  let op: StartedOp
  let fc: Client
  beforeAll(async () => {
    op = await startOidcOp({ variant: 'v1' })
    fc = clientFor(op, franceConnectV1({ issuer: op.issuer }))
  })
  afterAll(() => op.close())

  it('signs in with an HS256 ID token and JSON userinfo, without discovery, and logs out', async () => {
    const session = await fullCycle(op, fc)
    expect(session.claims.family_name).toBe('DUBOIS')
    expect(new URL((await fc.logout(session)).url).pathname).toBe('/api/v1/logout')
    expect(op.requests.discovery ?? 0).toBe(0)
  })
})

describe('ProConnect against oidc-provider', () => {
  let op: StartedOp
  let fc: Client
  beforeAll(async () => {
    op = await startOidcOp({ variant: 'proconnect' })
    fc = clientFor(op, proConnect({ issuer: op.issuer }))
  })
  afterAll(() => op.close())

  it('signs an agent in with RS256 and a signed userinfo', async () => {
    const session = await fullCycle(op, fc)
    expect(session.sub).toBeTruthy()
    expect(Object.keys(session.claims)).toContain('sub')
  })

  it('asks a level through claims.id_token.acr', async () => {
    const { url, cookie } = await fc.authorize({ acr: 'eidas1' })
    const query = new URL(url).searchParams
    expect(query.get('acr_values')).toBeNull()
    // a minimum: every level that satisfies it, since ProConnect matches the list exactly
    expect(JSON.parse(query.get('claims')!)).toEqual({
      id_token: { acr: { essential: true, values: ['eidas1', 'eidas1-mfa', 'eidas2', 'eidas3'] } },
    })
    await expect(fc.callback(await op.authorize(url), { cookie: cookie.value })).resolves.toMatchObject({ acr: 'eidas1' })
  })
})

describe('any OpenID Connect provider against oidc-provider', () => {
  let op: StartedOp
  let fc: Client
  beforeAll(async () => {
    op = await startOidcOp({ variant: 'generic' })
    fc = clientFor(op, oidcProvider({ issuer: op.issuer }), { scopes: ['openid', 'profile', 'email'] })
  })
  afterAll(() => op.close())

  it('signs in with PKCE S256 and client_secret_basic, JSON userinfo', async () => {
    const { url, cookie } = await fc.authorize()
    const query = new URL(url).searchParams
    expect(query.get('code_challenge_method')).toBe('S256')
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const session = await fc.callback(await op.authorize(url), { cookie: cookie.value })
    expect(session.claims.sub).toBe(session.sub)
    await fc.revoke(session)
  })

  it('renews the access token with a refresh token', async () => {
    const { url, cookie } = await fc.authorize({ scopes: ['openid', 'email', 'offline_access'], prompt: 'consent' })
    const session = await fc.callback(await op.authorize(url), { cookie: cookie.value })
    expect(session.refreshToken).toBeTruthy()
    const renewed = await fc.refresh(session)
    expect(renewed.accessToken).not.toBe(session.accessToken)
    expect(renewed.sub).toBe(session.sub)
    expect(renewed.claims).toEqual(session.claims)
  })

  it('has no refresh on FranceConnect sessions', async () => {
    await expect(
      fc.refresh({ sub: 's', claims: { sub: 's' }, idToken: 'x', accessToken: 'y', scopes: [], expiresAt: 0 }),
    ).rejects.toMatchObject({
      name: 'UnsupportedError',
      code: 'unsupported',
      feature: 'refresh',
    })
  })
})
