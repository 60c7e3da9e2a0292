/**
 * Smoke test of the loopback test OpenID Provider (test/support/oidc-op.ts), written with plain
 * fetch + jose only (not the SDK client). Section numbers refer to franceconnect-protocol.md.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import {
  calculateJwkThumbprint,
  compactDecrypt,
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OpHttpError, startOidcOp, type OpVariant, type StartedOp, type StartOpOptions } from '../support/oidc-op.js'

const random = (bytes = 32) => randomBytes(bytes).toString('base64url')

interface Discovery {
  issuer: string
  authorization_endpoint: string
  token_endpoint: string
  userinfo_endpoint: string
  jwks_uri: string
  end_session_endpoint: string
  revocation_endpoint?: string
  authorization_response_iss_parameter_supported?: boolean
  [key: string]: unknown
}

async function discover(op: StartedOp): Promise<Discovery> {
  const response = await fetch(`${op.issuer}/.well-known/openid-configuration`)
  expect(response.status).toBe(200)
  return (await response.json()) as Discovery
}

function authorizationUrl(endpoint: string, params: Record<string, string | undefined>): string {
  const url = new URL(endpoint)
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value)
  return url.href
}

function form(body: Record<string, string | undefined>): RequestInit {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(body)) if (value !== undefined) params.set(key, value)
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() }
}

function basicAuth(op: StartedOp): Record<string, string> {
  const encode = (value: string) => encodeURIComponent(value)
  return { authorization: `Basic ${Buffer.from(`${encode(op.clientId)}:${encode(op.clientSecret)}`).toString('base64')}` }
}

async function tokenRequest(
  op: StartedOp,
  endpoint: string,
  code: string,
  extra: Record<string, string> = {},
  basic = false,
): Promise<Response> {
  const init = form({
    grant_type: 'authorization_code',
    code,
    redirect_uri: op.redirectUri,
    ...(basic ? {} : { client_id: op.clientId, client_secret: op.clientSecret }),
    ...extra,
  })
  if (basic) init.headers = { ...(init.headers as Record<string, string>), ...basicAuth(op) }
  return fetch(endpoint, init)
}

interface RpKeys {
  publicJwks: { keys: JWK[] }
  privateKeys: Map<string, CryptoKey>
}

/** The relying party's encryption keys for FC+ (§3.2), generated like an RP would. */
async function rpEncryptionKeys(alg: 'ECDH-ES' | 'RSA-OAEP-256'): Promise<RpKeys> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true })
  const pub = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(pub)
  return { publicJwks: { keys: [{ ...pub, kid, alg, use: 'enc' }] }, privateKeys: new Map([[kid, privateKey]]) }
}

async function decryptNested(jwe: string, keys: RpKeys, expectedAlg: string): Promise<string> {
  const header = decodeProtectedHeader(jwe)
  expect(header).toMatchObject({ alg: expectedAlg, enc: 'A256GCM', cty: 'JWT' })
  // §3.2: alg, enc, cty, kid (the SP key), iss, aud, + epk for ECDH-ES
  expect(Object.keys(header).sort()).toEqual([
    'alg',
    'aud',
    'cty',
    'enc',
    ...(expectedAlg === 'ECDH-ES' ? ['epk'] : []),
    'iss',
    'kid',
  ])
  const key = keys.privateKeys.get(String(header.kid))
  expect(key).toBeDefined()
  const { plaintext } = await compactDecrypt(jwe, key as CryptoKey, {
    keyManagementAlgorithms: [expectedAlg],
    contentEncryptionAlgorithms: ['A256GCM'],
  })
  return new TextDecoder().decode(plaintext)
}

interface Scenario {
  variant: OpVariant
  options?: Partial<StartOpOptions>
  scope: string
  acrValues?: string
  expectedAcr: string | undefined
  amr?: string[]
  idTokenAlg: 'ES256' | 'RS256' | 'HS256'
  userinfo: 'jws' | 'jwe' | 'json'
  encryptionAlg?: 'ECDH-ES' | 'RSA-OAEP-256'
  basicAuth?: boolean
  pkce?: boolean
  revocation: boolean
  expectedClaims: Record<string, unknown>
  absentClaims?: string[]
}

const angela = {
  given_name: 'Angela Claire Louise',
  family_name: 'DUBOIS',
  gender: 'female',
  birthdate: '1962-08-24',
  birthplace: '75107',
  birthcountry: '99100',
  email: 'wossewodda-3728@yopmail.com',
}

