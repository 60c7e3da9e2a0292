/**
 * Every bad input of a sign-in is refused with its own error code, against a scriptable OP on
 * loopback. Each case bends one thing; the rest of the flow is FranceConnect's.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createClient,
  franceConnect,
  franceConnectPlus,
  franceConnectV1,
  isFranceConnectSdkError,
  memoryStore,
  type Client,
  type EncryptionKey,
} from '../../src/index.js'
import { startScriptableOp, type ScriptableOp } from '../support/scriptable-op.js'

async function expectCode(promise: Promise<unknown>, code: string): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a failure with code ${code}, got a success`)
    },
    (e: unknown) => e,
  )
  expect(isFranceConnectSdkError(error), String(error)).toBe(true)
  expect((error as { code: string }).code).toBe(code)
  return error as Record<string, unknown>
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

describe('FranceConnect v2: refused inputs', () => {
  let op: ScriptableOp
  let fc: Client

  const signIn = async (options: Parameters<Client['authorize']>[0] = {}, acr?: string) => {
    const { url, cookie } = await fc.authorize(options)
    return fc.callback(op.authorize(url, acr === undefined ? {} : { acr }), { cookie: cookie.value })
  }

  beforeAll(async () => {
    op = await startScriptableOp({ variant: 'v2' })
  })
  afterAll(() => op.close())
  beforeEach(() => {
    op.reset()
    fc = createClient({
      provider: franceConnect({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      redirectUri: op.redirectUri,
      timeoutMs: 1000,
    })
  })

  it('accepts the unbent flow (control case)', async () => {
    const session = await signIn()
    expect(session.claims.family_name).toBe('DUBOIS')
  })

  it('refuses alg none', async () => {
    op.behaviour.signIdToken = async (claims) => `${b64({ alg: 'none' })}.${b64(claims)}.`
    await expectCode(signIn(), 'id_token_alg')
  })

  it('refuses HS256 where ES256 is expected', async () => {
    op.behaviour.signIdToken = (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(op.clientSecret))
    await expectCode(signIn(), 'id_token_alg')
  })

  it('refuses HS256 keyed with the public key (key confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(op.signingKeys.es256.publicJwk))
    op.behaviour.signIdToken = (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: op.signingKeys.es256.kid }).sign(secret)
    await expectCode(signIn(), 'id_token_alg')
  })

  it('refuses a tampered signature', async () => {
    op.behaviour.signIdToken = async (claims) => {
      const token = await op.signJwt(claims, op.signingKeys.es256)
      const [h, p, s] = token.split('.') as [string, string, string]
      const flipped = s[5] === 'A' ? 'B' : 'A'
      return `${h}.${p}.${s.slice(0, 5)}${flipped}${s.slice(6)}`
    }
    await expectCode(signIn(), 'id_token_signature')
  })

  it('refuses a payload changed after signing', async () => {
    op.behaviour.signIdToken = async (claims) => {
      const token = await op.signJwt(claims, op.signingKeys.es256)
      const [h, , s] = token.split('.') as [string, string, string]
      return `${h}.${b64({ ...claims, sub: 'attacker' })}.${s}`
    }
    await expectCode(signIn(), 'id_token_signature')
  })

  it('refuses a token signed by a key outside the JWKS, under a known kid', async () => {
    op.behaviour.signIdToken = (claims) => op.signJwt(claims, op.foreignKey)
    await expectCode(signIn(), 'id_token_signature')
  })

  it('refuses an unknown kid, after refetching the key set once', async () => {
    await signIn() // warm the key set: one fetch
    const warm = op.requests.jwks ?? 0
    op.behaviour.signIdToken = (claims) => op.signJwt(claims, { ...op.signingKeys.es256, kid: 'rotated-away' })
    // Past the 10 s cooldown, an unknown kid makes the client refetch the set once, then refuse.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 11_000)
      await expectCode(signIn(), 'id_token_kid_unknown')
      expect(op.requests.jwks).toBe(warm + 1)
      // Within the cooldown, another forged kid does not make the provider be asked again.
      await expectCode(signIn(), 'id_token_kid_unknown')
      expect(op.requests.jwks).toBe(warm + 1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('accepts a rotated key: an unknown kid that the refetched set has', async () => {
    await signIn() // warm the key set with the current keys
    const rotated = { ...op.signingKeys.es256, kid: 'es-2' }
    op.extraJwks = [{ ...op.signingKeys.es256.publicJwk, kid: 'es-2' }]
    op.behaviour.signIdToken = (claims) => op.signJwt(claims, rotated)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 11_000)
      await expect(signIn()).resolves.toMatchObject({ claims: { family_name: 'DUBOIS' } })
    } finally {
      vi.useRealTimers()
      op.extraJwks = []
    }
  })

  it('refuses a jku header', async () => {
    op.behaviour.signIdToken = (claims) => op.signJwt(claims, op.signingKeys.es256, { jku: 'https://evil.example/jwks' })
    await expectCode(signIn(), 'id_token_header')
  })

  it('refuses a wrong issuer', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, iss: 'https://evil.example/api/v2' })
    await expectCode(signIn(), 'id_token_iss')
  })

  it('refuses a wrong audience', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, aud: 'another-client' })
    await expectCode(signIn(), 'id_token_aud')
  })

  it('refuses several audiences without azp', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, aud: [op.clientId, 'another-client'] })
    await expectCode(signIn(), 'id_token_azp')
  })

  it('refuses an expired token', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 120 })
    await expectCode(signIn(), 'id_token_expired')
  })

  it('refuses an iat in the future', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) + 600 })
    await expectCode(signIn(), 'id_token_iat')
  })

  it('refuses an exp of the wrong type', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, exp: String(c.exp) })
    await expectCode(signIn(), 'id_token_claims')
  })

  it('refuses a missing nonce', async () => {
    op.behaviour.idTokenClaims = ({ nonce: _nonce, ...c }) => c
    await expectCode(signIn(), 'id_token_nonce')
  })

  it('refuses a different nonce', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, nonce: 'x'.repeat(43) })
    await expectCode(signIn(), 'id_token_nonce')
  })

  it('refuses a missing acr', async () => {
    op.behaviour.idTokenClaims = ({ acr: _acr, ...c }) => c
    await expectCode(signIn(), 'acr_missing')
  })

  it('refuses an acr that is not an eIDAS level', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, acr: 'eidas0' })
    await expectCode(signIn(), 'acr_invalid')
  })

  it('refuses an amr that is not an array', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, amr: 'pwd' })
    await expectCode(signIn(), 'id_token_claims')
  })

  it('refuses an at_hash that does not match the access token', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' })
    await expectCode(signIn(), 'id_token_at_hash')
  })

  it('refuses an unknown state', async () => {
    const { url, cookie } = await fc.authorize()
    const callback = new URL(op.authorize(url))
    callback.searchParams.set('state', 'forged-state-forged-state-forged-state')
    await expectCode(fc.callback(callback, { cookie: cookie.value }), 'state_unknown')
  })

  it('refuses a replayed state, even after a success', async () => {
    const { url, cookie } = await fc.authorize()
    const callback = op.authorize(url)
    await fc.callback(callback, { cookie: cookie.value })
    await expectCode(fc.callback(callback, { cookie: cookie.value }), 'state_unknown')
  })

  it('consumes the transaction even when the sign-in fails', async () => {
    op.behaviour.idTokenClaims = (c) => ({ ...c, aud: 'another-client' })
    const { url, cookie } = await fc.authorize()
    const callback = op.authorize(url)
    await expectCode(fc.callback(callback, { cookie: cookie.value }), 'id_token_aud')
    await expectCode(fc.callback(callback, { cookie: cookie.value }), 'state_unknown')
  })

  it('refuses a callback without state', async () => {
    const { url, cookie } = await fc.authorize()
    const callback = new URL(op.authorize(url))
    callback.searchParams.delete('state')
    await expectCode(fc.callback(callback, { cookie: cookie.value }), 'state_missing')
  })

  it('refuses a callback iss of another issuer (mix-up)', async () => {
    const { url, cookie } = await fc.authorize()
    const callback = new URL(op.authorize(url))
    callback.searchParams.set('iss', 'https://evil.example/api/v2')
    await expectCode(fc.callback(callback, { cookie: cookie.value }), 'iss_mismatch')
  })

  it('refuses a callback without iss where FranceConnect always sends it', async () => {
    const { url, cookie } = await fc.authorize()
    const callback = new URL(op.authorize(url))
    callback.searchParams.delete('iss')
    await expectCode(fc.callback(callback, { cookie: cookie.value }), 'iss_missing')
  })

  it('refuses a state given twice', async () => {
    const { url, cookie } = await fc.authorize()
    await expectCode(fc.callback(`${op.authorize(url)}&state=other`, { cookie: cookie.value }), 'callback_invalid')
  })

  it('maps error=access_denied (the user cancelled)', async () => {
    const { state, cookie } = await fc.authorize()
    const error = await expectCode(
      fc.callback(
        `${op.redirectUri}?error=access_denied&error_description=user+authentication+aborted&state=${state}&iss=${encodeURIComponent(op.issuer)}`,
        { cookie: cookie.value },
      ),
      'access_denied',
    )
    expect(error.description).toBe('user authentication aborted')
  })

  it('maps error=invalid_acr', async () => {
    const { state, cookie } = await fc.authorize()
    await expectCode(
      fc.callback(`${op.redirectUri}?error=invalid_acr&state=${state}&iss=${encodeURIComponent(op.issuer)}`, {
        cookie: cookie.value,
      }),
      'invalid_acr',
    )
  })

  it('maps an unknown provider error and keeps it as providerCode', async () => {
    const { state, cookie } = await fc.authorize()
    const error = await expectCode(
      fc.callback(`${op.redirectUri}?error=server_error&state=${state}&iss=${encodeURIComponent(op.issuer)}`, {
        cookie: cookie.value,
      }),
      'authorization_error',
    )
    expect(error.providerCode).toBe('server_error')
  })

  it('refuses userinfo as plain JSON where a signed JWT is due', async () => {
    op.behaviour.userinfoResponse = () => ({ status: 200, body: JSON.stringify(op.identity) })
    await expectCode(signIn(), 'userinfo_not_signed')
  })

  it('refuses a userinfo whose sub is not the ID token sub', async () => {
    op.behaviour.userinfoClaims = (c) => ({ ...c, sub: 'f'.repeat(64) + 'v1' })
    await expectCode(signIn(), 'userinfo_sub')
  })

  it('refuses a userinfo with a tampered signature', async () => {
    op.behaviour.signUserinfo = (claims) => op.signJwt(claims, op.foreignKey)
    await expectCode(signIn(), 'userinfo_signature')
  })

  it('refuses a userinfo of another issuer', async () => {
    op.behaviour.userinfoClaims = (c) => ({ ...c, iss: 'https://evil.example/api/v2' })
    await expectCode(signIn(), 'userinfo_iss')
  })

  it('refuses identity claims of the wrong format, naming the claim only', async () => {
    op.behaviour.userinfoClaims = (c) => ({ ...c, birthdate: '24/08/1962' })
    const error = await expectCode(signIn(), 'claims_invalid')
    expect(error.path).toBe('birthdate')
    expect(String(error.message)).not.toContain('1962')
  })

  it('maps userinfo 401 invalid_token', async () => {
    op.behaviour.userinfoResponse = () => ({
      status: 401,
      body: JSON.stringify({ error: 'invalid_token', error_description: 'invalid token provided (access token not found)' }),
    })
    const error = await expectCode(signIn(), 'userinfo_error')
    expect(error.providerCode).toBe('invalid_token')
  })

  it('maps invalid_grant with its FranceConnect code', async () => {
    const { url, cookie } = await fc.authorize()
    const callback = new URL(op.authorize(url))
    callback.searchParams.set('code', 'unknown-code')
    const error = await expectCode(fc.callback(callback, { cookie: cookie.value }), 'token_error')
    expect(error).toMatchObject({ providerCode: 'invalid_grant', status: 400, franceConnectCode: 'Y049E20B' })
  })

  it('maps invalid_client (wrong secret)', async () => {
    const wrong = createClient({
      provider: franceConnect({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: 'not-the-secret-not-the-secret-not-the-secret',
      redirectUri: op.redirectUri,
    })
    const { url, cookie } = await wrong.authorize()
    const error = await expectCode(wrong.callback(op.authorize(url), { cookie: cookie.value }), 'token_error')
    expect(error).toMatchObject({ providerCode: 'invalid_client', status: 401, franceConnectCode: 'Y0434A7B' })
  })

  it('maps a FranceConnect HTML error page', async () => {
    op.behaviour.tokenResponse = () => ({
      status: 400,
      contentType: 'text/html',
      body: '<html><body><h1>Une erreur est survenue</h1><p>Code erreur : Y030007</p></body></html>',
    })
    const error = await expectCode(signIn(), 'token_error')
    expect(error.franceConnectCode).toBe('Y030007')
    expect(String(error.message)).toContain('parameter')
  })

  it('refuses a token response that is not JSON', async () => {
    op.behaviour.tokenResponse = () => ({ status: 200, body: '{"access_token": "abc", "id_tok' })
    await expectCode(signIn(), 'response_invalid')
  })

  it('refuses a token response without id_token', async () => {
    op.behaviour.tokenResponse = ({ id_token: _idToken, ...body }) => body
    await expectCode(signIn(), 'response_invalid')
  })

  it('refuses a token_type other than Bearer', async () => {
    op.behaviour.tokenResponse = (body) => ({ ...body, token_type: 'DPoP' })
    await expectCode(signIn(), 'response_invalid')
  })

  it('refuses an absurd expires_in', async () => {
    op.behaviour.tokenResponse = (body) => ({ ...body, expires_in: 10 ** 12 })
    await expectCode(signIn(), 'response_invalid')
  })

  it('times out on a provider that does not answer', async () => {
    op.behaviour.tokenDelayMs = 1500
    const error = await expectCode(signIn(), 'timeout')
    expect(error.retryable).toBe(true)
  })

  it('refuses a body larger than the limit', async () => {
    op.behaviour.tokenResponse = () => ({ status: 200, body: 'x'.repeat(2 * 1024 * 1024) })
    await expectCode(signIn(), 'response_too_large')
  })

  it('refuses to follow a redirect', async () => {
    op.behaviour.tokenResponse = () => ({ status: 302, body: '', headers: { location: 'https://evil.example/token' } })
    await expectCode(signIn(), 'redirect_refused')
  })

  it('never puts a token or a code in an error message', async () => {
    const { url, cookie } = await fc.authorize()
    const callback = new URL(op.authorize(url))
    const code = callback.searchParams.get('code') as string
    op.behaviour.idTokenClaims = (c) => ({ ...c, aud: 'x' })
    const error = await expectCode(fc.callback(callback, { cookie: cookie.value }), 'id_token_aud')
    expect(JSON.stringify({ message: error.message, ...error })).not.toContain(code)
  })

  it('refuses an unknown or replayed logout state', async () => {
    const { state, cookie } = await fc.logout('header.payload.signature')
    const binding = { cookie: cookie.value }
    await expectCode(fc.logoutCallback('https://app.example/logged-out?state=unknown', binding), 'logout_state_unknown')
    await expectCode(fc.logoutCallback('https://app.example/logged-out', binding), 'logout_state_missing')
    await expect(fc.logoutCallback(`https://app.example/logged-out?state=${state}`, binding)).resolves.toEqual({ state })
    await expectCode(fc.logoutCallback(`https://app.example/logged-out?state=${state}`, binding), 'logout_state_unknown')
  })
})

describe('FranceConnect+: refused inputs', () => {
  let op: ScriptableOp
  let fc: Client

  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('ECDH-ES', { extractable: true })
    const jwk = { ...(await exportJWK(privateKey)), kid: 'enc-1', alg: 'ECDH-ES', use: 'enc' } as EncryptionKey
    const { d: _d, ...publicJwk } = jwk
    op = await startScriptableOp({ variant: 'fcplus', clientEncryptionJwk: publicJwk as JWK })
    fc = createClient({
      provider: franceConnectPlus({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      redirectUri: op.redirectUri,
      encryptionKeys: [jwk],
    })
  })
  afterAll(() => op.close())
  beforeEach(() => op.reset())

  const signIn = async (acr?: string, answered?: string) => {
    const { url, cookie } = await fc.authorize(acr ? { acr } : {})
    return fc.callback(op.authorize(url, answered ? { acr: answered } : {}), { cookie: cookie.value })
  }

  it('accepts the unbent flow (control case)', async () => {
    const session = await signIn('eidas2', 'eidas3')
    expect(session.acr).toBe('eidas3')
    expect(session.idToken.split('.')).toHaveLength(3)
  })

  it('refuses an ID token that is signed but not encrypted', async () => {
    op.behaviour.encrypt = { idToken: false }
    await expectCode(signIn(), 'id_token_not_encrypted')
  })

  it('refuses a userinfo that is signed but not encrypted', async () => {
    op.behaviour.encrypt = { userinfo: false }
    await expectCode(signIn(), 'userinfo_not_encrypted')
  })

  it('refuses an enc other than A256GCM', async () => {
    op.behaviour.encrypt = { enc: 'A128GCM' }
    await expectCode(signIn(), 'id_token_header')
  })

  it('refuses an acr below the level asked (eidas2 when eidas3 was asked)', async () => {
    const error = await expectCode(signIn('eidas3', 'eidas2'), 'acr_too_low')
    expect(error).toMatchObject({ expected: 'eidas3', received: 'eidas2' })
  })

  it('refuses RS256 where FranceConnect+ signs ES256 only', async () => {
    op.behaviour.signIdToken = (claims) => op.signJwt(claims, op.signingKeys.rs256)
    await expectCode(signIn(), 'id_token_alg')
  })

  it('refuses to start without encryption keys', () => {
    expect(() =>
      createClient({
        provider: franceConnectPlus({ issuer: op.issuer }),
        clientId: op.clientId,
        clientSecret: op.clientSecret,
        redirectUri: op.redirectUri,
      }),
    ).toThrow(expect.objectContaining({ code: 'configuration_invalid' }))
  })
})

describe('FranceConnect v1 (HS256): refused inputs', () => {
  let op: ScriptableOp
  let fc: Client
  beforeAll(async () => {
    op = await startScriptableOp({ variant: 'v1' })
    fc = createClient({
      provider: franceConnectV1({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      redirectUri: op.redirectUri,
    })
  })
  afterAll(() => op.close())
  beforeEach(() => op.reset())

  it('accepts the unbent flow (control case)', async () => {
    const { url, cookie } = await fc.authorize()
    const session = await fc.callback(op.authorize(url), { cookie: cookie.value })
    expect(session.claims.given_name).toBe('Angela Claire Louise')
  })

  it('refuses an HS256 token keyed with another secret', async () => {
    op.behaviour.signIdToken = (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another-secret'.repeat(4)))
    const { url, cookie } = await fc.authorize()
    await expectCode(fc.callback(op.authorize(url), { cookie: cookie.value }), 'id_token_signature')
  })

  it('refuses ES256 where v1 uses HS256', async () => {
    op.behaviour.signIdToken = (claims) => op.signJwt(claims, op.signingKeys.es256)
    const { url, cookie } = await fc.authorize()
    await expectCode(fc.callback(op.authorize(url), { cookie: cookie.value }), 'id_token_alg')
  })

  it('has no revocation', async () => {
    await expect(fc.revoke('token')).rejects.toMatchObject({
      name: 'UnsupportedError',
      code: 'unsupported',
      feature: 'revocation',
    })
  })
})

describe('private_key_jwt', () => {
  it('authenticates at the token endpoint with a signed assertion instead of the secret', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
    const publicJwk = { ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'client-sig' }
    const op = await startScriptableOp({ variant: 'v2', clientAssertionJwk: publicJwk })
    try {
      const fc = createClient({
        provider: franceConnect({ issuer: op.issuer }),
        clientId: op.clientId,
        privateKeyJwt: { key: { ...(await exportJWK(privateKey)), kid: 'client-sig' }, alg: 'ES256' },
        redirectUri: op.redirectUri,
      })
      const { url, cookie } = await fc.authorize()
      const session = await fc.callback(op.authorize(url), { cookie: cookie.value })
      expect(session.claims.family_name).toBe('DUBOIS')
      // the same flow with the secret instead is refused by this OP: the assertion is what was checked
      const withSecret = createClient({
        provider: franceConnect({ issuer: op.issuer }),
        clientId: op.clientId,
        clientSecret: op.clientSecret,
        redirectUri: op.redirectUri,
      })
      const second = await withSecret.authorize()
      await expectCode(withSecret.callback(op.authorize(second.url), { cookie: second.cookie.value }), 'token_error')
    } finally {
      await op.close()
    }
  })
})

describe('caches', () => {
  it('discovers and fetches keys once however many callbacks arrive at once on a cold client', async () => {
    const op = await startScriptableOp({ variant: 'v2' })
    try {
      const options = {
        provider: franceConnect({ issuer: op.issuer }),
        clientId: op.clientId,
        clientSecret: op.clientSecret,
        redirectUri: op.redirectUri,
        store: memoryStore(),
      }
      const warm = createClient(options)
      const callbacks: { url: string; cookie: string }[] = []
      for (let i = 0; i < 50; i++) {
        const { url, cookie } = await warm.authorize()
        callbacks.push({ url: op.authorize(url), cookie: cookie.value })
      }
      const before = { discovery: op.requests.discovery ?? 0, jwks: op.requests.jwks ?? 0 }
      const cold = createClient(options)
      const sessions = await Promise.all(callbacks.map(({ url, cookie }) => cold.callback(url, { cookie })))
      expect(new Set(sessions.map((s) => s.accessToken)).size).toBe(50)
      expect((op.requests.discovery ?? 0) - before.discovery).toBe(1)
      expect(op.requests.jwks ?? 0).toBe(before.jwks + 1)
    } finally {
      await op.close()
    }
  })
})

describe('configuration', () => {
  it('refuses plain http outside loopback', () => {
    expect(() =>
      createClient({
        provider: franceConnect({ issuer: 'http://fc.example.fr/api/v2' }),
        clientId: 'id',
        clientSecret: 's',
        redirectUri: 'https://app.example.fr/callback',
      }),
    ).toThrow(expect.objectContaining({ code: 'insecure_url' }))
  })

  it('refuses an unreachable provider with a typed error', async () => {
    const server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as AddressInfo).port
    await new Promise((r) => server.close(r))
    const fc = createClient({
      provider: franceConnect({ issuer: `http://127.0.0.1:${port}/api/v2` }),
      clientId: 'id',
      clientSecret: 's',
      redirectUri: 'https://app.example.fr/callback',
    })
    await expectCode(fc.authorize(), 'network_error')
  })
})
