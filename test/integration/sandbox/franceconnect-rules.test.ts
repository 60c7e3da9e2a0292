/**
 * The mock FranceConnect refuses what the real cores (france-connect/sources, core-fcp-low and
 * core-fcp-high) refuse, with the same error, and answers what they answer. Plain HTTP on loopback:
 * authorization URLs built by hand, codes exchanged with fetch. docs/against-the-real-franceconnect.md
 * lists each rule with its source file.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { compactDecrypt, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, type JWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockFranceConnect, startSandbox, type Sandbox, type StartedOp } from '../../../src/testing/index.js'
import { authorizationUrl, codeOf, exchangeCode, pageErrorCode, random, visit } from './plain-http.js'

const fcParams = (target: { clientId: string; redirectUri: string }, extra: Record<string, string> = {}) => ({
  client_id: target.clientId,
  response_type: 'code',
  redirect_uri: target.redirectUri,
  scope: 'openid given_name',
  acr_values: 'eidas1',
  nonce: random(),
  state: random(),
  ...extra,
})

describe('FranceConnect v2: the authorize, logout and revocation DTOs', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ scopes: ['openid', 'given_name', 'family_name', 'cnous_statut_boursier'] })
  })
  afterAll(() => sandbox?.close())

  it('redirects a scope outside the registered list with error=invalid_scope, state and iss', async () => {
    const state = random()
    const { status, location } = await visit(
      authorizationUrl(sandbox.endpoints.authorization, fcParams(sandbox, { scope: 'openid given_name email', state })),
    )
    expect(status).toBe(303)
    expect(location?.origin + location!.pathname).toBe(sandbox.redirectUri)
    expect(location?.searchParams.get('error')).toBe('invalid_scope')
    expect(location?.searchParams.get('state')).toBe(state)
    expect(location?.searchParams.get('iss')).toBe(sandbox.issuer)
    expect(sandbox.registeredScopes).toEqual(['openid', 'given_name', 'family_name', 'cnous_statut_boursier'])
  })

  it('signs in when every scope asked is registered', async () => {
    const callback = await sandbox.signIn(
      authorizationUrl(sandbox.endpoints.authorization, fcParams(sandbox, { scope: 'openid family_name cnous_statut_boursier' })),
    )
    expect(new URL(callback).searchParams.get('code')).toBeTruthy()
  })

  it.each([
    ['without acr_values', { acr_values: undefined }],
    ['with a 21-character nonce', { nonce: 'n'.repeat(21) }],
    ['with PKCE', { code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }],
    ['with response_mode', { response_mode: 'query' }],
    ['with prompt=none', { prompt: 'none' }],
  ])('answers an authorization request %s with the page Y030007', async (_name, change) => {
    const params: Record<string, string> = fcParams(sandbox)
    for (const [name, value] of Object.entries(change)) {
      if (value === undefined) delete params[name]
      else params[name] = value
    }
    const { status, body } = await visit(authorizationUrl(sandbox.endpoints.authorization, params))
    expect(status).toBe(400)
    expect(pageErrorCode(body)).toBe('Y030007')
  })

  it('accepts a 22-character nonce', async () => {
    const callback = await sandbox.signIn(
      authorizationUrl(sandbox.endpoints.authorization, fcParams(sandbox, { nonce: 'n'.repeat(22) })),
    )
    expect(new URL(callback).searchParams.get('code')).toBeTruthy()
  })

  it('refuses a logout without id_token_hint, or with a parameter outside the DTO', async () => {
    const bare = await visit(`${sandbox.endpoints.endSession}?state=${random()}`)
    expect(bare.status).toBe(400)
    expect(bare.body).toContain('id_token_hint should not be empty')

    const { body: tokens } = await exchangeCode(
      sandbox.endpoints.token,
      sandbox,
      codeOf(await sandbox.signIn(authorizationUrl(sandbox.endpoints.authorization, fcParams(sandbox)))),
    )
    const idTokenHint = tokens.id_token as string
    const extra = await visit(`${sandbox.endpoints.endSession}?id_token_hint=${idTokenHint}&prompt=none`)
    expect(extra.status).toBe(400)
    expect(extra.body).toContain('property prompt should not exist')

    const back = await sandbox.signOut(
      `${sandbox.endpoints.endSession}?${new URLSearchParams({ id_token_hint: idTokenHint, state: 'bye', post_logout_redirect_uri: sandbox.postLogoutRedirectUri })}`,
    )
    expect(new URL(back).searchParams.get('state')).toBe('bye')
  })

  it('refuses a revocation body other than exactly token (≥ 43), client_id and client_secret', async () => {
    const { body: tokens } = await exchangeCode(
      sandbox.endpoints.token,
      sandbox,
      codeOf(await sandbox.signIn(authorizationUrl(sandbox.endpoints.authorization, fcParams(sandbox)))),
    )
    const revoke = (fields: Record<string, string>) =>
      fetch(sandbox.endpoints.revocation!, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      })
    const credentials = { client_id: sandbox.clientId, client_secret: sandbox.clientSecret }
    const withHint = await revoke({ token: tokens.access_token as string, token_type_hint: 'access_token', ...credentials })
    expect([withHint.status, ((await withHint.json()) as { error: string }).error]).toEqual([400, 'invalid_request'])
    // oidc-provider alone answers 200 to an unknown token (RFC 7009); the core's DTO wants 43 characters
    const short = await revoke({ token: 'abc', ...credentials })
    expect([short.status, ((await short.json()) as { error: string }).error]).toEqual([400, 'invalid_request'])
    const exact = await revoke({ token: tokens.access_token as string, ...credentials })
    expect(exact.status).toBe(200)
  })
})

describe('FranceConnect v2: what a grant releases', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox?.close())

  const idTokenFor = async (params: Record<string, string>) => {
    const callback = await sandbox.signIn(authorizationUrl(sandbox.endpoints.authorization, fcParams(sandbox, params)))
    const { body } = await exchangeCode(sandbox.endpoints.token, sandbox, codeOf(callback))
    return decodeJwt(body.id_token as string)
  }

  it('grants no identity claim through the claims parameter: only the scopes release them', async () => {
    const idToken = await idTokenFor({
      scope: 'openid',
      claims: JSON.stringify({ id_token: { given_name: { essential: true }, family_name: null } }),
    })
    expect(idToken).not.toHaveProperty('given_name')
    expect(idToken).not.toHaveProperty('family_name')
  })

  it('puts amr in the ID token only when the claims parameter asks it', async () => {
    expect(await idTokenFor({})).not.toHaveProperty('amr')
    const asked = await idTokenFor({ claims: JSON.stringify({ id_token: { amr: { essential: true } } }) })
    expect(asked.amr).toEqual(['fc', 'pwd'])
  })
})

/** A loopback server for one JWKS, counting its requests. */
async function serveJwks(jwks: { keys: JWK[] }): Promise<{ uri: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0
  const server: Server = createServer((_req, res) => {
    hits += 1
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(jwks))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    uri: `http://127.0.0.1:${port}/jwks`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function encryptionKey(alg: 'ECDH-ES' | 'RSA-OAEP-256', kid: string) {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'ECDH-ES' ? { crv: 'P-256' } : {}),
  })
  return { publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'enc' }, privateKey }
}