const scenarios: Scenario[] = [
  {
    variant: 'v2',
    scope: 'openid identite_pivot email dgfip_rfr cnaf_quotient_familial',
    acrValues: 'eidas1',
    expectedAcr: 'eidas1',
    amr: ['fc', 'pwd'],
    idTokenAlg: 'ES256',
    userinfo: 'jws',
    revocation: true,
    expectedClaims: { ...angela, given_name_array: ['Angela', 'Claire', 'Louise'] },
    absentClaims: ['preferred_username', 'idp_id', 'acr'],
  },
  {
    variant: 'v2',
    options: { signingAlg: 'RS256' },
    scope: 'openid given_name family_name',
    acrValues: 'eidas1',
    expectedAcr: 'eidas1',
    idTokenAlg: 'RS256',
    userinfo: 'jws',
    revocation: true,
    expectedClaims: { given_name: angela.given_name, given_name_array: ['Angela', 'Claire', 'Louise'], family_name: 'DUBOIS' },
    absentClaims: ['email', 'birthdate'],
  },
  {
    variant: 'fcplus',
    scope: 'openid identite_pivot email',
    acrValues: 'eidas3 eidas2', // §4: the lowest known value wins
    expectedAcr: 'eidas2',
    amr: ['fc', 'pop', 'mfa', 'pin'],
    idTokenAlg: 'ES256',
    userinfo: 'jwe',
    encryptionAlg: 'ECDH-ES',
    revocation: true,
    expectedClaims: angela,
    absentClaims: ['given_name_array'],
  },
  {
    variant: 'fcplus',
    scope: 'openid given_name',
    acrValues: 'eidas3',
    expectedAcr: 'eidas3',
    idTokenAlg: 'ES256',
    userinfo: 'jwe',
    encryptionAlg: 'RSA-OAEP-256',
    revocation: true,
    expectedClaims: { given_name: angela.given_name },
    absentClaims: ['family_name'],
  },
  {
    variant: 'v1',
    scope: 'openid profile birth email',
    acrValues: 'eidas1',
    expectedAcr: 'eidas1',
    idTokenAlg: 'HS256',
    userinfo: 'json',
    revocation: false,
    expectedClaims: { ...angela, preferred_username: '' },
    absentClaims: ['given_name_array'],
  },
  {
    variant: 'proconnect',
    scope: 'openid given_name usual_name email uid siret siren organizational_unit idp_id phone',
    expectedAcr: 'eidas1',
    idTokenAlg: 'RS256',
    userinfo: 'jws',
    revocation: true,
    // core-fca-low: scope phone releases phone_number; the first agent of the login page
    expectedClaims: {
      given_name: 'Marie',
      usual_name: 'LAMBERT',
      email: 'marie.lambert@agents.example.fr',
      uid: 'c0a8f3e2-5b1d-4c7e-9a2f-1d3e5f7a9b01',
      siret: '13002526500013',
      siren: '130025265',
      organizational_unit: 'Direction interministérielle du numérique',
      idp_id: 'proconnect-identite',
      phone_number: '0140000000',
    },
    absentClaims: ['family_name', 'birthdate'],
  },
  {
    variant: 'generic',
    scope: 'openid profile email',
    expectedAcr: undefined,
    idTokenAlg: 'RS256',
    userinfo: 'json',
    basicAuth: true,
    pkce: true,
    revocation: true,
    expectedClaims: { given_name: angela.given_name, family_name: 'DUBOIS', email: angela.email },
    absentClaims: ['birthplace'],
  },
]

