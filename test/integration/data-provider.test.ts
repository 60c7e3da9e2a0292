/**
 * The data provider's side of a FranceConnected API, against a checktoken endpoint on loopback that
 * encrypts and signs as FranceConnect does. Each negative case bends one thing and asserts the code.
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { compactDecrypt, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  authenticate,
  createAccessTokenVerifier,
  verifyAccessToken,
  type AccessTokenVerifierOptions,
  type VerifyAccessTokenOptions,
} from '../../src/data-provider/index.js'
import { isFranceConnectSdkError } from '../../src/errors/franceconnect-sdk-error.js'
import { angela, startChecktokenServer, type ChecktokenServer } from '../support/checktoken-server.js'

let fc: ChecktokenServer
let options: VerifyAccessTokenOptions

beforeAll(async () => {
  fc = await startChecktokenServer()
})
afterAll(async () => {
  await fc.close()
})
beforeEach(() => {
  fc.reset()
  options = {
    issuer: fc.issuer,
    clientId: fc.clientId,
    clientSecret: fc.clientSecret,
    decryptionKeys: [fc.dpKeys.ecdh, fc.dpKeys.rsa, fc.dpKeys.rsaOaep],
  }
})

/** Awaits a failure, checks its code, and that its message holds neither the token nor the secret. */
async function expectCode(promise: Promise<unknown>, code: string, token?: string): Promise<Record<string, unknown>> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a failure with code ${code}, got ${JSON.stringify(value)}`)
    },
    (e: unknown) => e,
  )
  expect(isFranceConnectSdkError(error), String(error)).toBe(true)
  const { message } = error as Error
  expect((error as { code: string }).code, message).toBe(code)
  expect(message).not.toContain(fc.clientSecret)
  if (token) expect(message).not.toContain(token)
  expect(message).not.toContain(angela.family_name)
  return error as Record<string, unknown>
}

/** A verifier with no result cache, so that each call reaches the server. */
const fresh = (extra: Partial<AccessTokenVerifierOptions> = {}) =>
  createAccessTokenVerifier({ ...options, cache: false, ...extra })

describe('checktoken v2: active tokens', () => {
  it('verifies an ECDH-ES + ES256 answer and returns the typed result', async () => {
    const token = fc.issueToken()
    const result = await fresh().verify(token)
    expect(result.active).toBe(true)
    if (!result.active) return
    expect(result.version).toBe('v2')
    expect(result.sub).toMatch(/^[0-9a-f]{64}v1$/)
    expect(result.scopes).toEqual(['openid', 'identite_pivot', 'dgfip_rfr', 'dgfip_nbpart'])
    expect(result.clientId).toBe(fc.spClientId)
    expect(result.acr).toBe('eidas1')
    expect(result.expiresAt - result.issuedAt).toBe(60)
    // a digest of jti (FranceConnect sets jti to the token itself), never the token
    expect(result.tokenId).toMatch(/^[\w-]{16}$/)
    expect(result.tokenId).not.toBe(token)
    expect(result.identity).toEqual({ sub: result.sub, ...angela })
    expect(result.identity).not.toHaveProperty('jti')
    expect(result.identity).not.toHaveProperty('scope')
  })

  it('sends exactly token, client_id and client_secret as a form', async () => {
    const token = fc.issueToken()
    await fresh().verify(token)
    expect(fc.lastRequest?.contentType).toBe('application/x-www-form-urlencoded')
    const form = new URLSearchParams(fc.lastRequest?.body)
    expect([...form.keys()].sort()).toEqual(['client_id', 'client_secret', 'token'])
    expect(form.get('token')).toBe(token)
    expect(form.get('client_id')).toBe(fc.clientId)
  })

  it('verifies an RSA-OAEP-256 + RS256 answer', async () => {
    fc.behaviour = { encryptionAlg: 'RSA-OAEP-256', signingAlg: 'RS256' }
    const result = await fresh({ decryptionKeys: [fc.dpKeys.rsa] }).verify(fc.issueToken({ acr: 'eidas2' }))
    expect(result).toMatchObject({ active: true, acr: 'eidas2', clientId: fc.spClientId })
  })

  it('verifies an RSA-OAEP answer, choosing the decryption key by alg (the JWE has no kid)', async () => {
    fc.behaviour = { encryptionAlg: 'RSA-OAEP' }
    const result = await fresh().verify(fc.issueToken())
    expect(result.active).toBe(true)
  })

  it('the mock answers like FranceConnect: JWE header {alg, enc, epk} without kid, JWS header {alg, kid}', async () => {
    const captured: string[] = []
    const spy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      const text = await response.clone().text()
      captured.push(text)
      return response
    }
    await fresh({ fetch: spy }).verify(fc.issueToken())
    const jwe = captured.find((body) => body.split('.').length === 5) as string
    expect(Object.keys(decodeProtectedHeader(jwe)).sort()).toEqual(['alg', 'enc', 'epk'])
    const { plaintext } = await compactDecrypt(jwe, await importJWK(fc.dpKeys.ecdh, 'ECDH-ES'))
    const jws = new TextDecoder().decode(plaintext)
    expect(Object.keys(decodeProtectedHeader(jws)).sort()).toEqual(['alg', 'kid'])
    expect(Object.keys(decodeJwt(jws)).sort()).toEqual(['aud', 'iat', 'iss', 'token_introspection'])
  })

  it('returns an empty scope list when FranceConnect grants none of the data provider scopes', async () => {
    const result = await fresh().verify(fc.issueToken({ scope: '' }))
    expect(result).toMatchObject({ active: true, scopes: [] })
  })
})

describe('checktoken v2: inactive tokens', () => {
  it('returns { active: false } for an unknown token', async () => {
    expect(await fresh().verify('Wn5igB6_frAVBXQgShzI0znLE3fid2cWZHR9TWtqxZM')).toEqual({ active: false })
    expect(fc.requests.checktoken).toBe(1)
  })

  it('returns { active: false } for a revoked or expired token', async () => {
    const revoked = fc.issueToken()
    fc.revoke(revoked)
    const now = Math.floor(Date.now() / 1000)
    const expired = fc.issueToken({ iat: now - 120, exp: now - 60 })
    const verifier = fresh()
    expect(await verifier.verify(revoked)).toEqual({ active: false })
    expect(await verifier.verify(expired)).toEqual({ active: false })
  })

  it('answers { active: false } without asking FranceConnect for a value that cannot be a token', async () => {
    const verifier = fresh()
    expect(await verifier.verify('')).toEqual({ active: false })
    expect(await verifier.verify('not a token')).toEqual({ active: false })
    expect(await verifier.verify(undefined as unknown as string)).toEqual({ active: false })
    expect(fc.requests.checktoken).toBe(0)
  })
})

describe('checktoken v2: refused answers', () => {
  it('refuses an answer for another data provider (aud)', async () => {
    fc.behaviour.payload = (p) => ({ ...p, aud: 'another-data-provider' })
    const token = fc.issueToken()
    await expectCode(fresh().verify(token), 'checktoken_aud', token)
  })

  it('refuses an answer from another issuer (iss)', async () => {
    fc.behaviour.payload = (p) => ({ ...p, iss: 'https://evil.example/api/v2' })
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_iss')
  })

  it('refuses a signature by a key not in the JWKS (same kid)', async () => {
    fc.behaviour.signWith = fc.impostorKey
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_signature')
  })

  it('refuses a signature by a key not in the JWKS (unknown kid)', async () => {
    fc.behaviour.signWith = fc.unknownKey
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_kid_unknown')
  })

  it('refuses a JWE encrypted with A128GCM', async () => {
    fc.behaviour.enc = 'A128GCM'
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_header')
  })

  it('refuses a JWE encrypted to a key the data provider does not have', async () => {
    const pair = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true })
    fc.behaviour.encryptTo = { ...(await exportJWK(pair.publicKey)), alg: 'ECDH-ES', use: 'enc' }
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_decryption')
  })

  it('refuses an answer signed but not encrypted', async () => {
    fc.behaviour.skipEncryption = true
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_not_encrypted')
  })

  it('refuses an iat two minutes old', async () => {
    fc.behaviour.payload = (p) => ({ ...p, iat: Math.floor(Date.now() / 1000) - 120 })
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_iat')
  })

  it('refuses an iat in the future', async () => {
    fc.behaviour.payload = (p) => ({ ...p, iat: Math.floor(Date.now() / 1000) + 120 })
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_iat')
  })

  it('honours maxAgeSec', async () => {
    fc.behaviour.payload = (p) => ({ ...p, iat: Math.floor(Date.now() / 1000) - 40 })
    await expectCode(fresh({ maxAgeSec: 20 }).verify(fc.issueToken()), 'checktoken_iat')
    expect((await fresh().verify(fc.issueToken())).active).toBe(true)
  })

  it('refuses an answer without iat', async () => {
    fc.behaviour.payload = ({ iat: _iat, ...p }) => p
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_claims')
  })

  it('refuses a plain JSON answer where a JWT is expected', async () => {
    fc.behaviour.answer = { status: 200, contentType: 'application/json', body: JSON.stringify({ active: true, sub: 'x' }) }
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_not_encrypted')
  })

  it('refuses a genuine JWE served with another content type', async () => {
    fc.behaviour.contentType = 'application/jwt'
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_not_encrypted')
  })

  it('refuses an active answer whose exp has passed', async () => {
    const now = Math.floor(Date.now() / 1000)
    fc.behaviour.payload = (p) => ({
      ...p,
      token_introspection: { ...(p.token_introspection as object), iat: now - 200, exp: now - 140 },
    })
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_expired')
  })

  it('refuses an active answer missing a member (jti)', async () => {
    fc.behaviour.payload = (p) => {
      const { jti: _jti, ...introspection } = p.token_introspection as Record<string, unknown>
      return { ...p, token_introspection: introspection }
    }
    const error = await expectCode(fresh().verify(fc.issueToken()), 'checktoken_claims')
    expect(error.message).toContain('jti')
  })

  it('refuses an answer with no token_introspection', async () => {
    fc.behaviour.payload = ({ token_introspection: _t, ...p }) => p
    await expectCode(fresh().verify(fc.issueToken()), 'checktoken_claims')
  })

  it('refuses a pivot identity that breaks its format, naming the claim only', async () => {
    const token = fc.issueToken({ identity: { ...angela, birthdate: '24/08/1962' } })
    const error = await expectCode(fresh().verify(token), 'claims_invalid', token)
    expect(error.path).toBe('birthdate')
    expect(error.message).not.toContain('24/08/1962')
  })
})

describe('checktoken v2: FranceConnect errors', () => {
  it('401 invalid_client', async () => {
    const error = await expectCode(fresh({ clientSecret: 'x'.repeat(64) }).verify(fc.issueToken()), 'checktoken_error')
    expect(error).toMatchObject({ status: 401, providerCode: 'invalid_client', retryable: false })
  })

  it('400 invalid_request', async () => {
    fc.behaviour.answer = {
      status: 400,
      body: JSON.stringify({ error: 'invalid_request', error_description: 'Required parameter missing or invalid.' }),
    }
    const error = await expectCode(fresh().verify(fc.issueToken()), 'checktoken_error')
    expect(error).toMatchObject({ status: 400, providerCode: 'invalid_request' })
  })

  it('500 server_error', async () => {
    fc.behaviour.answer = {
      status: 500,
      body: JSON.stringify({
        error: 'server_error',
        error_description: 'The authorization server encountered an unexpected condition',
      }),
    }
    const error = await expectCode(fresh().verify(fc.issueToken()), 'checktoken_error')
    expect(error).toMatchObject({ status: 500, providerCode: 'server_error', retryable: true })
  })

  it('a bare 502 from a proxy', async () => {
    fc.behaviour.answer = { status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }
    const error = await expectCode(fresh().verify(fc.issueToken()), 'checktoken_error')
    expect(error).toMatchObject({ status: 502, retryable: true })
  })

  it('a timeout', async () => {
    fc.behaviour.delayMs = 400
    const error = await expectCode(fresh({ timeoutMs: 100 }).verify(fc.issueToken()), 'timeout')
    expect(error.retryable).toBe(true)
  })

  it('FranceConnect unreachable', async () => {
    const closed = await closedPort()
    await expectCode(
      fresh({ checktokenEndpoint: `http://127.0.0.1:${closed}/checktoken` }).verify(fc.issueToken()),
      'network_error',
    )
  })

  it('the JWKS unreachable', async () => {
    const closed = await closedPort()
    await expectCode(fresh({ jwksUri: `http://127.0.0.1:${closed}/jwks` }).verify(fc.issueToken()), 'network_error')
  })
})

