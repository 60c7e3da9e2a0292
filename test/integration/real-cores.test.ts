/**
 * The SDK against what the real cores do (docs/against-the-real-franceconnect.md lists each rule with
 * its source): ProConnect's levels matched exactly, plain JSON userinfo for a ProConnect service
 * registered so, revocation with the client secret whatever the token endpoint's method,
 * `invalid_scope`, ProConnect's claims, FranceConnect+ levels. The provider is the scriptable hostile
 * OP on loopback, playing each core's answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  acceptableAcrValues,
  claimsReleased,
  createClient,
  franceConnect,
  franceConnectPlus,
  isFranceConnectSdkError,
  proConnect,
  proConnectCertificationDirigeant,
  type ClientOptions,
} from '../../src/index.js'
import { statutEtudiantBoursier } from '../../src/apis/statut-etudiant-boursier/index.js'
import { startHostileOp, type HostileOp } from '../adversarial/hostile-op.js'
import { generateKeyPair, exportJWK } from 'jose'

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    expect(isFranceConnectSdkError(error), String(error)).toBe(true)
    return error as never
  }
  throw new Error('expected a rejection')
}

let op: HostileOp
let fcplus: HostileOp
beforeAll(async () => {
  ;[op, fcplus] = await Promise.all([startHostileOp('v2'), startHostileOp('fcplus')])
})
afterAll(() => Promise.all([op.close(), fcplus.close()]))
beforeEach(() => {
  op.reset()
  fcplus.reset()
  op.revocations.length = 0
})

const base = (): Pick<ClientOptions, 'clientId' | 'clientSecret' | 'redirectUri' | 'timeoutMs'> => ({
  clientId: op.clientId,
  clientSecret: op.clientSecret,
  redirectUri: op.redirectUri,
  timeoutMs: 2000,
})

describe('ProConnect levels', () => {
  const proconnect = (options: Partial<ClientOptions> = {}) =>
    createClient({ provider: proConnect({ issuer: op.issuer }), ...base(), ...options })

  it('knows the levels since June 2026, eidas0 included, and what satisfies each minimum', () => {
    const rules = proConnect({ env: 'production' }).acr
    if (!rules) throw new Error('ProConnect has levels')
    expect(rules.levels).toEqual(['eidas0', 'eidas0-mfa', 'eidas1', 'eidas1-mfa', 'eidas2', 'eidas3'])
    expect(acceptableAcrValues(rules, 'eidas0')).toEqual(['eidas0', 'eidas0-mfa', 'eidas1', 'eidas1-mfa', 'eidas2', 'eidas3'])
    expect(acceptableAcrValues(rules, 'eidas1')).toEqual(['eidas1', 'eidas1-mfa', 'eidas2', 'eidas3'])
    // the MFA recipe: ask eidas1-mfa (or eidas0-mfa), and only multi-factor levels satisfy it
    expect(acceptableAcrValues(rules, 'eidas1-mfa')).toEqual(['eidas1-mfa', 'eidas2', 'eidas3'])
    expect(acceptableAcrValues(rules, 'eidas0-mfa')).toEqual(['eidas0-mfa', 'eidas1-mfa', 'eidas2', 'eidas3'])
    expect(acceptableAcrValues(rules, proConnectCertificationDirigeant)).toEqual([proConnectCertificationDirigeant])
    expect(rules.levels).not.toContain('https://proconnect.gouv.fr/assurance/self-asserted-2fa')
  })

  it('asks a minimum as the list of every acceptable value (ProConnect matches it exactly)', async () => {
    const { url } = await proconnect().authorize({ acr: 'eidas1' })
    const claims = JSON.parse(new URL(url).searchParams.get('claims') ?? '{}')
    expect(claims.id_token.acr).toEqual({ essential: true, values: ['eidas1', 'eidas1-mfa', 'eidas2', 'eidas3'] })
    expect(new URL(url).searchParams.has('acr_values')).toBe(false)
  })

  it('asks nothing when the app asks nothing, and takes whatever level comes back', async () => {
    const fc = proconnect()
    const { url, cookie } = await fc.authorize()
    expect(new URL(url).searchParams.get('claims')).toBeNull()
    const session = await fc.callback(op.authorize(url, { acr: 'eidas0' }), { cookie: cookie.value })
    expect(session.acr).toBe('eidas0')
    // even a level ProConnect may add later: nothing was asked, so nothing is refused
    const next = await fc.authorize()
    const later = await fc.callback(op.authorize(next.url, { acr: 'https://proconnect.gouv.fr/assurance/a-new-level' }), {
      cookie: next.cookie.value,
    })
    expect(later.acr).toBe('https://proconnect.gouv.fr/assurance/a-new-level')
  })

  it('accepts a level above the minimum asked, and refuses one below it', async () => {
    const fc = proconnect()
    const above = await fc.authorize({ acr: 'eidas1' })
    await expect(fc.callback(op.authorize(above.url, { acr: 'eidas2' }), { cookie: above.cookie.value })).resolves.toMatchObject({
      acr: 'eidas2',
    })
    const below = await fc.authorize({ acr: 'eidas1' })
    expect((await rejection(fc.callback(op.authorize(below.url, { acr: 'eidas0' }), { cookie: below.cookie.value }))).code).toBe(
      'acr_too_low',
    )
  })

  it('an MFA minimum refuses a single-factor level, even a higher-ranked one', async () => {
    const fc = proconnect()
    const { url, cookie } = await fc.authorize({ acr: 'eidas0-mfa' })
    expect((await rejection(fc.callback(op.authorize(url, { acr: 'eidas1' }), { cookie: cookie.value }))).code).toBe(
      'acr_too_low',
    )
  })

  it("the client's acr is a floor for every sign-in", async () => {
    const fc = proconnect({ acr: 'eidas1-mfa' })
    expect((await rejection(fc.authorize({ acr: 'eidas1' }))).code).toBe('parameter_invalid')
    const { url, cookie } = await fc.authorize()
    const claims = JSON.parse(new URL(url).searchParams.get('claims') ?? '{}')
    expect(claims.id_token.acr.values).toEqual(['eidas1-mfa', 'eidas2', 'eidas3'])
    expect((await rejection(fc.callback(op.authorize(url, { acr: 'eidas1' }), { cookie: cookie.value }))).code).toBe(
      'acr_too_low',
    )
  })
})

describe('FranceConnect+ levels', () => {
  it('eidas3 back for an eidas2 request is accepted (the core may authenticate higher)', async () => {
    const fc = createClient({
      provider: franceConnectPlus({ issuer: fcplus.issuer }),
      clientId: fcplus.clientId,
      clientSecret: fcplus.clientSecret,
      redirectUri: fcplus.redirectUri,
      encryptionKeys: [fcplus.clientKey.privateJwk],
      timeoutMs: 2000,
    })
    const { url, cookie } = await fc.authorize({ acr: 'eidas2' })
    await expect(fc.callback(fcplus.authorize(url, { acr: 'eidas3' }), { cookie: cookie.value })).resolves.toMatchObject({
      acr: 'eidas3',
    })
  })

  it('FranceConnect+ never releases given_name_array; v2 does', () => {
    expect(claimsReleased('identite_pivot', 'franceconnect')).toContain('given_name_array')
    expect(claimsReleased('identite_pivot', 'franceconnect-plus')).not.toContain('given_name_array')
    expect(claimsReleased('profile', 'franceconnect-plus')).not.toContain('given_name_array')
    expect(claimsReleased('rnipp_identite_pivot', 'franceconnect')).toEqual([])
  })
})

describe('ProConnect userinfo', () => {
  const jsonUserinfo = () => {
    op.bend = {
      userinfoAnswer: () => ({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ sub: op.identity.sub, given_name: 'Angela', usual_name: 'DUBOIS', phone_number: null }),
      }),
    }
  }

  it('a service registered without signed userinfo gets plain JSON, accepted with userinfo: json', async () => {
    jsonUserinfo()
    const fc = createClient({ provider: proConnect({ issuer: op.issuer }), ...base(), userinfo: 'json' })
    const { url, cookie } = await fc.authorize()
    const session = await fc.callback(op.authorize(url), { cookie: cookie.value })
    expect(session.claims).toMatchObject({ usual_name: 'DUBOIS', phone_number: null })
  })

  it('an unsigned answer is still refused where signed userinfo is configured (the default)', async () => {
    jsonUserinfo()
    const fc = createClient({ provider: proConnect({ issuer: op.issuer }), ...base() })
    const { url, cookie } = await fc.authorize()
    expect((await rejection(fc.callback(op.authorize(url), { cookie: cookie.value }))).code).toBe('userinfo_not_signed')
  })

  it('FranceConnect cannot be configured for JSON userinfo', () => {
    expect(() => createClient({ provider: franceConnect({ issuer: op.issuer }), ...base(), userinfo: 'json' })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
  })
})

describe('FranceConnect revocation', () => {
  async function signedIn(options: Partial<ClientOptions>) {
    const fc = createClient({ provider: franceConnect({ issuer: op.issuer }), ...base(), ...options })
    const { url, cookie } = await fc.authorize()
    return { fc, session: await fc.callback(op.authorize(url), { cookie: cookie.value }) }
  }

  it('sends exactly token, client_id and client_secret', async () => {
    const { fc, session } = await signedIn({})
    await fc.revoke(session)
    expect([...(op.revocations[0]?.keys() ?? [])].sort()).toEqual(['client_id', 'client_secret', 'token'])
  })

  it('a private_key_jwt client that also has its secret revokes with the secret', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const privateKeyJwt = { key: { ...(await exportJWK(privateKey)), kid: 'k1' }, alg: 'ES256' }
    const fc = createClient({ provider: franceConnect({ issuer: op.issuer }), ...base(), privateKeyJwt })
    await fc.revoke('an-access-token-of-at-least-forty-three-characters-long')
    const form = op.revocations[0]
    expect(form?.get('client_secret')).toBe(op.clientSecret)
    expect(form?.has('client_assertion')).toBe(false)
  })

  it('a client without its secret is refused before any request, saying why', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const privateKeyJwt = { key: { ...(await exportJWK(privateKey)), kid: 'k1' }, alg: 'ES256' }
    const { clientSecret: _secret, ...withoutSecret } = base()
    const fc = createClient({ provider: franceConnect({ issuer: op.issuer }), ...withoutSecret, privateKeyJwt })
    const error = await rejection(fc.revoke('an-access-token'))
    expect(error.code).toBe('configuration_invalid')
    expect(error.message).toContain('client_secret')
    expect(op.revocations).toHaveLength(0)
  })
})

describe('invalid_scope', () => {
  it('becomes scope_not_allowed, naming the data scopes the connectors added', async () => {
    const boursier = statutEtudiantBoursier({ recipient: '13002526500013', baseUrl: 'http://127.0.0.1:9' })
    const fc = createClient({ provider: franceConnect({ issuer: op.issuer }), ...base(), apis: [boursier] })
    const { state, cookie } = await fc.authorize()
    const callback = `${op.redirectUri}?error=invalid_scope&state=${state}&iss=${encodeURIComponent(op.issuer)}`
    const error = await rejection(fc.callback(callback, { cookie: cookie.value }))
    expect(error.code).toBe('scope_not_allowed')
    for (const scope of boursier.scopes) expect(error.message).toContain(scope)
  })
})