describe.each(scenarios)('test OP $variant ($idTokenAlg, userinfo $userinfo)', (scenario) => {
  let op: StartedOp
  let rpKeys: RpKeys | undefined

  beforeAll(async () => {
    rpKeys = scenario.encryptionAlg ? await rpEncryptionKeys(scenario.encryptionAlg) : undefined
    op = await startOidcOp({
      variant: scenario.variant,
      ...scenario.options,
      ...(rpKeys ? { clientEncryptionJwks: rpKeys.publicJwks } : {}),
    })
  })
  afterAll(async () => {
    await op?.close()
  })

  it('runs authorize, token, ID token, userinfo, revocation and logout', async () => {
    const hasDiscovery = scenario.variant !== 'v1'
    const discovery = hasDiscovery ? await discover(op) : undefined
    if (discovery) {
      expect(discovery.issuer).toBe(op.issuer)
      expect(discovery.authorization_endpoint).toBe(op.endpoints.authorization)
      expect(discovery.token_endpoint).toBe(op.endpoints.token)
      expect(discovery.userinfo_endpoint).toBe(op.endpoints.userinfo)
      expect(discovery.end_session_endpoint).toBe(op.endpoints.endSession)
      expect(discovery.jwks_uri).toBe(op.endpoints.jwks)
      expect(discovery.authorization_response_iss_parameter_supported).toBe(true)
    } else {
      // §2.2: v1 has no discovery document
      expect((await fetch(`${op.origin}/.well-known/openid-configuration`)).status).toBe(404)
    }
    if (scenario.variant === 'v2' || scenario.variant === 'fcplus' || scenario.variant === 'proconnect') {
      expect(op.issuer).toBe(`${op.origin}/api/v2`)
      expect(op.endpoints.endSession).toBe(`${op.issuer}/session/end`)
    }

    const state = random()
    const nonce = random()
    const codeVerifier = random()
    const wantsAmr = scenario.amr !== undefined
    const url = authorizationUrl(op.endpoints.authorization, {
      client_id: op.clientId,
      response_type: 'code',
      redirect_uri: op.redirectUri,
      scope: scenario.scope,
      acr_values: scenario.acrValues,
      nonce,
      state,
      ...(wantsAmr ? { claims: JSON.stringify({ id_token: { amr: { essential: true } } }) } : {}),
      ...(scenario.pkce
        ? { code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'), code_challenge_method: 'S256' }
        : {}),
    })

    const callback = new URL(await op.authorize(url))
    expect(`${callback.origin}${callback.pathname}`).toBe(op.redirectUri)
    expect(callback.searchParams.get('state')).toBe(state)
    expect(callback.searchParams.get('iss')).toBe(op.issuer) // RFC 9207, §5
    const code = callback.searchParams.get('code')
    expect(code).toBeTruthy()

    const tokenResponse = await tokenRequest(
      op,
      op.endpoints.token,
      code as string,
      scenario.pkce ? { code_verifier: codeVerifier } : {},
      scenario.basicAuth,
    )
    expect(tokenResponse.status).toBe(200)
    const tokens = (await tokenResponse.json()) as Record<string, unknown>
    if (scenario.variant !== 'generic') {
      // §6: exactly 5 properties
      // ProConnect issues refresh tokens (core-fca-low issueRefreshToken)
      const refresh = scenario.variant === 'proconnect' ? ['refresh_token'] : []
      expect(Object.keys(tokens).sort()).toEqual(
        ['access_token', 'expires_in', 'id_token', ...refresh, 'scope', 'token_type'].sort(),
      )
      // ProConnect leaves the access token at oidc-provider's default hour
      expect(tokens.expires_in).toBe(scenario.variant === 'proconnect' ? 3600 : 60)
    }
    expect(tokens.token_type).toBe('Bearer')
    expect(String(tokens.scope).split(' ').sort()).toEqual(scenario.scope.split(' ').sort())

    // --- ID token
    const jwks = op.jwks.keys.length ? createLocalJWKSet(op.jwks as { keys: JWK[] }) : undefined
    if (discovery) {
      const served = (await (await fetch(discovery.jwks_uri)).json()) as { keys: JWK[] }
      expect(served.keys.map((key) => key.kid).sort()).toEqual(op.jwks.keys.map((key) => (key as JWK).kid).sort())
      expect(served.keys.every((key) => !('d' in key))).toBe(true)
    }
    const verify = async (jws: string): Promise<JWTPayload> => {
      const header = decodeProtectedHeader(jws)
      expect(header.alg).toBe(scenario.idTokenAlg)
      const options = { issuer: op.issuer, audience: op.clientId, algorithms: [scenario.idTokenAlg] }
      if (scenario.idTokenAlg === 'HS256') {
        return (await jwtVerify(jws, new TextEncoder().encode(op.clientSecret), options)).payload
      }
      expect(Object.keys(header).sort()).toEqual(['alg', 'kid']) // §3.1
      return (await jwtVerify(jws, jwks as ReturnType<typeof createLocalJWKSet>, options)).payload
    }
    let idTokenJws = String(tokens.id_token)
    if (scenario.userinfo === 'jwe') {
      expect(idTokenJws.split('.')).toHaveLength(5)
      idTokenJws = await decryptNested(idTokenJws, rpKeys as RpKeys, scenario.encryptionAlg as string)
    }
    const idToken = await verify(idTokenJws)
    expect(idToken.nonce).toBe(nonce)
    expect(idToken.sub).toBe(op.identities[0]?.sub)
    // pairwise on FranceConnect; public (the account's) on ProConnect
    if (scenario.variant !== 'proconnect') expect(idToken.sub).toMatch(/^[0-9a-f]{64}v1$/)
    expect(idToken.acr).toBe(scenario.expectedAcr)
    if (scenario.variant !== 'generic') {
      // §7.1: iss aud sub exp iat nonce acr auth_time (+ amr when requested)
      const expected = ['acr', 'aud', 'auth_time', 'exp', 'iat', 'iss', 'nonce', 'sub', ...(wantsAmr ? ['amr'] : [])].sort()
      expect(Object.keys(idToken).sort()).toEqual(expected)
      expect((idToken.exp as number) - (idToken.iat as number)).toBe(scenario.variant === 'proconnect' ? 3600 : 60)
    }
    if (wantsAmr) expect(idToken.amr).toEqual(scenario.amr)

    // --- userinfo
    const userinfoResponse = await fetch(op.endpoints.userinfo, {
      headers: { authorization: `Bearer ${String(tokens.access_token)}` },
    })
    expect(userinfoResponse.status).toBe(200)
    let userinfo: Record<string, unknown>
    if (scenario.userinfo === 'json') {
      expect(userinfoResponse.headers.get('content-type')).toMatch(/^application\/json/)
      userinfo = (await userinfoResponse.json()) as Record<string, unknown>
    } else {
      expect(userinfoResponse.headers.get('content-type')).toMatch(/^application\/jwt/)
      let body = await userinfoResponse.text()
      if (scenario.userinfo === 'jwe') body = await decryptNested(body, rpKeys as RpKeys, scenario.encryptionAlg as string)
      userinfo = await verify(body)
    }
    expect(userinfo.sub).toBe(idToken.sub)
    expect(userinfo).toMatchObject(scenario.expectedClaims)
    for (const claim of scenario.absentClaims ?? []) expect(userinfo).not.toHaveProperty(claim)

    // --- revocation (§11: client_secret_post, body exactly token, client_id, client_secret)
    if (scenario.revocation) {
      const revokeInit = scenario.basicAuth
        ? {
            ...form({ token: String(tokens.access_token) }),
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...basicAuth(op) },
          }
        : form({ token: String(tokens.access_token), client_id: op.clientId, client_secret: op.clientSecret })
      const revoked = await fetch(op.endpoints.revocation as string, revokeInit)
      expect(revoked.status).toBe(200)
      const after = await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${String(tokens.access_token)}` } })
      expect(after.status).toBe(401)
      expect(((await after.json()) as { error: string }).error).toBe('invalid_token')
    } else {
      expect(op.endpoints.revocation).toBeUndefined()
    }

    // --- logout (§10)
    const logoutState = random()
    const endSession = authorizationUrl(op.endpoints.endSession, {
      id_token_hint: idTokenJws,
      state: logoutState,
      post_logout_redirect_uri: op.postLogoutRedirectUri,
    })
    expect(await op.logout(endSession)).toBe(`${op.postLogoutRedirectUri}?state=${logoutState}`)

    expect(op.requests).toMatchObject({
      authorize: 1,
      token: 1,
      userinfo: scenario.revocation ? 2 : 1,
      revocation: scenario.revocation ? 1 : 0,
      end_session: 1,
      discovery: 1, // v1: the 404 probe above is counted too
      jwks: hasDiscovery ? 1 : 0,
    })
    expect(op.serverErrors).toEqual([])
  })
})

describe('test OP v2: FranceConnect rules', () => {
  let op: StartedOp
  let params: Record<string, string | undefined>

  beforeAll(async () => {
    op = await startOidcOp({ variant: 'v2' })
  })
  afterAll(async () => {
    await op?.close()
  })

  const base = () => ({
    client_id: op.clientId,
    response_type: 'code',
    redirect_uri: op.redirectUri,
    scope: 'openid identite_pivot',
    acr_values: 'eidas1',
    nonce: random(),
    state: random(),
  })

  async function authorizeError(extra: Record<string, string | undefined>): Promise<OpHttpError> {
    params = { ...base(), ...extra }
    const error = await op.authorize(authorizationUrl(op.endpoints.authorization, params)).then(
      (callback) => new Error(`expected an error page, got a redirect to ${callback}`),
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(OpHttpError)
    return error as OpHttpError
  }

  it('rejects an unknown parameter (PKCE) with the Y030007 page, HTTP 400', async () => {
    const error = await authorizeError({ code_challenge: random(), code_challenge_method: 'S256' })
    expect(error.status).toBe(400)
    expect(error.code).toBe('Y030007')
  })

  it('rejects a missing acr_values, a short nonce, a missing state, prompt=none with Y030007', async () => {
    for (const extra of [{ acr_values: undefined }, { nonce: 'x'.repeat(21) }, { state: undefined }, { prompt: 'none' }]) {
      const error = await authorizeError(extra)
      expect([error.status, error.code]).toEqual([400, 'Y030007'])
    }
  })

  it('answers an unknown client_id with the Y04EA6EF page and an unregistered redirect_uri with Y04C013C', async () => {
    const unknown = await authorizeError({ client_id: 'f'.repeat(64) })
    expect([unknown.status, unknown.code]).toEqual([400, 'Y04EA6EF'])
    const redirect = await authorizeError({ redirect_uri: 'http://127.0.0.1:3000/elsewhere' })
    expect([redirect.status, redirect.code]).toEqual([400, 'Y04C013C'])
  })

  it('redirects eidas2 back with error=invalid_acr, state and iss', async () => {
    const request = { ...base(), acr_values: 'eidas2' }
    const callback = new URL(await op.authorize(authorizationUrl(op.endpoints.authorization, request)))
    expect(callback.searchParams.get('error')).toBe('invalid_acr')
    expect(callback.searchParams.get('error_description')).toBe(
      'acr_value is not valid, should be equal one of these values, expected eidas1, got eidas2',
    )
    expect(callback.searchParams.get('state')).toBe(request.state)
    expect(callback.searchParams.get('iss')).toBe(op.issuer)
  })

  it('treats an unknown acr value as eidas1 and accepts prompt=login consent and the amr claims request', async () => {
    const request = { ...base(), acr_values: 'whatever', prompt: 'login consent' }
    const callback = new URL(await op.authorize(authorizationUrl(op.endpoints.authorization, request)))
    expect(callback.searchParams.get('code')).toBeTruthy()
  })

  it('redirects a cancelled login with error=access_denied', async () => {
    const request = base()
    const callback = new URL(await op.authorize(authorizationUrl(op.endpoints.authorization, request), { cancel: true }))
    expect(callback.searchParams.get('error')).toBe('access_denied')
    expect(callback.searchParams.get('error_description')).toBe('user authentication aborted')
    expect(callback.searchParams.get('state')).toBe(request.state)
    expect(callback.searchParams.get('iss')).toBe(op.issuer)
  })

  it('signs in the chosen identity (born abroad: empty birthplace)', async () => {
    const callback = new URL(await op.authorize(authorizationUrl(op.endpoints.authorization, base()), { identity: 1 }))
    const tokens = (await (await tokenRequest(op, op.endpoints.token, callback.searchParams.get('code') as string)).json()) as {
      access_token: string
    }
    const userinfo = await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${tokens.access_token}` } })
    const { payload } = await jwtVerify(await userinfo.text(), createLocalJWKSet(op.jwks as { keys: JWK[] }), {
      issuer: op.issuer,
      audience: op.clientId,
    })
    expect(payload.sub).toBe(op.identities[1]?.sub)
    expect(payload.birthplace).toBe('')
    expect(payload.birthcountry).toBe('99134')
  })

  it('refuses a post_logout_redirect_uri that is not registered exactly (§10)', async () => {
    const callback = new URL(await op.authorize(authorizationUrl(op.endpoints.authorization, base())))
    const tokens = (await (await tokenRequest(op, op.endpoints.token, callback.searchParams.get('code') as string)).json()) as {
      id_token: string
    }
    const endSession = authorizationUrl(op.endpoints.endSession, {
      id_token_hint: tokens.id_token,
      state: random(),
      post_logout_redirect_uri: `${op.postLogoutRedirectUri}/`,
    })
    const error = await op.logout(endSession).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpHttpError)
    expect((error as OpHttpError).status).toBe(400)
    expect((error as OpHttpError).errorDescription).toBe('post_logout_redirect_uri not registered')
  })

  it('refuses a replayed code with invalid_grant, and a wrong secret with invalid_client', async () => {
    const callback = new URL(await op.authorize(authorizationUrl(op.endpoints.authorization, base())))
    const code = callback.searchParams.get('code') as string
    const badSecret = await fetch(
      op.endpoints.token,
      form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: op.redirectUri,
        client_id: op.clientId,
        client_secret: 'x'.repeat(64),
      }),
    )
    expect(badSecret.status).toBe(401)
    expect(((await badSecret.json()) as { error: string }).error).toBe('invalid_client')
    const first = await tokenRequest(op, op.endpoints.token, code)
    expect(first.status).toBe(200)
    const replay = await tokenRequest(op, op.endpoints.token, code)
    expect(replay.status).toBe(400)
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant')
  })

  it('only accepts client_secret_post at the token endpoint (§3.3)', async () => {
    const callback = new URL(await op.authorize(authorizationUrl(op.endpoints.authorization, base())))
    const response = await tokenRequest(op, op.endpoints.token, callback.searchParams.get('code') as string, {}, true)
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client')
  })

  it('rejects token_type_hint at the revocation endpoint (§11) and POST on userinfo (§2.2)', async () => {
    const revocation = await fetch(
      op.endpoints.revocation as string,
      form({ token: random(), token_type_hint: 'access_token', client_id: op.clientId, client_secret: op.clientSecret }),
    )
    expect(revocation.status).toBe(400)
    expect(((await revocation.json()) as { error: string }).error).toBe('invalid_request')
    expect((await fetch(op.endpoints.userinfo, { method: 'POST' })).status).toBe(404)
  })

  it('counts requests by endpoint', () => {
    expect(op.requests.authorize).toBeGreaterThanOrEqual(10)
    expect(op.requests.token).toBeGreaterThanOrEqual(4)
  })
})

