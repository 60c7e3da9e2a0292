import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { complementaireSanteSolidaire } from '../../../src/apis/complementaire-sante-solidaire/index.js'
import {
  apiParticulierError,
  describeTransportContract,
  failure,
  describeApiParticulierErrors,
} from '../../support/connector-test-kit.js'
import { complementaireSanteSolidairePayload as fixture } from '../../support/published-payloads.js'

const host = 'https://particulier.api.gouv.fr'
const recipient = '13002526500013'
const path = '/v3/dss/complementaire_sante_solidaire/france_connect'

const withData = (changes: Record<string, unknown>) => ({ ...fixture, data: { ...fixture.data, ...changes } })

describe('complementaire-sante-solidaire', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  describeTransportContract({
    name: 'complementaire-sante-solidaire',
    makeConnector: (transport) => complementaireSanteSolidaire({ recipient, ...transport }),
    intercept: () => nock(host).get(path).query(true),
    successBody: fixture,
    tooManyRequests: { body: apiParticulierError('00429', 'Trop de requêtes', 'CNAV'), providerCode: '00429' },
    expectOnSuccess: (result) => expect(result.data).toMatchObject({ estBeneficiaire: true }),
  })

  describeApiParticulierErrors({
    makeConnector: (options) => complementaireSanteSolidaire(options),
    intercept: () => nock(host).get(path).query(true),
    notFound: { code: '37003', title: 'Dossier allocataire inexistant.', provider: 'CNAV' },
  })

  const connector = complementaireSanteSolidaire({ recipient, timeoutMs: 300, retries: 2 })

  it('asks the one FranceConnect scope of the C2S', () => {
    expect(connector).toMatchObject({
      id: 'complementaire-sante-solidaire',
      provider: 'DSS',
      scopes: ['complementaire_sante_solidaire'],
    })
  })

  it('reads the published payload, sending the FranceConnect token and the recipient', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token' } })
      .get(path)
      .query({ recipient })
      .reply(200, fixture)
    const result = await connector.read({
      accessToken: 'fc-access-token',
      grantedScopes: ['openid', 'complementaire_sante_solidaire'],
    })
    expect(result).toMatchObject({
      api: 'complementaire-sante-solidaire',
      provider: 'DSS',
      scopes: ['complementaire_sante_solidaire'],
      data: { estBeneficiaire: true, avecParticipation: false, dateDebutDroit: '2023-02-01' },
      raw: fixture,
    })
    expect(Date.parse(result.fetchedAt)).not.toBeNaN()
    scope.done()
  })

  it('reads a non-beneficiary, whose participation and date are null', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ est_beneficiaire: false, avec_participation: null, date_debut_droit: null }))
    const { data } = await connector.read({ accessToken: 't' })
    expect(data).toEqual({ estBeneficiaire: false, avecParticipation: null, dateDebutDroit: null })
  })

  it('accepts an added field', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ date_fin_droit: '2024-01-31' }))
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { estBeneficiaire: true } })
  })

  it('refuses a field of the wrong type, naming its path', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ avec_participation: 'non' }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'data.avec_participation',
    })
  })

  it('refuses a missing est_beneficiaire and a date that is not ISO', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, { ...fixture, data: { avec_participation: false, date_debut_droit: null } })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.est_beneficiaire' })
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ date_debut_droit: '01/02/2023' }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.date_debut_droit' })
  })
})
