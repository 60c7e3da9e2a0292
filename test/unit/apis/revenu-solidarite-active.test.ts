import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { revenuSolidariteActive } from '../../../src/apis/revenu-solidarite-active/index.js'
import {
  apiParticulierError,
  describeTransportContract,
  failure,
  describeApiParticulierErrors,
} from '../../support/connector-test-kit.js'
import { revenuSolidariteActivePayload as fixture } from '../../support/published-payloads.js'

const host = 'https://particulier.api.gouv.fr'
const recipient = '13002526500013'
const path = '/v3/dss/revenu_solidarite_active/france_connect'

const withData = (changes: Record<string, unknown>) => ({ ...fixture, data: { ...fixture.data, ...changes } })

describe('revenu-solidarite-active', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  describeTransportContract({
    name: 'revenu-solidarite-active',
    makeConnector: (transport) => revenuSolidariteActive({ recipient, ...transport }),
    intercept: () => nock(host).get(path).query(true),
    successBody: fixture,
    tooManyRequests: { body: apiParticulierError('00429', 'Trop de requêtes', 'CNAV'), providerCode: '00429' },
    expectOnSuccess: (result) => expect(result.data).toMatchObject({ estBeneficiaire: true }),
  })

  describeApiParticulierErrors({
    makeConnector: (options) => revenuSolidariteActive(options),
    intercept: () => nock(host).get(path).query(true),
    notFound: { code: '37003', title: 'Dossier allocataire inexistant.', provider: 'CNAV' },
  })

  const connector = revenuSolidariteActive({ recipient, timeoutMs: 300, retries: 2 })

  it('asks the two FranceConnect scopes of the RSA, or the subset chosen', () => {
    expect(connector).toMatchObject({
      id: 'revenu-solidarite-active',
      provider: 'DSS',
      scopes: ['revenu_solidarite_active', 'revenu_solidarite_active_majoration'],
    })
    expect(revenuSolidariteActive({ recipient, scopes: ['revenu_solidarite_active'] }).scopes).toEqual([
      'revenu_solidarite_active',
    ])
  })

  it('reads a schema-built payload, sending the FranceConnect token and the recipient', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token' } })
      .get(path)
      .query({ recipient })
      .reply(200, fixture)
    const result = await connector.read({
      accessToken: 'fc-access-token',
      grantedScopes: ['openid', 'revenu_solidarite_active'],
    })
    expect(result).toMatchObject({
      api: 'revenu-solidarite-active',
      provider: 'DSS',
      scopes: ['revenu_solidarite_active'],
      data: { estBeneficiaire: true, avecMajoration: true, dateDebutDroit: '2024-03-01' },
      raw: fixture,
    })
    expect(Date.parse(result.fetchedAt)).not.toBeNaN()
    scope.done()
  })

  it('reads a non-beneficiary, whose majoration and date are null', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ est_beneficiaire: false, avec_majoration: null, date_debut_droit: null }))
    const { data } = await connector.read({ accessToken: 't' })
    expect(data).toEqual({ estBeneficiaire: false, avecMajoration: null, dateDebutDroit: null })
  })

  it('reads a payload without avec_majoration (scope revenu_solidarite_active_majoration not granted)', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, { ...fixture, data: { est_beneficiaire: true, date_debut_droit: '2024-03-01' } })
    const { data } = await connector.read({ accessToken: 't' })
    expect(data).toEqual({ estBeneficiaire: true, dateDebutDroit: '2024-03-01' })
    expect('avecMajoration' in data).toBe(false)
  })

  it('accepts an added field', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ date_fin_droit: '2025-02-28' }))
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { estBeneficiaire: true } })
  })

  it('refuses a field of the wrong type, naming its path', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ avec_majoration: 'non' }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'data.avec_majoration',
    })
  })

  it('refuses an est_beneficiaire that is not a boolean and a date that is not ISO', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ est_beneficiaire: 1 }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.est_beneficiaire' })
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ date_debut_droit: '01/03/2024' }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.date_debut_droit' })
  })
})