describe('test OP, other variants rules', () => {
  const opened: StartedOp[] = []
  afterAll(async () => {
    await Promise.all(opened.map((op) => op.close()))
  })
  const start = async (options: StartOpOptions) => {
    const op = await startOidcOp(options)
    opened.push(op)
    return op
  }

  it('fcplus: eidas1 gives invalid_acr, an SP key is required', async () => {
    await expect(startOidcOp({ variant: 'fcplus' })).rejects.toThrow(/clientEncryptionJwks/)
    const keys = await rpEncryptionKeys('ECDH-ES')
    const op = await start({ variant: 'fcplus', clientEncryptionJwks: keys.publicJwks })
    const state = random()
    const callback = new URL(
      await op.authorize(
        authorizationUrl(op.endpoints.authorization, {
          client_id: op.clientId,
          response_type: 'code',
          redirect_uri: op.redirectUri,
          scope: 'openid',
          acr_values: 'eidas1',
          nonce: random(),
          state,
        }),
      ),
    )
    expect(callback.searchParams.get('error')).toBe('invalid_acr')
    expect(callback.searchParams.get('error_description')).toContain('expected eidas2,eidas3, got eidas1')
  })

  it('proconnect: a nonce over 512 characters gives Y000400', async () => {
    const op = await start({ variant: 'proconnect' })
    const url = authorizationUrl(op.endpoints.authorization, {
      client_id: op.clientId,
      response_type: 'code',
      redirect_uri: op.redirectUri,
      scope: 'openid',
      nonce: 'n'.repeat(513),
      state: random(),
    })
    const error = await op.authorize(url).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpHttpError)
    expect([(error as OpHttpError).status, (error as OpHttpError).code]).toEqual([400, 'Y000400'])
  })

  it('generic: PKCE is required', async () => {
    const op = await start({ variant: 'generic' })
    const state = random()
    const callback = new URL(
      await op.authorize(
        authorizationUrl(op.endpoints.authorization, {
          client_id: op.clientId,
          response_type: 'code',
          redirect_uri: op.redirectUri,
          scope: 'openid',
          state,
        }),
      ),
    )
    expect(callback.searchParams.get('error')).toBe('invalid_request')
    expect(callback.searchParams.get('state')).toBe(state)
  })

  it('close() frees the port', async () => {
    const op = await startOidcOp({ variant: 'v1' })
    const port = Number(new URL(op.origin).port)
    await op.close()
    await new Promise<void>((resolve, reject) => {
      const probe = createServer()
      probe.once('error', reject)
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
    })
  })
})