describe('checktoken: jti, acr, and the data provider key read at its jwks_uri', () => {
  const dataProvider = { clientId: 'd'.repeat(32), clientSecret: 's'.repeat(32) }
  let op: StartedOp
  let jwks: Awaited<ReturnType<typeof serveJwks>>
  let privateKey: CryptoKey
  beforeAll(async () => {
    const key = await encryptionKey('ECDH-ES', 'dp-enc-1')
    privateKey = key.privateKey
    jwks = await serveJwks({ keys: [key.publicJwk] })
    op = await startMockFranceConnect({
      variant: 'fcplus',
      clientEncryptionJwks: { keys: [(await encryptionKey('ECDH-ES', 'sp-enc-1')).publicJwk] },
      dataProviders: [{ ...dataProvider, scopes: ['cnous_statut_boursier'], jwksUri: jwks.uri }],
    })
  })
  afterAll(async () => {
    await op?.close()
    await jwks?.close()
  })

  const introspect = async (accessToken: string) => {
    const response = await fetch(op.endpoints.checktoken!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: accessToken,
        client_id: dataProvider.clientId,
        client_secret: dataProvider.clientSecret,
      }),
    })
    expect(response.headers.get('content-type')).toBe('application/token-introspection+jwt')
    const jwe = await response.text()
    const header = decodeProtectedHeader(jwe)
    const { plaintext } = await compactDecrypt(jwe, privateKey)
    return { header, payload: decodeJwt(new TextDecoder().decode(plaintext)) }
  }

  const signInAt = async (acrValues: string, idpAcr: string | undefined) => {
    const callback = await op.authorize(
      authorizationUrl(
        op.endpoints.authorization,
        fcParams(op, { scope: 'openid given_name cnous_statut_boursier', acr_values: acrValues }),
      ),
      idpAcr ? { acr: idpAcr } : {},
    )
    const { body } = await exchangeCode(op.endpoints.token, op, codeOf(callback))
    return body.access_token as string
  }

  it('encrypts to the key read at jwks_uri, without kid, and reports jti = the access token', async () => {
    const accessToken = await signInAt('eidas2', undefined)
    const before = jwks.hits()
    const { header, payload } = await introspect(accessToken)
    expect(jwks.hits()).toBeGreaterThan(before)
    expect(Object.keys(header).sort()).toEqual(['alg', 'enc', 'epk'])
    const introspection = payload.token_introspection as Record<string, unknown>
    expect(introspection.active).toBe(true)
    expect(introspection.jti).toBe(accessToken)
    expect(introspection.scope).toBe('cnous_statut_boursier')
  })

  it('reports the level the service asked, not the one the identity provider answered', async () => {
    const { payload } = await introspect(await signInAt('eidas2', 'eidas3'))
    expect((payload.token_introspection as { acr: string }).acr).toBe('eidas2')
  })

  it('reports the lowest known level of acr_values (the core rewrites it)', async () => {
    const { payload } = await introspect(await signInAt('eidas3 eidas2', undefined))
    expect((payload.token_introspection as { acr: string }).acr).toBe('eidas2')
  })
})

