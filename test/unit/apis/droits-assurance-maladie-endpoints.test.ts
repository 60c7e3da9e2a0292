/**
 * The CNAM droits connector's per-person endpoints besides `/contrats` (`/caisse`, `/exonerations`,
 * `/medecin-traitant`), driven by the scopes the session holds, and the cap on the beneficiaries
 * followed (issue 12 §5): nock for the unit cases, the sandbox's CNAM mock over loopback HTTP last.
 */
import nock from 'nock'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  defaultMaxBeneficiaires,
  droitsAssuranceMaladie,
  droitsAssuranceMaladieScopedEndpoints,
} from '../../../src/apis/droits-assurance-maladie/index.js'
import { createClient, franceConnect } from '../../../src/index.js'
import { dataScopes } from '../../../src/registry/data-scopes.js'
import { startSandbox, type Sandbox } from '../../../src/testing/index.js'
import { failure } from '../../support/connector-test-kit.js'
import { cnamCaissePayload, cnamExonerationsPayload, cnamMedecinTraitantPayload } from '../../support/published-payloads.js'

const host = 'https://partenaires.api.ameli.fr'
const base = '/test/v1/droits/beneficiaires'
const nirAssure = '262087510700000'
const nirEnfant = '195012345600000'
const me = { nir: nirAssure, prenom: 'Angela', qualite: 'assure', date_naissance: '1962-08-24' }
const enfant = { nir: nirEnfant, prenom: 'Lou', qualite: 'enfant', date_naissance: '2010-00-00' }
const allScopes = ['droits_assurance_maladie', 'cnam_caisse', 'cnam_exonerations', 'cnam_medecin_traitant']
const options = { env: 'test' as const, apiKey: 'cnam-key', timeoutMs: 300, retries: 0, scopes: allScopes }

function persons(list: object[] = [me, enfant]) {
  return nock(host).get(`${base}/me`).query(true).reply(200, me).get(`${base}/me/beneficiaires`).query(true).reply(200, list)
}

/** Answers `path` for each NIR given, counting the requests. */
function perPerson(path: string, bodies: Record<string, unknown>, seen: string[] = []) {
  for (const [nir, body] of Object.entries(bodies)) {
    nock(host, { reqheaders: { nir } })
      .get(`${base}${path}`)
      .query(true)
      .reply(() => {
        seen.push(`${path} ${nir}`)
        return [200, body as nock.Body]
      })
  }
  return seen
}

describe('droits-assurance-maladie: /caisse, /exonerations, /medecin-traitant', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  it('follows the registry: each endpoint is opened by the scope whose data it serves', () => {
    for (const endpoint of droitsAssuranceMaladieScopedEndpoints) {
      const entry = dataScopes.find((scope) => scope.scope === endpoint.scope)
      expect(entry, endpoint.scope).toMatchObject({ api: 'droits-assurance-maladie', fields: [endpoint.schema] })
    }
  })

  it('calls each endpoint once per person when its scope is held, and normalises every field', async () => {
    const connector = droitsAssuranceMaladie({ ...options, contrats: false })
    persons()
    const seen = perPerson('/caisse', { [nirAssure]: cnamCaissePayload, [nirEnfant]: cnamCaissePayload })
    perPerson('/exonerations', { [nirAssure]: cnamExonerationsPayload, [nirEnfant]: [] }, seen)
    perPerson('/medecin-traitant', { [nirAssure]: cnamMedecinTraitantPayload, [nirEnfant]: {} }, seen)
    const result = await connector.read({ accessToken: 't', grantedScopes: ['openid', ...allScopes] })
    expect(seen.sort()).toHaveLength(6)
    expect(result.data.assure).toEqual({
      nir: nirAssure,
      prenom: 'Angela',
      qualite: 'assure',
      dateNaissance: '1962-08-24',
      caisse: {
        id: '01261',
        codeCentre: '261',
        grandRegime: '01',
        libelle: 'CPAM de Maine-et-Loire',
        organisme: 'CPAM',
        // every address line, camelCased (the property test checks each lands)
        adresse: expect.objectContaining({ pointRemise: 'Appartement 24', indiceRepetition: 'Bis', codePostal: '49100' }),
      },
      exonerations: [
        {
          dateDebut: '2018-01-15',
          dateFin: '2018-11-20',
          maternite: { datePresumeeGrossesse: '2017-11', dateReelleAccouchement: '2018-08-03' },
          motif: { code: 'MAT', libelle: 'Maternité', libelleLong: 'Assurance maternité' },
        },
      ],
      medecinTraitant: { nom: 'MOREAU', prenom: 'CLAIRE', numeroAm: '751234567', dateDebut: '2015-02-01', dateFin: '2030-12-31' },
    })
    expect(result.data.beneficiaires[1]).toMatchObject({ dateNaissance: '2010', exonerations: [], medecinTraitant: {} })
    expect(Object.keys(result.data.assure.caisse?.adresse ?? {})).toHaveLength(10)
    expect(result.raw).toMatchObject({ caisse: [cnamCaissePayload, cnamCaissePayload] })
  })

  it('calls only the endpoints whose scope the session holds', async () => {
    const connector = droitsAssuranceMaladie({ ...options, contrats: false })
    persons()
    const seen = perPerson('/caisse', { [nirAssure]: cnamCaissePayload, [nirEnfant]: cnamCaissePayload })
    const result = await connector.read({ accessToken: 't', grantedScopes: ['droits_assurance_maladie', 'cnam_caisse'] })
    expect(seen).toHaveLength(2)
    expect(result.data.assure.caisse?.id).toBe('01261')
    expect(result.data.assure).not.toHaveProperty('exonerations')
    expect(result.data.assure).not.toHaveProperty('medecinTraitant')
  })

  it('fails whole when one per-person call fails (all or nothing)', async () => {
    const connector = droitsAssuranceMaladie({ ...options, contrats: false })
    persons()
    perPerson('/caisse', { [nirAssure]: cnamCaissePayload })
    nock(host, { reqheaders: { nir: nirEnfant } })
      .get(`${base}/caisse`)
      .query(true)
      .reply(503, 'busy')
    const error = await failure(connector.read({ accessToken: 't', grantedScopes: ['droits_assurance_maladie', 'cnam_caisse'] }))
    expect(error).toMatchObject({ code: 'api_unavailable', status: 503 })
  })

  it('refuses an answer of the wrong type, naming the endpoint and the person by index, never the NIR', async () => {
    const connector = droitsAssuranceMaladie({ ...options, contrats: false })
    persons()
    perPerson('/exonerations', {
      [nirAssure]: [],
      [nirEnfant]: [{ ...cnamExonerationsPayload[0], motif: { code: 'XYZ' } }],
    })
    const error = await failure(
      connector.read({ accessToken: 't', grantedScopes: ['droits_assurance_maladie', 'cnam_exonerations'] }),
    )
    expect(error).toMatchObject({ code: 'schema_mismatch', path: 'exonerations.1.0.motif.code' })
    expect(error.message).not.toContain(nirEnfant)
  })
})