describe('configuration', () => {
  it('refuses plain http off loopback', () => {
    expect(() => createAccessTokenVerifier({ ...options, issuer: 'http://oidc.example.fr/api/v2' })).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    )
  })

  it('refuses a v2 verifier without decryption keys, credentials, or with a key FranceConnect cannot use', () => {
    expect(() => createAccessTokenVerifier({ ...options, decryptionKeys: [] })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
    expect(() => createAccessTokenVerifier({ ...options, clientSecret: '' })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
    expect(() =>
      createAccessTokenVerifier({ ...options, decryptionKeys: [{ ...fc.dpKeys.ecdh, alg: 'ECDH-ES+A128KW' }] }),
    ).toThrow(expect.objectContaining({ code: 'configuration_invalid' }))
  })

  it('rejects the one-shot verification of a misconfigured call', async () => {
    await expectCode(verifyAccessToken('abc', { ...options, decryptionKeys: [] }), 'configuration_invalid')
  })
})

describe('result cache', () => {
  it('asks once for ten concurrent calls with one token', async () => {
    const verifier = createAccessTokenVerifier(options)
    const token = fc.issueToken()
    const results = await Promise.all(Array.from({ length: 10 }, () => verifier.verify(token)))
    expect(fc.requests.checktoken).toBe(1)
    expect(fc.requests.jwks).toBe(1)
    expect(new Set(results).size).toBe(1)
    expect(results[0]?.active).toBe(true)
  })

  it('asks once for ten sequential calls with one token', async () => {
    const verifier = createAccessTokenVerifier(options)
    const token = fc.issueToken()
    for (let i = 0; i < 10; i++) expect((await verifier.verify(token)).active).toBe(true)
    expect(fc.requests.checktoken).toBe(1)
  })

  it('keys entries by the SHA-256 of the token, never the token', async () => {
    const verifier = createAccessTokenVerifier(options)
    const token = fc.issueToken()
    await verifier.verify(token)
    const keys = verifier.cache.keys()
    expect(keys).toEqual([createHash('sha256').update(token).digest('base64url')])
    expect(keys.join()).not.toContain(token)
    expect(JSON.stringify(verifier)).not.toContain(token)
    expect(await verifier.cache.delete(token)).toBe(true)
    expect(verifier.cache.size).toBe(0)
    expect(await verifier.cache.delete(token)).toBe(false)
  })

  it('still shares one request among concurrent calls when the cache is off', async () => {
    const verifier = createAccessTokenVerifier({ ...options, cache: false })
    const token = fc.issueToken()
    await Promise.all(Array.from({ length: 10 }, () => verifier.verify(token)))
    expect(fc.requests.checktoken).toBe(1)
    await verifier.verify(token)
    expect(fc.requests.checktoken).toBe(2)
    expect(verifier.cache.size).toBe(0)
  })

  it('is bounded: the least recently used entry goes first', async () => {
    const verifier = createAccessTokenVerifier({ ...options, cache: { maxEntries: 2 } })
    const [a, b, c] = [fc.issueToken(), fc.issueToken(), fc.issueToken()]
    await verifier.verify(a)
    await verifier.verify(b)
    await verifier.verify(a) // a is now the most recent
    await verifier.verify(c) // evicts b
    expect(verifier.cache.size).toBe(2)
    expect(fc.requests.checktoken).toBe(3)
    await verifier.verify(a)
    expect(fc.requests.checktoken).toBe(3)
    await verifier.verify(b)
    expect(fc.requests.checktoken).toBe(4)
  })

  it('keeps an active result until the token expires', async () => {
    const verifier = createAccessTokenVerifier(options)
    const now = Math.floor(Date.now() / 1000)
    const token = fc.issueToken({ iat: now - 58, exp: now + 1 })
    await verifier.verify(token)
    await verifier.verify(token)
    expect(fc.requests.checktoken).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * 1000 - Date.now() + 50))
    expect(await verifier.verify(token)).toEqual({ active: false })
    expect(fc.requests.checktoken).toBe(2)
  })

  it('caps the life of an entry with maxTtlSec', async () => {
    const verifier = createAccessTokenVerifier({ ...options, cache: { maxTtlSec: 0.1 } })
    const token = fc.issueToken()
    await verifier.verify(token)
    await new Promise((resolve) => setTimeout(resolve, 150))
    await verifier.verify(token)
    expect(fc.requests.checktoken).toBe(2)
  })

  it('keeps an inactive result briefly, and not at all with inactiveTtlSec 0', async () => {
    const token = 'Wn5igB6_frAVBXQgShzI0znLE3fid2cWZHR9TWtqxZM'
    const brief = createAccessTokenVerifier(options)
    await brief.verify(token)
    await brief.verify(token)
    expect(fc.requests.checktoken).toBe(1)
    const never = createAccessTokenVerifier({ ...options, cache: { inactiveTtlSec: 0 } })
    await never.verify(token)
    await never.verify(token)
    expect(fc.requests.checktoken).toBe(3)
  })

  it('never caches a failure', async () => {
    const verifier = createAccessTokenVerifier(options)
    const token = fc.issueToken()
    fc.behaviour.answer = { status: 503, body: '' }
    await expectCode(verifier.verify(token), 'checktoken_error')
    fc.behaviour = {}
    expect((await verifier.verify(token)).active).toBe(true)
    expect(verifier.cache.size).toBe(1)
  })

  it('the one-shot form does not cache results, but shares the key set', async () => {
    const jwksBefore = fc.requests.jwks
    const token = fc.issueToken()
    const oneShot = { ...options, jwksUri: `${fc.issuer}/jwks?one-shot` }
    await verifyAccessToken(token, oneShot)
    await verifyAccessToken(token, oneShot)
    expect(fc.requests.checktoken).toBe(2)
    expect(fc.requests.jwks - jwksBefore).toBe(1)
  })
})

