import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { statutEtudiant, statutEtudiantScopes } from '../../../src/apis/statut-etudiant/index.js'
import {
  apiParticulierError,
  describeTransportContract,
  failure,
  describeApiParticulierErrors,
} from '../../support/connector-test-kit.js'
import { statutEtudiantPayload as fixture } from '../../support/published-payloads.js'

const host = 'https://particulier.api.gouv.fr'
const recipient = '13002526500013'
const path = '/v3/mesri/statut_etudiant/france_connect'

const [admission] = fixture.data.admissions as [(typeof fixture.data.admissions)[number]]

const withAdmission = (changes: Record<string, unknown>) => ({ ...fixture, data: { admissions: [{ ...admission, ...changes }] } })

describe('statut-etudiant', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  describeTransportContract({
    name: 'statut-etudiant',
    makeConnector: (transport) => statutEtudiant({ recipient, ...transport }),
    intercept: () => nock(host).get(path).query(true),
    successBody: fixture,
    tooManyRequests: { body: apiParticulierError('00429', 'Trop de requêtes', 'MESRI'), providerCode: '00429' },
    expectOnSuccess: (result) =>
      expect(result.data).toMatchObject({ admissions: [{ dateDebut: '2020-07-01', estInscrit: true }] }),
  })

  describeApiParticulierErrors({
    makeConnector: (options) => statutEtudiant(options),
    intercept: () => nock(host).get(path).query(true),
    notFound: { code: '25003', title: "Aucun étudiant n'a pu être trouvé.", provider: 'MESRI' },
  })

  const connector = statutEtudiant({ recipient, timeoutMs: 300, retries: 2 })

  it('asks the FranceConnect scopes of MESRI, spelled as FranceConnect spells them', () => {
    expect(connector).toMatchObject({ id: 'statut-etudiant', provider: 'MESRI' })
    expect(connector.scopes).toEqual(statutEtudiantScopes)
    expect(connector.scopes).toContain('mesri_admission_etablissement_etude')
  })

  it('reads the published payload, sending the FranceConnect token and the recipient', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token' } })
      .get(path)
      .query({ recipient })
      .reply(200, fixture)
    const result = await connector.read({
      accessToken: 'fc-access-token',
      grantedScopes: ['openid', 'identite_pivot', 'mesri_admissions', 'mesri_admission_inscrit'],
    })
    expect(result).toMatchObject({
      api: 'statut-etudiant',
      provider: 'MESRI',
      scopes: ['mesri_admissions', 'mesri_admission_inscrit'],
      data: {
        admissions: [
          {
            dateDebut: '2020-07-01',
            dateFin: '2021-08-31',
            estInscrit: true,
            regimeFormation: { code: 'RF1', libelle: 'formation initiale' },
            codeCommune: '33063',
            etablissement: { uai: '0330023W', nom: 'LYCEE GENERAL ET TECHNOLOGIQUE CAMILLE JULLIAN' },
          },
        ],
      },
      raw: fixture,
    })
    expect(Date.parse(result.fetchedAt)).not.toBeNaN()
    scope.done()
  })

  it('reads an admission whose scoped fields production removed', async () => {
    const reduced = { ...fixture, data: { admissions: [{ date_debut: '2020-07-01', date_fin: '2021-08-31' }] } }
    nock(host).get(path).query(true).reply(200, reduced)
    const { data } = await connector.read({ accessToken: 't' })
    expect(data.admissions).toEqual([{ dateDebut: '2020-07-01', dateFin: '2021-08-31' }])
  })

  it('reads a payload without admissions (scope mesri_admissions not granted)', async () => {
    nock(host).get(path).query(true).reply(200, { data: {}, links: {}, meta: {} })
    const { data } = await connector.read({ accessToken: 't' })
    expect(data).toEqual({})
  })

  it('accepts an added field', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withAdmission({ nouveau_champ: 1 }))
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { admissions: [{ estInscrit: true }] } })
  })

  it('refuses a field of the wrong type, naming its path', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withAdmission({ est_inscrit: 'oui' }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'data.admissions.0.est_inscrit',
    })
  })

  it('refuses a date that is not ISO, a régime outside RF1–RF7 and a malformed UAI', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withAdmission({ date_debut: '01/07/2020' }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.admissions.0.date_debut' })
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withAdmission({ regime_formation: { code: 'RF8', libelle: 'autre' } }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      path: 'data.admissions.0.regime_formation.code',
    })
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withAdmission({ etablissement_etudes: { uai: '033002W', nom: 'X' } }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      path: 'data.admissions.0.etablissement_etudes.uai',
    })
  })

  it('refuses a scope it does not know', () => {
    expect(() => statutEtudiant({ recipient, scopes: ['mesri_admission_etablissement_etudes'] })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
  })

  it('calls the staging host when asked', async () => {
    const scope = nock('https://staging.particulier.api.gouv.fr').get(path).query({ recipient }).reply(200, fixture)
    await statutEtudiant({ recipient, env: 'staging' }).read({ accessToken: 'mesri' })
    scope.done()
  })
})
