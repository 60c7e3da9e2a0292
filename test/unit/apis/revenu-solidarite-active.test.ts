import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { revenuSolidariteActive } from '../../../src/apis/revenu-solidarite-active/index.js'
import { isFranceConnectSdkError } from '../../../src/index.js'

const host = 'https://particulier.api.gouv.fr'
const recipient = '13002526500013'
const path = '/v3/dss/revenu_solidarite_active/france_connect'

// The reference publishes no RSA fixture: this one is built from the v3 schema of §7
// (`est_beneficiaire` bool, `avec_majoration` bool|null, `date_debut_droit` date|null).
const fixture = {
  data: { est_beneficiaire: true, avec_majoration: true, date_debut_droit: '2024-03-01' },
  links: {},
  meta: {},
}
const withData = (changes: Record<string, unknown>) => ({ ...fixture, data: { ...fixture.data, ...changes } })
const apiError = (code: string, title: string, provider = 'CNAV') => ({
  errors: [{ code, title, detail: title, source: null, meta: { provider } }],
})

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  )
  expect(isFranceConnectSdkError(error), String(error)).toBe(true)
  return error as Record<string, unknown>
}

describe('revenu-solidarite-active', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  const connector = revenuSolidariteActive({ recipient, timeoutMs: 300, retries: 2 })

  it('asks the two FranceConnect scopes of the RSA, or the subset chosen', () => {
    expect(connector).toMatchObject({
      id: 'revenu-solidarite-active',
      provider: 'DSS',
      scopes: ['revenu_solidarite_active', 'revenu_solidarite_active_majoration'],
    })
    expect(revenuSolidariteActive({ recipient, scopes: ['revenu_solidarite_active'] }).scopes).toEqual(['revenu_solidarite_active'])
  })

  it('reads a schema-built payload, sending the FranceConnect token and the recipient', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token' } })
      .get(path)
      .query({ recipient })
      .reply(200, fixture)
    const result = await connector.fetch({ accessToken: 'fc-access-token', grantedScopes: ['openid', 'revenu_solidarite_active'] })
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
    nock(host).get(path).query(true).reply(200, withData({ est_beneficiaire: false, avec_majoration: null, date_debut_droit: null }))
    const { data } = await connector.fetch({ accessToken: 't' })
    expect(data).toEqual({ estBeneficiaire: false, avecMajoration: null, dateDebutDroit: null })
  })

  it('reads a payload without avec_majoration (scope revenu_solidarite_active_majoration not granted)', async () => {
    nock(host).get(path).query(true).reply(200, { ...fixture, data: { est_beneficiaire: true, date_debut_droit: '2024-03-01' } })
    const { data } = await connector.fetch({ accessToken: 't' })
    expect(data).toEqual({ estBeneficiaire: true, dateDebutDroit: '2024-03-01' })
    expect('avecMajoration' in data).toBe(false)
  })

  it('accepts an added field', async () => {
    nock(host).get(path).query(true).reply(200, withData({ date_fin_droit: '2025-02-28' }))
    await expect(connector.fetch({ accessToken: 't' })).resolves.toMatchObject({ data: { estBeneficiaire: true } })
  })

  it('refuses a field of the wrong type, naming its path', async () => {
    nock(host).get(path).query(true).reply(200, withData({ avec_majoration: 'non' }))
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ code: 'schema_mismatch', path: 'data.avec_majoration' })
  })

  it('refuses an est_beneficiaire that is not a boolean and a date that is not ISO', async () => {
    nock(host).get(path).query(true).reply(200, withData({ est_beneficiaire: 1 }))
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ path: 'data.est_beneficiaire' })
    nock(host).get(path).query(true).reply(200, withData({ date_debut_droit: '01/03/2024' }))
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ path: 'data.date_debut_droit' })
  })

  it('maps 404 37003 (no allocataire file)', async () => {
    nock(host).get(path).query(true).reply(404, apiError('37003', 'Dossier allocataire inexistant.'))
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({
      code: 'api_not_found',
      status: 404,
      providerCode: '37003',
      retryable: false,
    })
  })

  it('maps 401 00103 (expired FranceConnect token) and 00101', async () => {
    nock(host).get(path).query(true).reply(401, apiError('00103', 'Jeton expiré', 'API Particulier'))
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ code: 'api_unauthorized', status: 401, providerCode: '00103' })
    nock(host).get(path).query(true).reply(401, apiError('00101', 'Jeton invalide', 'API Particulier'))
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ code: 'api_unauthorized', providerCode: '00101' })
  })

  it('maps 422 00203 (recipient missing)', async () => {
    nock(host).get(path).query(true).reply(422, apiError('00203', 'recipient manquant', 'API Particulier'))
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ code: 'api_bad_request', status: 422, providerCode: '00203' })
  })

  it('honours a short Retry-After on 429, then succeeds', async () => {
    const scope = nock(host)
      .get(path).query(true).reply(429, apiError('00429', 'Trop de requêtes'), { 'retry-after': '0' })
      .get(path).query(true).reply(200, fixture)
    await expect(connector.fetch({ accessToken: 't' })).resolves.toMatchObject({ data: { estBeneficiaire: true } })
    scope.done()
  })

  it('fails at once on a Retry-After longer than the cap, saying how long to wait', async () => {
    const scope = nock(host).get(path).query(true).reply(429, apiError('00429', 'Trop de requêtes'), { 'retry-after': '3600' })
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({
      code: 'api_rate_limited',
      retryable: true,
      retryAfterSec: 3600,
    })
    scope.done()
  })

  it('retries a 503, then succeeds', async () => {
    const scope = nock(host).get(path).query(true).reply(503, 'busy').get(path).query(true).reply(200, fixture)
    await expect(connector.fetch({ accessToken: 't' })).resolves.toMatchObject({ data: { estBeneficiaire: true } })
    scope.done()
  })

  it('gives up after two retries of 503', async () => {
    const scope = nock(host).get(path).query(true).times(3).reply(503, 'busy')
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ code: 'api_unavailable', retryable: true })
    scope.done()
  })

  it('times out on a hang, without retrying past the budget', async () => {
    let calls = 0
    nock(host).get(path).query(true).times(5).delay(2000).reply(() => {
      calls++
      return [200, fixture]
    })
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ code: 'timeout' })
    expect(calls).toBeLessThanOrEqual(1)
  })

  it('refuses a body that is not JSON', async () => {
    nock(host).get(path).query(true).reply(200, '<html>maintenance</html>', { 'content-type': 'text/html' })
    expect(await failure(connector.fetch({ accessToken: 't' }))).toMatchObject({ code: 'response_invalid' })
  })

  it('refuses an invalid SIRET before any request', () => {
    expect(() => revenuSolidariteActive({ recipient: '13002526500014' })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
    expect(() => revenuSolidariteActive({ recipient: '1300252650001' })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
  })
})