describe('checktoken v1', () => {
  const v1 = () => ({ version: 'v1' as const, issuer: fc.v1Issuer })

  it('maps an active v1 answer to the result shape', async () => {
    const token = fc.issueV1Token()
    const result = await verifyAccessToken(token, v1())
    expect(fc.lastRequest?.contentType).toBe('application/json')
    expect(JSON.parse(fc.lastRequest?.body ?? '')).toEqual({ token })
    expect(result.active).toBe(true)
    if (!result.active) return
    expect(result).toMatchObject({
      version: 'v1',
      scopes: ['openid', 'identite_pivot', 'dgfip_rfr'],
      clientId: fc.spClientId,
      clientName: 'Test SP',
      acr: 'eidas2',
      sub: undefined,
      issuedAt: undefined,
      expiresAt: undefined,
      tokenId: undefined,
    })
    expect(result.identity).toMatchObject({ family_name: 'DUBOIS', birthplace: '75107', preferred_username: '' })
  })

  it('maps 401 token_not_found_or_expired to { active: false }', async () => {
    expect(await verifyAccessToken('9af033eb295d0fe113988d29a26527f920114973b3a1ca7bdb44768fd0c73936', v1())).toEqual({
      active: false,
    })
    const revoked = fc.issueV1Token()
    fc.revoke(revoked)
    expect(await verifyAccessToken(revoked, v1())).toEqual({ active: false })
  })

  it('maps 400/401 "Malformed access token." to { active: false }', async () => {
    fc.behaviour.v1Answer = { status: 401, body: JSON.stringify({ status: 'fail', message: 'Malformed access token.' }) }
    expect(await verifyAccessToken('abc', v1())).toEqual({ active: false })
  })

  it('refuses any other 400/401 with a typed error', async () => {
    fc.behaviour.v1Answer = { status: 401, body: JSON.stringify({ status: 'fail', message: 'something_else' }) }
    const error = await expectCode(verifyAccessToken(fc.issueV1Token(), v1()), 'checktoken_error')
    expect(error).toMatchObject({ status: 401, providerCode: 'something_else' })
    fc.behaviour.v1Answer = { status: 400, contentType: 'text/html', body: '<html>Bad request</html>' }
    await expectCode(verifyAccessToken(fc.issueV1Token(), v1()), 'checktoken_error')
  })

  it('refuses a 5xx, a non-JSON 200 and an incomplete answer', async () => {
    fc.behaviour.v1Answer = { status: 500, body: '' }
    expect(await expectCode(verifyAccessToken(fc.issueV1Token(), v1()), 'checktoken_error')).toMatchObject({ status: 500 })
    fc.behaviour.v1Answer = { status: 200, contentType: 'text/html', body: '<html></html>' }
    await expectCode(verifyAccessToken(fc.issueV1Token(), v1()), 'response_invalid')
    fc.behaviour.v1Answer = { status: 200, body: JSON.stringify({ scope: ['openid'], identity: {} }) }
    await expectCode(verifyAccessToken(fc.issueV1Token(), v1()), 'checktoken_claims')
  })

  it('a v1 verifier single-flights but does not keep results (no exp)', async () => {
    const verifier = createAccessTokenVerifier(v1())
    const token = fc.issueV1Token()
    await Promise.all(Array.from({ length: 5 }, () => verifier.verify(token)))
    expect(fc.requests.v1).toBe(1)
    await verifier.verify(token)
    expect(fc.requests.v1).toBe(2)
  })
})