describe('FranceConnect+: claims, and the service key read at its jwks_uri', () => {
  let op: StartedOp
  let jwks: Awaited<ReturnType<typeof serveJwks>>
  let privateKey: CryptoKey
  beforeAll(async () => {
    const key = await encryptionKey('RSA-OAEP-256', 'sp-enc-remote')
    privateKey = key.privateKey
    jwks = await serveJwks({ keys: [key.publicJwk] })
    op = await startMockFranceConnect({ variant: 'fcplus', clientEncryptionJwksUri: jwks.uri })
  })
  afterAll(async () => {
    await op?.close()
    await jwks?.close()
  })

  it('encrypts the userinfo to the key of the jwks_uri and releases the rnipp twins, never given_name_array', async () => {
    const callback = await op.authorize(
      authorizationUrl(
        op.endpoints.authorization,
        fcParams(op, { scope: 'openid given_name rnipp_given_name rnipp_birthdate', acr_values: 'eidas2' }),
      ),
    )
    const { body } = await exchangeCode(op.endpoints.token, op, codeOf(callback))
    const userinfo = await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${body.access_token as string}` } })
    const jwe = await userinfo.text()
    expect(decodeProtectedHeader(jwe)).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'sp-enc-remote' })
    const claims = decodeJwt(new TextDecoder().decode((await compactDecrypt(jwe, privateKey)).plaintext))
    expect(claims).toMatchObject({
      given_name: 'Angela Claire Louise',
      rnipp_given_name: 'Angela Claire Louise',
      rnipp_given_name_array: ['Angela', 'Claire', 'Louise'],
      rnipp_birthdate: '1962-08-24',
    })
    expect(claims).not.toHaveProperty('given_name_array')
    expect(jwks.hits()).toBeGreaterThan(0)
  })
})
