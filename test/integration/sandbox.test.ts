/**
 * franceconnect-sdk/testing: the sandbox (mock FranceConnect + mock data APIs) driven by the SDK's own
 * client and connectors, for FranceConnect v2, FranceConnect+ and v1, and by a data provider's
 * checktoken verification. A real OIDC client nobody here wrote, and plain HTTP, drive it in
 * ./sandbox/foreign-clients.test.ts.
 */
import { compactDecrypt, decodeJwt, decodeProtectedHeader, importJWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { complementaireSanteSolidaire } from '../../src/apis/complementaire-sante-solidaire/index.js'
import { impotParticulier } from '../../src/apis/impot-particulier/index.js'
import { quotientFamilial } from '../../src/apis/quotient-familial/index.js'
import { revenuSolidariteActive } from '../../src/apis/revenu-solidarite-active/index.js'
import { statutEtudiantBoursier } from '../../src/apis/statut-etudiant-boursier/index.js'
import { statutEtudiant } from '../../src/apis/statut-etudiant/index.js'
import { franceTravailStatut } from '../../src/apis/france-travail-statut/index.js'
import { createAccessTokenVerifier, verifyAccessToken } from '../../src/data-provider/index.js'
import {
  createClient,
  franceConnect,
  franceConnectPlus,
  franceConnectV1,
  isFranceConnectSdkError,
  type Client,
  type SettledApiResult,
} from '../../src/index.js'
import { loadOidcProvider } from '../../src/testing/mock-franceconnect/load-oidc-provider.js'
import { connectorSandboxes } from '../../src/testing/connector-sandboxes.js'
import {
  OpHttpError,
  sandboxConnectors,
  sandboxIncomeYear,
  startSandbox,
  type Sandbox,
  type SandboxApiId,
} from '../../src/testing/index.js'

const apiIds = [
  'impot-particulier',
  'droits-assurance-maladie',
  'indemnites-journalieres',
  'statut-etudiant',
  'statut-etudiant-boursier',
  'complementaire-sante-solidaire',
  'revenu-solidarite-active',
  'quotient-familial',
  'france-travail-statut',
  'france-travail-paiements',
]

function clientFor(sandbox: Sandbox, apis = Object.values(sandboxConnectors(sandbox))): Client {
  return createClient({
    provider: franceConnect({ issuer: sandbox.issuer }),
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    redirectUri: sandbox.redirectUri,
    postLogoutRedirectUri: sandbox.postLogoutRedirectUri,
    apis,
  })
}

async function signIn(sandbox: Sandbox, fc: Client, identity?: number | string) {
  const { url, cookie } = await fc.authorize()
  return fc.callback(await sandbox.signIn(url, identity === undefined ? {} : { identity }), { cookie: cookie.value })
}

const byApi = (results: SettledApiResult[]) => Object.fromEntries(results.map((entry) => [entry.api, entry]))
const errorOf = (entry: SettledApiResult | undefined) =>
  entry?.status === 'rejected' ? (entry.error as Record<string, unknown>) : undefined

describe('sandbox, FranceConnect v2', () => {
  let sandbox: Sandbox
  let fc: Client
  beforeAll(async () => {
    sandbox = await startSandbox()
    fc = clientFor(sandbox)
  })
  afterAll(() => sandbox?.close())

  it('returns what createClient and the connector factories need', () => {
    expect(sandbox.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/)
    expect(sandbox.clientId).toMatch(/^[0-9a-f]{64}$/)
    expect(sandbox.clientSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(sandbox.encryptionKeys).toBeUndefined()
    expect(Object.keys(sandbox.apis).sort()).toEqual([...apiIds].sort())
    expect(sandbox.identities[0]).toMatchObject({
      id: 'angela-dubois',
      given_name: 'Angela Claire Louise',
      family_name: 'DUBOIS',
    })
    expect(sandbox.identities.every((person) => /^[0-9a-f]{64}v1$/.test(person.sub))).toBe(true)
    expect(sandbox.endpoints.checktoken).toBe(`${sandbox.issuer}/checktoken`)
  })

  it('serves and configures each API as the `sandbox` part of its manifest says', () => {
    const { apiParticulier, cnam, dgfip } = sandbox.credentials
    const credential = {
      recipient: apiParticulier.recipient,
      apiKey: cnam.apiKey,
      gatewayToken: dgfip.gatewayToken,
      idTeleservice: dgfip.idTeleservice,
    }
    const mockOf = new Map<string, string>()
    for (const [api, part] of Object.entries(connectorSandboxes) as [SandboxApiId, (typeof connectorSandboxes)[SandboxApiId]][]) {
      // one base URL per mock, shared by the APIs it serves
      expect(sandbox.apis[api], api).toBe(mockOf.get(part.mock) ?? sandbox.apis[api])
      mockOf.set(part.mock, sandbox.apis[api])
      expect(sandbox.connectorOptions[api], api).toEqual({
        baseUrl: sandbox.apis[api],
        ...Object.fromEntries(part.options.map((option) => [option, credential[option]])),
      })
    }
    expect(new Set(mockOf.values()).size).toBe(5)
    expect(sandbox.connectorOptions['statut-etudiant']).toEqual({
      baseUrl: sandbox.apis['statut-etudiant'],
      recipient: '13002526500013',
    })
    expect(Object.keys(sandbox.connectorOptions['impot-particulier'])).toEqual(['baseUrl', 'gatewayToken', 'idTeleservice'])
    expect(sandbox.connectorOptions['france-travail-paiements']).toEqual({ baseUrl: sandbox.apis['france-travail-paiements'] })
    expect(dgfip.tokenUrl).toBe(`${sandbox.apis['impot-particulier']}/token`)
    expect(sandbox.allDataParams).toEqual({ 'impot-particulier': { annee: sandboxIncomeYear() } })
  })

  it('signs in as the first identity and fetches every API with data', async () => {
    const session = await signIn(sandbox, fc)
    expect(session.sub).toBe(sandbox.identities[0]?.sub)
    expect(session.claims).toMatchObject({ family_name: 'DUBOIS', birthplace: '75107', birthcountry: '99100' })
    const results = await fc.getAllData(session, sandbox.allDataParams)
    expect(results.map((entry) => entry.api).sort()).toEqual([...apiIds].sort())
    for (const entry of results) expect(entry.status, `${entry.api}: ${String(errorOf(entry)?.message)}`).toBe('fulfilled')
    const data = Object.fromEntries(
      results.map((entry) => [entry.api, entry.status === 'fulfilled' ? (entry.result.data as Record<string, any>) : undefined]),
    )
    expect(data['impot-particulier']).toMatchObject({ revenuFiscalReference: 11240, situationFamiliale: 'divorce' })
    expect(data['droits-assurance-maladie']?.beneficiaires).toHaveLength(1)
    expect(data['indemnites-journalieres']?.paiements).toHaveLength(2)
    expect(data['statut-etudiant']?.admissions?.[0]).toMatchObject({ estInscrit: true, regimeFormation: { code: 'RF5' } })
    expect(data['statut-etudiant-boursier']).toMatchObject({ estBoursier: true, echelon: { valeur: '4' } })
    expect(data['complementaire-sante-solidaire']).toMatchObject({ estBeneficiaire: true, avecParticipation: false })
    expect(data['revenu-solidarite-active']).toMatchObject({ estBeneficiaire: true })
    expect(data['quotient-familial']?.quotientFamilial).toMatchObject({ valeur: 412, fournisseur: 'CNAF' })
    expect(data['france-travail-statut']).toMatchObject({ inscrit: true, categorie: { code: '1' } })
    expect(data['france-travail-paiements']?.paiements).toHaveLength(3)
  })

  it('runs concurrent sign-ins apart: the person with no data gets api_not_found everywhere, the other all data', async () => {
    const [angela, lucie] = await Promise.all([signIn(sandbox, fc), signIn(sandbox, fc, 'lucie-fontaine')])
    expect(lucie.claims.family_name).toBe('FONTAINE')
    expect(angela.claims.family_name).toBe('DUBOIS')
    const [full, empty] = await Promise.all([
      fc.getAllData(angela, sandbox.allDataParams),
      fc.getAllData(lucie, sandbox.allDataParams),
    ])
    expect(full.every((entry) => entry.status === 'fulfilled')).toBe(true)
    expect(empty).toHaveLength(apiIds.length)
    for (const entry of empty) {
      expect(entry.status, entry.api).toBe('rejected')
      expect(errorOf(entry), entry.api).toMatchObject({ code: 'api_not_found', status: 404 })
    }
    const providerCodes = Object.fromEntries(empty.map((entry) => [entry.api, errorOf(entry)?.providerCode]))
    expect(providerCodes).toMatchObject({
      'statut-etudiant': '25003',
      'statut-etudiant-boursier': '26003',
      'complementaire-sante-solidaire': '37003',
      'quotient-familial': '23003',
    })
  })

  it('answers each person from their own fixtures (student, boursier, born abroad)', async () => {
    const [lea, karim, carlos] = await Promise.all([
      signIn(sandbox, fc, 'lea-martin'),
      signIn(sandbox, fc, 'karim-benali'),
      signIn(sandbox, fc, 1),
    ])
    expect(carlos.claims).toMatchObject({ birthplace: '', birthcountry: '99134' })
    const [leaResults, karimResults, carlosResults] = await Promise.all(
      [lea, karim, carlos].map((session) => fc.getAllData(session, sandbox.allDataParams)),
    )
    const leaByApi = byApi(leaResults!)
    expect(leaByApi['statut-etudiant']?.status).toBe('fulfilled')
    expect(errorOf(leaByApi['statut-etudiant-boursier'])).toMatchObject({ code: 'api_not_found', providerCode: '26003' })
    const karimByApi = byApi(karimResults!)
    expect(karimByApi['statut-etudiant-boursier']).toMatchObject({
      status: 'fulfilled',
      result: { data: { estBoursier: true, echelon: { valeur: '6' } } },
    })
    const carlosByApi = byApi(carlosResults!)
    expect(carlosByApi['impot-particulier']).toMatchObject({
      status: 'fulfilled',
      result: { data: { situationFamiliale: 'celibataire' } },
    })
    expect(carlosByApi['france-travail-statut']).toMatchObject({ status: 'fulfilled', result: { data: { inscrit: false } } })
  })

  it('refuses a revoked access token: api_unauthorized from every API', async () => {
    const session = await signIn(sandbox, fc)
    await fc.revoke(session)
    const results = await fc.getAllData(session, sandbox.allDataParams)
    expect(results).toHaveLength(apiIds.length)
    for (const entry of results) expect(errorOf(entry), entry.api).toMatchObject({ code: 'api_unauthorized', status: 401 })
    expect(errorOf(byApi(results)['statut-etudiant'])).toMatchObject({ providerCode: '00101' })
  })

  it('filters fields by the granted scopes, and answers 403 to an API none of whose scopes was granted', async () => {
    const options = sandbox.connectorOptions
    const few = createClient({
      provider: franceConnect({ issuer: sandbox.issuer }),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      apis: [
        statutEtudiantBoursier({
          ...options['statut-etudiant-boursier'],
          scopes: ['cnous_statut_boursier', 'cnous_echelon_bourse'],
        }),
        statutEtudiant({ ...options['statut-etudiant'], scopes: ['mesri_admissions', 'mesri_admission_inscrit'] }),
        quotientFamilial({ ...options['quotient-familial'], scopes: ['cnaf_quotient_familial'] }),
        revenuSolidariteActive({ ...options['revenu-solidarite-active'], scopes: ['revenu_solidarite_active'] }),
        impotParticulier({ ...options['impot-particulier'], scopes: ['dgfip_annee_n_moins_1', 'dgfip_rfr', 'dgfip_nbpart'] }),
      ],
    })
    const { url, cookie } = await few.authorize()
    expect(new URL(url).searchParams.get('scope')).toBe(
      'openid identite_pivot cnous_statut_boursier cnous_echelon_bourse mesri_admissions mesri_admission_inscrit cnaf_quotient_familial revenu_solidarite_active dgfip_annee_n_moins_1 dgfip_rfr dgfip_nbpart',
    )
    const session = await few.callback(await sandbox.signIn(url), { cookie: cookie.value })
    const results = byApi(await few.getAllData(session, sandbox.allDataParams))
    const raw = (api: string) =>
      results[api]?.status === 'fulfilled' ? (results[api].result.raw as Record<string, any>) : undefined
    expect(Object.keys(raw('statut-etudiant-boursier')?.data ?? {}).sort()).toEqual(['echelon_bourse', 'statut_boursier'])
    expect(Object.keys(raw('statut-etudiant')?.data.admissions[0] ?? {}).sort()).toEqual([
      'date_debut',
      'date_fin',
      'est_inscrit',
    ])
    expect(Object.keys(raw('quotient-familial')?.data ?? {})).toEqual(['quotient_familial'])
    expect(Object.keys(raw('revenu-solidarite-active')?.data ?? {}).sort()).toEqual(['date_debut_droit', 'est_beneficiaire'])
    expect(Object.keys(raw('impot-particulier') ?? {}).sort()).toEqual(['nbPart', 'revImposable', 'revenuBrutGlobal', 'rfr'])
    expect(results['statut-etudiant-boursier']).toMatchObject({
      result: { data: { estBoursier: true }, scopes: ['cnous_statut_boursier', 'cnous_echelon_bourse'] },
    })

    // APIs whose scopes the session lacks: the providers refuse the token with 403.
    const css = complementaireSanteSolidaire(options['complementaire-sante-solidaire'])
    await expect(css.read({ accessToken: session.accessToken })).rejects.toMatchObject({
      code: 'api_forbidden',
      status: 403,
      providerCode: '00100',
    })
    const statut = franceTravailStatut(options['france-travail-statut'])
    await expect(statut.read({ accessToken: session.accessToken })).rejects.toMatchObject({ code: 'api_forbidden', status: 403 })
    expect(session.scopes).not.toContain('complementaire_sante_solidaire')
  })

  it('requires each API’s own credentials besides the FranceConnect token', async () => {
    const session = await signIn(sandbox, fc)
    const options = sandbox.connectorOptions
    const noRecipient = await fetch(`${sandbox.apis['statut-etudiant']}/v3/mesri/statut_etudiant/france_connect`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    })
    expect(noRecipient.status).toBe(422)
    expect(((await noRecipient.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('00203')
    const noGateway = await fetch(
      `${options['impot-particulier'].baseUrl}/impotparticulier/1.0/situations/ir/assiettes/annrev/2020`,
      {
        headers: { 'x-franceconnect-oauth': session.accessToken, 'x-correlation-id': crypto.randomUUID(), id_teleservice: 'x' },
      },
    )
    expect(noGateway.status).toBe(401)
    expect(((await noGateway.json()) as { erreur: { code: string } }).erreur.code).toBe('900902')
    const noKey = await fetch(`${sandbox.apis['droits-assurance-maladie']}/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    })
    expect(noKey.status).toBe(401)
    // the DGFiP gateway's token endpoint serves the sandbox's OAuth client
    const { clientId, clientSecret, tokenUrl } = sandbox.credentials.dgfip
    const token = await fetch(tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=RessourceIR',
    })
    expect(token.status).toBe(200)
    expect(await token.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 })
  })

  it('gives data providers the pivot identity and their data scopes only, with their own sub', async () => {
    const session = await signIn(sandbox, fc)
    const options = { issuer: sandbox.issuer, ...sandbox.dataProvider }
    const token = await verifyAccessToken(session.accessToken, options)
    expect(token.active).toBe(true)
    if (!token.active) return
    expect(token.identity).toMatchObject({
      given_name: 'Angela Claire Louise',
      given_name_array: ['Angela', 'Claire', 'Louise'],
      family_name: 'DUBOIS',
      gender: 'female',
      birthdate: '1962-08-24',
      birthplace: '75107',
      birthcountry: '99100',
    })
    expect(token.identity).not.toHaveProperty('email')
    const dataScopes = session.scopes.filter((scope) => scope !== 'openid' && scope !== 'identite_pivot')
    expect(token.scopes.sort()).toEqual(dataScopes.sort())
    expect(token.scopes).not.toContain('openid')
    expect(token.clientId).toBe(sandbox.clientId)
    expect(token.acr).toBe('eidas1')
    expect(token.sub).toMatch(/^[0-9a-f]{64}v1$/)
    expect(token.sub).not.toBe(session.sub)
    // the mock's jti is the access token, as the real core's: tokenId is a digest of it
    expect(token.tokenId).toMatch(/^[\w-]{16}$/)
    expect(JSON.stringify(token)).not.toContain(session.accessToken)
    expect(token.expiresAt - token.issuedAt).toBe(60)

    // the raw answer: a JWE {alg, enc, epk} without kid, wrapping a JWS {alg, kid} of exactly iss, aud, iat, token_introspection
    const checktoken = (body: Record<string, string>) =>
      fetch(sandbox.endpoints.checktoken!, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
      })
    const form = {
      token: session.accessToken,
      client_id: sandbox.dataProvider.clientId,
      client_secret: sandbox.dataProvider.clientSecret,
    }
    const answer = await checktoken(form)
    expect(answer.headers.get('content-type')).toBe('application/token-introspection+jwt')
    const jwe = await answer.text()
    expect(Object.keys(decodeProtectedHeader(jwe)).sort()).toEqual(['alg', 'enc', 'epk'])
    const { plaintext } = await compactDecrypt(jwe, await importJWK(sandbox.dataProvider.decryptionKeys[0]!, 'ECDH-ES'))
    const jws = new TextDecoder().decode(plaintext)
    expect(Object.keys(decodeProtectedHeader(jws)).sort()).toEqual(['alg', 'kid'])
    expect(Object.keys(decodeJwt(jws)).sort()).toEqual(['aud', 'iat', 'iss', 'token_introspection'])
    const extra = await checktoken({ ...form, token_type_hint: 'access_token' })
    expect([extra.status, await extra.json()]).toEqual([
      400,
      { error: 'invalid_request', error_description: 'Required parameter missing or invalid.' },
    ])
    const wrong = await checktoken({ ...form, client_secret: 'x'.repeat(64) })
    expect([wrong.status, await wrong.json()]).toEqual([
      401,
      { error: 'invalid_client', error_description: 'Client authentication failed.' },
    ])
    await expect(verifyAccessToken(session.accessToken, { ...options, clientSecret: 'x'.repeat(64) })).rejects.toMatchObject({
      code: 'checktoken_error',
      status: 401,
    })
    await fc.revoke(session)
    await expect(verifyAccessToken(session.accessToken, options)).resolves.toEqual({ active: false })
    await expect(createAccessTokenVerifier(options).verify('unknown-token-value')).resolves.toEqual({ active: false })
  })

  it('refuses an unknown authorize parameter and a missing acr_values with the Y030007 page, and maps Annuler to access_denied', async () => {
    const { url } = await fc.authorize()
    const extra = new URL(url)
    extra.searchParams.set('response_mode', 'query')
    const refused = await fetch(extra, { redirect: 'manual' })
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await refused.text()).toContain('Y030007')
    await expect(sandbox.signIn(extra.href)).rejects.toMatchObject({ status: 400, code: 'Y030007' })

    const noAcr = new URL(url)
    noAcr.searchParams.delete('acr_values')
    const error = await sandbox.signIn(noAcr.href).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpHttpError)
    expect(error).toMatchObject({ status: 400, code: 'Y030007' })

    const again = await fc.authorize()
    const cancelled = new URL(await sandbox.signIn(again.url, { cancel: true }))
    expect(cancelled.searchParams.get('error')).toBe('access_denied')
    expect(cancelled.searchParams.get('iss')).toBe(sandbox.issuer)
    await expect(fc.callback(cancelled, { cookie: again.cookie.value })).rejects.toMatchObject({ code: 'access_denied' })
  })

  it('logs out through /session/end', async () => {
    const session = await signIn(sandbox, fc)
    const { url, state, cookie } = await fc.logout(session)
    expect(new URL(url).pathname).toBe('/api/v2/session/end')
    const back = await sandbox.signOut(url)
    expect(back.startsWith(sandbox.postLogoutRedirectUri)).toBe(true)
    await expect(fc.logoutCallback(back, { cookie: cookie.value })).resolves.toEqual({ state })
  })
})

describe('sandbox, FranceConnect+', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ variant: 'fcplus' })
  })
  afterAll(() => sandbox?.close())

  it('signs in with a nested JWE at eidas2, and the data providers check the token', async () => {
    expect(sandbox.encryptionKeys?.[0]).toMatchObject({
      alg: 'ECDH-ES',
      use: 'enc',
      kid: expect.any(String),
      d: expect.any(String),
    })
    const boursier = statutEtudiantBoursier(sandbox.connectorOptions['statut-etudiant-boursier'])
    const fc = createClient({
      provider: franceConnectPlus({ issuer: sandbox.issuer }),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      encryptionKeys: sandbox.encryptionKeys!,
      apis: [boursier],
    })
    const { url, cookie } = await fc.authorize()
    expect(new URL(url).searchParams.get('acr_values')).toBe('eidas2')
    const callback = await sandbox.signIn(url)
    const session = await fc.callback(callback, { cookie: cookie.value })
    expect(session.acr).toBe('eidas2')
    expect(session.claims).toMatchObject({ family_name: 'DUBOIS', given_name: 'Angela Claire Louise' })
    expect(session.claims).not.toHaveProperty('given_name_array')
    // userinfo is a JWE (5 parts) wrapping the signed JWT
    const userinfo = await fetch(sandbox.endpoints.userinfo, { headers: { authorization: `Bearer ${session.accessToken}` } })
    expect(userinfo.headers.get('content-type')).toMatch(/^application\/jwt/)
    expect((await userinfo.text()).split('.')).toHaveLength(5)
    await expect(fc.getData(boursier, session)).resolves.toMatchObject({ data: { estBoursier: true } })

    const eidas3 = await fc.authorize({ acr: 'eidas3' })
    await expect(fc.callback(await sandbox.signIn(eidas3.url), { cookie: eidas3.cookie.value })).resolves.toMatchObject({
      acr: 'eidas3',
    })
  })

  it('refuses eidas1 with invalid_acr', async () => {
    const fc = createClient({
      provider: franceConnect({ issuer: sandbox.issuer }),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
    })
    const { url } = await fc.authorize()
    const back = new URL(await sandbox.signIn(url))
    expect(back.searchParams.get('error')).toBe('invalid_acr')
  })
})

describe('sandbox, FranceConnect v1', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ variant: 'v1' })
  })
  afterAll(() => sandbox?.close())

  it('signs in (HS256, JSON userinfo), and the data providers check the token with the v1 checktoken', async () => {
    expect(sandbox.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const connectors = sandboxConnectors(sandbox)
    const fc = createClient({
      provider: franceConnectV1({ issuer: sandbox.issuer }),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      apis: [connectors['statut-etudiant-boursier'], connectors['impot-particulier']],
    })
    const { url, cookie } = await fc.authorize()
    expect(new URL(url).pathname).toBe('/api/v1/authorize')
    const session = await fc.callback(await sandbox.signIn(url), { cookie: cookie.value })
    expect(session.claims).toMatchObject({ family_name: 'DUBOIS', birthdate: '1962-08-24' })
    const results = await fc.getAllData(session, sandbox.allDataParams)
    expect(results.map((entry) => entry.status)).toEqual(['fulfilled', 'fulfilled'])
    const token = await verifyAccessToken(session.accessToken, { version: 'v1', issuer: sandbox.issuer })
    expect(token).toMatchObject({ active: true, version: 'v1', identity: { family_name: 'DUBOIS' }, clientId: sandbox.clientId })
  })
})

describe('franceconnect-sdk/testing without oidc-provider', () => {
  it('says how to install it', async () => {
    const missing = Object.assign(new Error("Cannot find package 'oidc-provider'"), { code: 'ERR_MODULE_NOT_FOUND' })
    const error = await loadOidcProvider(() => Promise.reject(missing)).catch((caught: unknown) => caught)
    expect(isFranceConnectSdkError(error)).toBe(true)
    expect(error).toMatchObject({ name: 'ConfigurationError', code: 'configuration_invalid' })
    expect((error as Error).message).toContain('npm install -D oidc-provider')
  })
})