describe('authenticate', () => {
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

  it('401 without error attribute when there is no Authorization header', async () => {
    const auth = await fresh().authenticate({ headers: {} })
    expect(auth).toMatchObject({ ok: false, status: 401, headers: { 'www-authenticate': 'Bearer realm="api"' } })
    expect(fc.requests.checktoken).toBe(0)
  })

  it('401 without error attribute for another scheme', async () => {
    const auth = await fresh({ realm: 'revenus' }).authenticate({ headers: { Authorization: 'Basic dXNlcjpwYXNz' } })
    expect(auth).toMatchObject({ ok: false, status: 401, headers: { 'www-authenticate': 'Bearer realm="revenus"' } })
  })

  it('401 invalid_token for a malformed header', async () => {
    for (const headers of [
      { authorization: 'Bearer' },
      { authorization: 'Bearer a b' },
      { authorization: 'Bearer tök€n' },
      { authorization: ['Bearer abc', 'Bearer def'] },
      new Headers([
        ['authorization', 'Bearer abc'],
        ['authorization', 'Bearer def'],
      ]),
    ]) {
      const auth = await fresh().authenticate({ headers })
      expect(auth.ok).toBe(false)
      if (auth.ok) continue
      expect(auth.status).toBe(401)
      expect(auth.headers['www-authenticate']).toMatch(/^Bearer realm="api", error="invalid_token", error_description="[^"]+"$/)
      expect(auth.body.error).toBe('invalid_token')
    }
    expect(fc.requests.checktoken).toBe(0)
  })

  it('401 invalid_token for an inactive token', async () => {
    const auth = await fresh().authenticate(bearer('Wn5igB6_frAVBXQgShzI0znLE3fid2cWZHR9TWtqxZM'))
    expect(auth).toMatchObject({ ok: false, status: 401, body: { error: 'invalid_token' } })
    if (!auth.ok) expect(auth.headers['www-authenticate']).toContain('error="invalid_token"')
  })

  it('403 insufficient_scope naming the missing scopes', async () => {
    const verifier = fresh({ scopes: ['dgfip_rfr'] })
    const auth = await verifier.authenticate(bearer(fc.issueToken()), { scopes: ['dgfip_rfr', 'dgfip_aft', 'dgfip_pac'] })
    expect(auth.ok).toBe(false)
    if (auth.ok) return
    expect(auth.status).toBe(403)
    expect(auth.headers['www-authenticate']).toBe(
      'Bearer realm="api", error="insufficient_scope", error_description="The access token lacks the scopes: dgfip_aft dgfip_pac", scope="dgfip_aft dgfip_pac"',
    )
    expect(auth.body).toEqual({
      error: 'insufficient_scope',
      error_description: 'The access token lacks the scopes: dgfip_aft dgfip_pac',
    })
    expect(auth.cause?.code).toBe('insufficient_scope')
  })

  it('ok with the verified token when active and every scope is granted', async () => {
    const token = fc.issueToken()
    const auth = await fresh({ scopes: ['dgfip_rfr'] }).authenticate({
      headers: new Headers({ Authorization: `bearer ${token}` }),
    })
    expect(auth.ok).toBe(true)
    if (auth.ok)
      expect(auth.token).toMatchObject({ active: true, clientId: fc.spClientId, scopes: expect.arrayContaining(['dgfip_rfr']) })
  })

  it('503 when FranceConnect is down, times out or fails — never a 401', async () => {
    const closed = await closedPort()
    const down = await fresh({ checktokenEndpoint: `http://127.0.0.1:${closed}/checktoken` }).authenticate(
      bearer(fc.issueToken()),
    )
    expect(down).toMatchObject({ ok: false, status: 503, headers: {}, body: { error: 'temporarily_unavailable' } })
    if (!down.ok) expect(down.cause?.code).toBe('network_error')

    fc.behaviour.delayMs = 300
    const slow = await fresh({ timeoutMs: 50 }).authenticate(bearer(fc.issueToken()))
    expect(slow).toMatchObject({ ok: false, status: 503 })
    fc.behaviour = { answer: { status: 500, body: '{"error":"server_error"}' } }
    const failing = await fresh().authenticate(bearer(fc.issueToken()))
    expect(failing).toMatchObject({ ok: false, status: 503 })
  })

  it('500 when FranceConnect refuses our credentials or its answer fails verification', async () => {
    const refused = await fresh({ clientSecret: 'y'.repeat(64) }).authenticate(bearer(fc.issueToken()))
    expect(refused).toMatchObject({ ok: false, status: 500, body: { error: 'server_error' } })
    if (!refused.ok) expect(refused.cause).toMatchObject({ code: 'checktoken_error', providerCode: 'invalid_client' })
    fc.behaviour.signWith = fc.impostorKey
    const forged = await fresh().authenticate(bearer(fc.issueToken()))
    expect(forged).toMatchObject({ ok: false, status: 500 })
    if (!forged.ok) expect(forged.cause?.code).toBe('checktoken_signature')
  })

  it('the one-shot authenticate works the same', async () => {
    const ok = await authenticate(bearer(fc.issueToken()), { ...options, scopes: ['dgfip_nbpart'] })
    expect(ok.ok).toBe(true)
    const missing = await authenticate({ headers: {} }, { ...options, realm: 'x' })
    expect(missing).toMatchObject({ status: 401, headers: { 'www-authenticate': 'Bearer realm="x"' } })
    await expect(authenticate({ headers: {} }, { ...options, realm: 'a"b' })).rejects.toMatchObject({
      code: 'configuration_invalid',
    })
  })

  it('the one-shot authenticate for v1', async () => {
    const auth = await authenticate(bearer(fc.issueV1Token()), { version: 'v1', issuer: fc.v1Issuer, scopes: ['dgfip_rfr'] })
    expect(auth.ok).toBe(true)
    if (auth.ok) expect(auth.token.version).toBe('v1')
  })
})

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