describe('droits-assurance-maladie: the cap on beneficiaries followed', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  const crowd = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ ...enfant, nir: `1950123456${String(index).padStart(5, '0')}` }))

  it(`defaults to ${defaultMaxBeneficiaires}`, () => {
    expect(defaultMaxBeneficiaires).toBe(20)
  })

  it('refuses an answer listing more beneficiaries than the cap, before any per-person request', async () => {
    const connector = droitsAssuranceMaladie({ ...options, scopes: undefined })
    persons(crowd(defaultMaxBeneficiaires + 1))
    let perPersonRequests = 0
    nock(host)
      .get(/\/(contrats|caisse|exonerations|medecin-traitant)/)
      .query(true)
      .times(100)
      .reply(() => {
        perPersonRequests++
        return [200, []]
      })
    const error = await failure(connector.read({ accessToken: 't', grantedScopes: allScopes }))
    expect(error).toMatchObject({
      name: 'DataApiError',
      code: 'too_many_beneficiaries',
      api: 'droits-assurance-maladie',
      retryable: false,
    })
    expect(perPersonRequests).toBe(0)
  })

  it('follows an answer at the cap, and takes a lower cap as an option', async () => {
    const connector = droitsAssuranceMaladie({ ...options, scopes: undefined })
    const list = crowd(defaultMaxBeneficiaires)
    persons(list)
    nock(host)
      .get(`${base}/contrats`)
      .query(true)
      .times(list.length + 1)
      .reply(200, [])
    const result = await connector.read({ accessToken: 't', grantedScopes: ['droits_assurance_maladie'] })
    expect(result.data.beneficiaires).toHaveLength(defaultMaxBeneficiaires)

    const strict = droitsAssuranceMaladie({ ...options, scopes: undefined, maxBeneficiaires: 1 })
    persons([me, enfant])
    expect(await failure(strict.read({ accessToken: 't' }))).toMatchObject({ code: 'too_many_beneficiaries' })
  })

  it('refuses a cap that is no whole number', () => {
    for (const maxBeneficiaires of [-1, 2.5, Number.NaN]) {
      expect(() => droitsAssuranceMaladie({ ...options, maxBeneficiaires })).toThrow(
        expect.objectContaining({ code: 'configuration_invalid' }),
      )
    }
  })
})

describe('droits-assurance-maladie: every endpoint against the sandbox', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1') // real loopback HTTP to the sandbox
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox?.close())

  it('reaches the fund, the exemptions and the GP when the scopes are granted', async () => {
    const droits = droitsAssuranceMaladie({ ...sandbox.connectorOptions['droits-assurance-maladie'], scopes: allScopes })
    const fc = createClient({
      provider: franceConnect({ issuer: sandbox.issuer }),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      apis: [droits],
    })
    const { url, cookie } = await fc.authorize()
    const session = await fc.callback(await sandbox.signIn(url, { identity: 'angela-dubois' }), { cookie: cookie.value })
    const { data } = await fc.getData(droits, session)
    expect(data.assure.caisse).toMatchObject({ id: '01751', libelle: 'CPAM de Paris', adresse: { codePostal: '75019' } })
    expect(data.assure.medecinTraitant).toMatchObject({ nom: 'MOREAU', numeroAm: '751234567' })
    expect(data.assure.exonerations).toEqual([])
    expect(data.beneficiaires[0]?.caisse?.id).toBe('01751')
  })
})
