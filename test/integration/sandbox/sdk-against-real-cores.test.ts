/**
 * The SDK's clients against the sandbox playing the real cores' rules (docs/against-the-real-franceconnect.md):
 * what used to pass only against the old mock and fail in production now works end to end, and what
 * the real cores refuse surfaces as the SDK's precise error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statutEtudiantBoursier } from '../../../src/apis/statut-etudiant-boursier/index.js'
import { createClient, franceConnect, franceConnectPlus, proConnect, type Client } from '../../../src/index.js'
import { startSandbox, type ProConnectSandbox, type Sandbox } from '../../../src/testing/index.js'

async function signIn(
  fc: Client,
  sandbox: Sandbox | ProConnectSandbox,
  options: Parameters<Sandbox['signIn']>[1] = {},
  acr?: string,
) {
  const { url, cookie } = await fc.authorize(acr === undefined ? {} : { acr })
  return fc.callback(await sandbox.signIn(url, options), { cookie: cookie.value })
}

describe('ProConnect (sandbox variant with exact acr matching)', () => {
  let sandbox: ProConnectSandbox
  let json: ProConnectSandbox
  beforeAll(async () => {
    ;[sandbox, json] = await Promise.all([
      startSandbox({ variant: 'proconnect' }),
      startSandbox({ variant: 'proconnect', userinfo: 'json' }),
    ])
  })
  afterAll(() => Promise.all([sandbox?.close(), json?.close()]))

  const client = (on: ProConnectSandbox, options: { acr?: string; userinfo?: 'json' | 'jwt' } = {}) =>
    createClient({
      provider: proConnect({ issuer: on.issuer }),
      clientId: on.clientId,
      clientSecret: on.clientSecret,
      redirectUri: on.redirectUri,
      ...options,
    })

  it('a minimum of eidas1 is met by an eidas2 authentication (an exact [eidas1] would end in access_denied)', async () => {
    const session = await signIn(client(sandbox), sandbox, { acr: 'eidas2', identity: 'paul-moreau' }, 'eidas1')
    expect(session.acr).toBe('eidas2')
    expect(session.claims).toMatchObject({ sub: 'paul-moreau' })
  })

  it('scope phone releases phone_number, validated with the agent claims', async () => {
    const fc = createClient({
      provider: proConnect({ issuer: sandbox.issuer }),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      scopes: ['openid', 'given_name', 'usual_name', 'email', 'uid', 'siret', 'phone'],
    })
    const session = await signIn(fc, sandbox, { identity: 'paul-moreau' })
    expect(session.claims).toMatchObject({ usual_name: 'MOREAU', siret: '33189457200014', phone_number: '0123456789' })
    expect(session.claims).not.toHaveProperty('phone')
  })

  it('asking nothing, an eidas0 authentication gives a session with its acr', async () => {
    const session = await signIn(client(sandbox), sandbox, { acr: 'eidas0' })
    expect(session.acr).toBe('eidas0')
  })

  it('the MFA recipe: eidas1-mfa refuses a single-factor authentication at ProConnect itself', async () => {
    const fc = client(sandbox)
    const { url, cookie } = await fc.authorize({ acr: 'eidas1-mfa' })
    const callback = await sandbox.signIn(url, { acr: 'eidas1' })
    await expect(fc.callback(callback, { cookie: cookie.value })).rejects.toMatchObject({ code: 'access_denied' })
  })

  it('plain JSON userinfo for a service registered without signed userinfo', async () => {
    const session = await signIn(client(json, { userinfo: 'json' }), json)
    expect(session.claims.sub).toBe(session.sub)
    // without the option, the unsigned answer is refused
    await expect(signIn(client(json), json)).rejects.toMatchObject({ code: 'userinfo_not_signed' })
  })

  it('refreshes with the refresh token; without a new ID token the session keeps its own and its level', async () => {
    const fc = client(sandbox, { acr: 'eidas1' })
    const session = await signIn(fc, sandbox, { acr: 'eidas2' })
    expect(session.refreshToken).toEqual(expect.any(String))
    const renewed = await fc.refresh(session)
    expect(renewed.accessToken).not.toBe(session.accessToken)
    expect(renewed.sub).toBe(session.sub)
    // the sandbox's refresh answer carries no ID token (a new one is checked in secure-by-default.test.ts)
    expect(renewed.idToken).toBe(session.idToken)
    expect(renewed.acr).toBe('eidas2')
  })
})

describe('FranceConnect v2 and FranceConnect+ (sandbox)', () => {
  let restricted: Sandbox
  let v2: Sandbox
  let plus: Sandbox
  beforeAll(async () => {
    ;[restricted, v2, plus] = await Promise.all([
      // a service habilitated for the identity only
      startSandbox({
        scopes: [
          'openid',
          'identite_pivot',
          'given_name',
          'family_name',
          'birthdate',
          'gender',
          'birthplace',
          'birthcountry',
          'email',
        ],
      }),
      startSandbox(),
      startSandbox({ variant: 'fcplus' }),
    ])
  })
  afterAll(() => Promise.all([restricted?.close(), v2?.close(), plus?.close()]))

  it('a connector whose scopes are not in the habilitation: scope_not_allowed, naming them', async () => {
    const boursier = statutEtudiantBoursier({ recipient: '13002526500013', baseUrl: restricted.apis['statut-etudiant-boursier'] })
    const fc = createClient({
      provider: franceConnect({ issuer: restricted.issuer }),
      clientId: restricted.clientId,
      clientSecret: restricted.clientSecret,
      redirectUri: restricted.redirectUri,
      apis: [boursier],
    })
    const error = await signIn(fc, restricted).catch((failure: unknown) => failure)
    expect(error).toMatchObject({ code: 'scope_not_allowed' })
    for (const scope of boursier.scopes) expect((error as Error).message).toContain(scope)
  })

  it('revokes with exactly token, client_id and client_secret (the core refuses anything else)', async () => {
    const fc = createClient({
      provider: franceConnect({ issuer: v2.issuer }),
      clientId: v2.clientId,
      clientSecret: v2.clientSecret,
      redirectUri: v2.redirectUri,
    })
    const session = await signIn(fc, v2)
    await expect(fc.revoke(session)).resolves.toBeUndefined()
  })

  it('FranceConnect+ releases no given_name_array, and eidas3 satisfies an eidas2 request', async () => {
    const fc = createClient({
      provider: franceConnectPlus({ issuer: plus.issuer }),
      clientId: plus.clientId,
      clientSecret: plus.clientSecret,
      redirectUri: plus.redirectUri,
      encryptionKeys: plus.encryptionKeys ?? [],
    })
    const session = await signIn(fc, plus, { acr: 'eidas3' }, 'eidas2')
    expect(session.acr).toBe('eidas3')
    expect(session.claims).not.toHaveProperty('given_name_array')
  })
})
