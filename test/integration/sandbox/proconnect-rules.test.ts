/**
 * The ProConnect variant against the real core's rules (proconnect-gouv/federation, core-fca-low):
 * issuer and discovery layout, exact matching of the essential acr values, optional nonce, PKCE,
 * refresh tokens, one-hour access tokens, `phone` → `phone_number`, JSON or JWT userinfo. Plain HTTP.
 */
import { createHash } from 'node:crypto'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type ProConnectSandbox } from '../../../src/testing/index.js'
import { authorizationUrl, codeOf, exchangeCode, random } from './plain-http.js'

const acrClaims = (values: string[]) => JSON.stringify({ id_token: { acr: { essential: true, values } } })

describe('ProConnect sandbox', () => {
  let sandbox: ProConnectSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ variant: 'proconnect' })
  })
  afterAll(() => sandbox?.close())

  const params = (extra: Record<string, string> = {}) => ({
    client_id: sandbox.clientId,
    response_type: 'code',
    redirect_uri: sandbox.redirectUri,
    scope:
      'openid given_name usual_name email uid siret siren phone organizational_unit belonging_population idp_id idp_acr custom',
    state: random(),
    nonce: random(),
    ...extra,
  })

  it('publishes the core-fca layout: issuer under /api/v2, public subjects, its acr levels', async () => {
    expect(sandbox.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/)
    const discovery = (await (await fetch(`${sandbox.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >
    expect(discovery.issuer).toBe(sandbox.issuer)
    expect(discovery.subject_types_supported).toEqual(['public'])
    expect(discovery.acr_values_supported).toEqual([
      'eidas0',
      'eidas0-mfa',
      'eidas1',
      'eidas1-mfa',
      'eidas2',
      'eidas3',
      'https://proconnect.gouv.fr/assurance/certification-dirigeant',
    ])
    expect(discovery.grant_types_supported).toContain('refresh_token')
  })

  it('ends in access_denied when the identity provider authenticates at a level outside the values asked', async () => {
    const state = random()
    const callback = new URL(
      await sandbox.signIn(authorizationUrl(sandbox.endpoints.authorization, params({ state, claims: acrClaims(['eidas1']) })), {
        acr: 'eidas2',
      }),
    )
    expect(callback.searchParams.get('error')).toBe('access_denied')
    expect(callback.searchParams.get('error_description')).toBe('requested ACRs could not be satisfied')
    expect(callback.searchParams.get('state')).toBe(state)
    expect(callback.searchParams.get('iss')).toBe(sandbox.issuer)
  })

  it('signs in at a level among those asked, with a refresh token and a one-hour access token, and the agent claims', async () => {
    const callback = await sandbox.signIn(
      authorizationUrl(sandbox.endpoints.authorization, params({ claims: acrClaims(['eidas1-mfa', 'eidas2', 'eidas3']) })),
      { acr: 'eidas2', identity: 'paul-moreau' },
    )
    const { status, body } = await exchangeCode(sandbox.endpoints.token, sandbox, codeOf(callback))
    expect(status).toBe(200)
    expect(body.expires_in).toBe(3600)
    expect(body.refresh_token).toEqual(expect.any(String))
    const idToken = decodeJwt(body.id_token as string)
    expect(idToken.acr).toBe('eidas2')
    expect(idToken.sub).toBe('paul-moreau')

    const userinfo = await fetch(sandbox.endpoints.userinfo, {
      headers: { authorization: `Bearer ${body.access_token as string}` },
    })
    expect(userinfo.headers.get('content-type')).toMatch(/^application\/jwt/)
    const claims = decodeJwt(await userinfo.text())
    expect(claims).toMatchObject({
      given_name: 'Paul',
      usual_name: 'MOREAU',
      siret: '33189457200014',
      siren: '331894572',
      phone_number: '0123456789',
      organizational_unit: 'Service de l’état civil',
      belonging_population: 'agent',
      idp_id: 'agents-territoriaux',
      idp_acr: 'eidas1-mfa',
      custom: { matricule: 'T-4521' },
    })
    expect(claims).not.toHaveProperty('phone')

    const refreshed = await fetch(sandbox.endpoints.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: body.refresh_token as string,
        client_id: sandbox.clientId,
        client_secret: sandbox.clientSecret,
      }),
    })
    expect(refreshed.status).toBe(200)
    expect(((await refreshed.json()) as { access_token: string }).access_token).not.toBe(body.access_token)
  })

  it('takes any level when none is essential, and eidas0 too', async () => {
    const callback = await sandbox.signIn(authorizationUrl(sandbox.endpoints.authorization, params()), { acr: 'eidas0' })
    const { body } = await exchangeCode(sandbox.endpoints.token, sandbox, codeOf(callback))
    expect(decodeJwt(body.id_token as string).acr).toBe('eidas0')
  })

  it('accepts a request without nonce, and PKCE, whose verifier it checks', async () => {
    const verifier = random(32)
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' }
    const withoutNonce = params(pkce)
    delete (withoutNonce as Record<string, string>).nonce
    const code = codeOf(await sandbox.signIn(authorizationUrl(sandbox.endpoints.authorization, withoutNonce)))
    const wrong = await exchangeCode(sandbox.endpoints.token, sandbox, code, { code_verifier: random(32) })
    expect(wrong.body.error).toBe('invalid_grant')
    const code2 = codeOf(await sandbox.signIn(authorizationUrl(sandbox.endpoints.authorization, params(pkce))))
    const right = await exchangeCode(sandbox.endpoints.token, sandbox, code2, { code_verifier: verifier })
    expect(right.status).toBe(200)
  })
})

describe('ProConnect sandbox, a service registered without userinfo_signed_response_alg', () => {
  let sandbox: ProConnectSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ variant: 'proconnect', userinfo: 'json' })
  })
  afterAll(() => sandbox?.close())

  it('answers userinfo as plain JSON', async () => {
    const callback = await sandbox.signIn(
      authorizationUrl(sandbox.endpoints.authorization, {
        client_id: sandbox.clientId,
        response_type: 'code',
        redirect_uri: sandbox.redirectUri,
        scope: 'openid given_name email',
        state: random(),
      }),
    )
    const { body } = await exchangeCode(sandbox.endpoints.token, sandbox, codeOf(callback))
    const userinfo = await fetch(sandbox.endpoints.userinfo, {
      headers: { authorization: `Bearer ${body.access_token as string}` },
    })
    expect(userinfo.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await userinfo.json()).toEqual({ sub: 'marie-lambert', given_name: 'Marie', email: 'marie.lambert@agents.example.fr' })
  })
})

describe('stable credentials', () => {
  it('derives the same client and data credentials from the same seed, others from another', async () => {
    const first = await startSandbox({ seed: 'my-laptop' })
    const firstValues = [first.clientId, first.clientSecret, first.credentials.cnam.apiKey, first.dataProvider.clientId]
    await first.close()
    const again = await startSandbox({ seed: 'my-laptop' })
    expect([again.clientId, again.clientSecret, again.credentials.cnam.apiKey, again.dataProvider.clientId]).toEqual(firstValues)
    await again.close()
    const other = await startSandbox({ seed: 'another' })
    expect(other.clientId).not.toBe(firstValues[0])
    expect(other.clientSecret).not.toBe(firstValues[1])
    await other.close()
  })

  it('registers the client id and secret it is given', async () => {
    const sandbox = await startSandbox({ clientId: 'my-app', clientSecret: 'x'.repeat(40), seed: 'ignored-for-these' })
    expect([sandbox.clientId, sandbox.clientSecret]).toEqual(['my-app', 'x'.repeat(40)])
    await sandbox.close()
  })
})
