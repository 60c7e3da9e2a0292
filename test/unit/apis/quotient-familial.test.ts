import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { quotientFamilial, quotientFamilialScopes } from '../../../src/apis/quotient-familial/index.js'
import {
  apiParticulierError,
  describeTransportContract,
  failure,
  describeApiParticulierErrors,
} from '../../support/connector-test-kit.js'
import { quotientFamilialPayload as fixture } from '../../support/published-payloads.js'

const host = 'https://particulier.api.gouv.fr'
const recipient = '13002526500013'
const path = '/v3/dss/quotient_familial/france_connect'

const withData = (changes: Record<string, unknown>) => ({ ...fixture, data: { ...fixture.data, ...changes } })

describe('quotient-familial', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => {
    nock.cleanAll()
    vi.useRealTimers()
  })

  describeTransportContract({
    name: 'quotient-familial',
    makeConnector: (transport) => quotientFamilial({ recipient, ...transport }),
    intercept: () => nock(host).get(path).query(true),
    successBody: fixture,
    tooManyRequests: { body: apiParticulierError('00429', 'Trop de requêtes', 'API Particulier'), providerCode: '00429' },
    expectOnSuccess: (result) => expect(result.data).toMatchObject({ quotientFamilial: { valeur: 812 } }),
  })

  describeApiParticulierErrors({
    makeConnector: (options) => quotientFamilial(options),
    intercept: () => nock(host).get(path).query(true),
    notFound: { code: '23003', title: 'Dossier allocataire inexistant.', provider: 'CNAF' },
  })

  const connector = quotientFamilial({ recipient, timeoutMs: 300, retries: 2 })

  it('asks the four FranceConnect scopes, under one provider name', () => {
    expect(connector).toMatchObject({ id: 'quotient-familial', provider: 'CNAF/MSA' })
    expect(connector.scopes).toEqual(quotientFamilialScopes)
  })

  it('reads a schema-built payload, sending the FranceConnect token and the recipient', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token' } })
      .get(path)
      .query({ recipient })
      .reply(200, fixture)
    const result = await connector.read({
      accessToken: 'fc-access-token',
      grantedScopes: ['openid', 'cnaf_quotient_familial', 'cnaf_enfants'],
    })
    expect(result).toMatchObject({
      api: 'quotient-familial',
      provider: 'CNAF/MSA',
      scopes: ['cnaf_quotient_familial', 'cnaf_enfants'],
      raw: fixture,
    })
    expect(result.data).toEqual({
      quotientFamilial: { valeur: 812, fournisseur: 'MSA', annee: 2025, mois: 9, anneeCalcul: 2025, moisCalcul: 8 },
      allocataires: [
        { nomNaissance: 'LAURENT', nomUsage: 'MOREAU', prenoms: 'CLAIRE ANNE', dateNaissance: '1985-11-03', sexe: 'F' },
        { nomNaissance: 'MOREAU', nomUsage: null, prenoms: 'THOMAS', dateNaissance: '1983-04-19', sexe: 'M' },
      ],
      enfants: [{ nomNaissance: 'MOREAU', nomUsage: null, prenoms: 'LUCIE', dateNaissance: '2016-06-30', sexe: 'F' }],
      adresse: {
        destinataire: 'Madame MOREAU CLAIRE',
        complementInformation: null,
        complementInformationGeographique: 'RESIDENCE LES TILLEULS',
        numeroLibelleVoie: '12 CHEMIN DES VIGNES',
        lieuDit: null,
        codePostalVille: '24000 PERIGUEUX',
        pays: 'FRANCE',
      },
    })
    expect(Date.parse(result.fetchedAt)).not.toBeNaN()
    scope.done()
  })

  it('reads a payload reduced to the quotient (only cnaf_quotient_familial granted)', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, { ...fixture, data: { quotient_familial: fixture.data.quotient_familial } })
    const { data } = await connector.read({ accessToken: 't' })
    expect(Object.keys(data)).toEqual(['quotientFamilial'])
  })

  it('reads a household without children', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ enfants: [] }))
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { enfants: [] } })
  })

  it('accepts an added field', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ quotient_familial: { ...fixture.data.quotient_familial, regime: 'MSA' } }))
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { quotientFamilial: { valeur: 812 } } })
  })

  it('refuses a field of the wrong type, naming its path', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ quotient_familial: { ...fixture.data.quotient_familial, valeur: '812 €' } }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'data.quotient_familial.valeur',
    })
  })

  it('reads a valeur sent as a decimal string as its number, with a warning naming the field', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ quotient_familial: { ...fixture.data.quotient_familial, valeur: '812' } }))
    const result = await connector.read({ accessToken: 't' })
    expect(result.data.quotientFamilial?.valeur).toBe(812)
    expect(result.warnings).toEqual(['numeric_string: data.quotient_familial.valeur'])
  })

  it('refuses a fournisseur, a sex or a value outside the spec', async () => {
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ quotient_familial: { ...fixture.data.quotient_familial, fournisseur: 'CNAV' } }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.quotient_familial.fournisseur' })
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ enfants: [{ ...fixture.data.enfants[0], sexe: 'X' }] }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.enfants.0.sexe' })
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ quotient_familial: { ...fixture.data.quotient_familial, valeur: 812.5 } }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.quotient_familial.valeur' })
    nock(host)
      .get(path)
      .query(true)
      .reply(200, withData({ allocataires: [{ ...fixture.data.allocataires[0], date_naissance: '03/11/1985' }] }))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ path: 'data.allocataires.0.date_naissance' })
  })

  describe('annee and mois', () => {
    // Paris is at UTC+1 in March 2026 (summer time starts on the 29th).
    const now = new Date('2026-03-15T12:00:00Z')

    it('sends them in the query', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(now)
      const scope = nock(host).get(path).query({ recipient, annee: '2025', mois: '9' }).reply(200, fixture)
      await connector.read({ accessToken: 't' }, { annee: 2025, mois: 9 })
      scope.done()
    })

    it('accepts the current month and the same month two years back', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(now)
      const scope = nock(host)
        .get(path)
        .query({ recipient, annee: '2026', mois: '3' })
        .reply(200, fixture)
        .get(path)
        .query({ recipient, annee: '2024', mois: '3' })
        .reply(200, fixture)
      await connector.read({ accessToken: 't' }, { annee: 2026, mois: 3 })
      await connector.read({ accessToken: 't' }, { annee: 2024, mois: 3 })
      scope.done()
    })

    it('reads the current month in Paris time', async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(new Date('2026-02-28T23:30:00Z')) // 1 March, 00:30 in Paris
      const scope = nock(host).get(path).query({ recipient, annee: '2026', mois: '3' }).reply(200, fixture)
      await connector.read({ accessToken: 't' }, { annee: 2026, mois: 3 })
      scope.done()
    })

    it.each([
      ['annee alone', { annee: 2025 }, { annee: '2025' }],
      ['annee alone, two years back', { annee: 2024 }, { annee: '2024' }],
      ['mois alone', { mois: 3 }, { mois: '3' }],
      ['mois alone, a later month than the current one', { mois: 12 }, { mois: '12' }],
    ])('sends %s as the spec allows (the provider fills in the other)', async (_name, params, query) => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(now)
      const scope = nock(host)
        .get(path)
        .query({ recipient, ...query })
        .reply(200, fixture)
      await connector.read({ accessToken: 't' }, params)
      scope.done()
    })

    it.each([
      ['an annee alone three years back', { annee: 2023 }],
      ['an annee alone in the future', { annee: 2027 }],
      ['a decimal mois alone', { mois: 2.5 }],
      ['a mois alone of 13', { mois: 13 }],
      ['a decimal mois', { annee: 2025, mois: 3.5 }],
      ['a mois of 0', { annee: 2025, mois: 0 }],
      ['a mois of 13', { annee: 2025, mois: 13 }],
      ['an annee given as a string', { annee: '2025' as unknown as number, mois: 3 }],
      ['a month more than two years back', { annee: 2024, mois: 2 }],
      ['a month in the future', { annee: 2026, mois: 4 }],
    ])('refuses %s before any request', async (_name, params) => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(now)
      const scope = nock(host).get(path).query(true).reply(200, fixture)
      expect(await failure(connector.read({ accessToken: 't' }, params))).toMatchObject({
        name: 'ParameterError',
        code: 'parameter_invalid',
      })
      expect(scope.isDone()).toBe(false)
    })
  })

  it.each([
    ['23003', 'CNAF'],
    ['10003', 'MSA'],
    ['40003', 'RNCPS'],
    ['37003', 'CNAV'],
  ])('maps 404 %s (no file at %s)', async (code, provider) => {
    nock(host)
      .get(path)
      .query(true)
      .reply(404, apiParticulierError(code, 'Dossier allocataire inexistant.', provider))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'api_not_found',
      status: 404,
      providerCode: code,
      retryable: false,
    })
  })
})
