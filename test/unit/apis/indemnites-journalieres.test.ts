import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { indemnitesJournalieres } from '../../../src/apis/indemnites-journalieres/index.js'
import { describeTransportContract, failure } from '../../support/connector-test-kit.js'

// ⚠️ The CNAM's spec is not public (reference/franceconnect-apis.md §4): this payload is built from
// the public description (period, daily amount, number of days, CSG, CRDS) under the connector's
// provisional default mapping. It is not a published example.
const host = 'https://ij.cnam.test'
const paiement = {
  date_debut: '2025-01-06',
  date_fin: '2025-01-19',
  montant_journalier: 42.5,
  nombre_jours: 14,
  montant_brut: 595,
  montant_csg: 36.24,
  montant_crds: 2.92,
  montant_net: 555.84,
  date_paiement: '2025-01-24',
}
const { montant_net: _omitted, ...withoutNet } = paiement
// the second payment has a null gross amount and no net amount: both optional
const payload = {
  paiements: [paiement, { ...withoutNet, date_debut: '2025-01-20', date_fin: '2025-01-26', nombre_jours: 7, montant_brut: null }],
}

describe('indemnites-journalieres (provisional)', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  const options = { baseUrl: host, apiKey: 'cnam-key', timeoutMs: 300, retries: 2 }

  describeTransportContract({
    name: 'indemnites-journalieres',
    makeConnector: (transport) => indemnitesJournalieres({ ...options, apiKey: 'secret-key', ...transport }),
    intercept: () => nock(host).get('/paiements'),
    successBody: payload,
    neverInHooks: ['secret-key'],
    expectOnSuccess: (result) => expect(result.data.paiements).toMatchObject([{ nombreJours: 14 }, { nombreJours: 7 }]),
  })

  const connector = indemnitesJournalieres(options)

  it('reads payments under the default mapping, sending the FranceConnect token and the key', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token', 'x-api-key': 'cnam-key' } })
      .get('/paiements')
      .query({})
      .reply(200, payload)
    const result = await connector.read({ accessToken: 'fc-access-token', grantedScopes: ['openid', 'cnam_paiements_ij'] })
    expect(result).toMatchObject({
      api: 'indemnites-journalieres',
      provider: 'CNAM',
      scopes: ['cnam_paiements_ij'],
      raw: payload,
    })
    expect(result.data.paiements).toEqual([
      {
        dateDebut: '2025-01-06',
        dateFin: '2025-01-19',
        montantJournalier: 42.5,
        nombreJours: 14,
        montantBrut: 595,
        csg: 36.24,
        crds: 2.92,
        montantNet: 555.84,
        datePaiement: '2025-01-24',
      },
      {
        dateDebut: '2025-01-20',
        dateFin: '2025-01-26',
        montantJournalier: 42.5,
        nombreJours: 7,
        csg: 36.24,
        crds: 2.92,
        datePaiement: '2025-01-24',
      },
    ])
    scope.done()
  })

  it('sends the period when given, and no API key when none was given', async () => {
    const scope = nock(host, { badheaders: ['x-api-key'] })
      .get('/paiements')
      .query({ dateDebut: '2025-01-01', dateFin: '2025-06-30' })
      .reply(200, { paiements: [] })
    const { data } = await indemnitesJournalieres({ baseUrl: host }).read(
      { accessToken: 't' },
      { dateDebut: '2025-01-01', dateFin: '2025-06-30' },
    )
    expect(data.paiements).toEqual([])
    scope.done()
  })

  it('follows a configured path and mapping, nested or at the root', async () => {
    const nested = {
      data: {
        versements: [
          {
            periode: { debut: '2025-02-01', fin: '2025-02-10' },
            ij: 30,
            jours: 10,
            prelevements: { csg: 18.27, crds: 1.47 },
          },
        ],
      },
    }
    const scope = nock(host).get('/v1/ij/paiements').reply(200, nested).get('/v1/ij/liste').reply(200, nested.data.versements)
    const mapping = {
      dateDebut: 'periode.debut',
      dateFin: 'periode.fin',
      montantJournalier: 'ij',
      nombreJours: 'jours',
      csg: 'prelevements.csg',
      crds: 'prelevements.crds',
    }
    const expected = [
      { dateDebut: '2025-02-01', dateFin: '2025-02-10', montantJournalier: 30, nombreJours: 10, csg: 18.27, crds: 1.47 },
    ]
    const first = await indemnitesJournalieres({
      ...options,
      path: '/v1/ij/paiements',
      mapping: { ...mapping, paiements: 'data.versements' },
    }).read({
      accessToken: 't',
    })
    expect(first.data.paiements).toEqual(expected)
    const second = await indemnitesJournalieres({
      ...options,
      path: '/v1/ij/liste',
      mapping: { ...mapping, paiements: null },
    }).read({ accessToken: 't' })
    expect(second.data.paiements).toEqual(expected)
    scope.done()
  })

  it('accepts an added field', async () => {
    nock(host)
      .get('/paiements')
      .reply(200, { paiements: [{ ...paiement, code_risque: 'MAL' }], total: 1 })
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { paiements: [{ nombreJours: 14 }] } })
  })

  it.each([
    ['paiements.0.nombre_jours', { paiements: [{ ...paiement, nombre_jours: '14 jours' }] }],
    ['paiements.0.nombre_jours', { paiements: [{ ...paiement, nombre_jours: 1.5 }] }],
    ['paiements.0.montant_journalier', { paiements: [{ ...paiement, montant_journalier: '42,50' }] }],
    ['paiements.0.date_fin', { paiements: [{ ...paiement, date_fin: '19/01/2025' }] }],
    ['paiements.0.montant_csg', { paiements: [{ ...paiement, montant_csg: undefined }] }],
    ['paiements.0.montant_net', { paiements: [{ ...paiement, montant_net: '555,84' }] }],
    ['paiements', { paiements: { ...paiement } }],
    ['paiements', {}],
  ])('refuses a wrong or missing field at %s, naming the path', async (where, body) => {
    nock(host).get('/paiements').reply(200, body)
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ code: 'schema_mismatch', path: where })
  })

  it('names the nested path of a mismatch under a custom mapping', async () => {
    nock(host)
      .get('/paiements')
      .reply(200, { paiements: [{ ...paiement, periode: { debut: 20250201 } }] })
    const mapped = indemnitesJournalieres({ ...options, mapping: { dateDebut: 'periode.debut', dateFin: 'periode.fin' } })
    expect(await failure(mapped.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'paiements.0.periode.debut',
    })
  })

  it('maps 401 (expired FranceConnect token)', async () => {
    nock(host).get('/paiements').reply(401, { error: 'invalid_token', error_description: 'expired' })
    expect(await failure(connector.read({ accessToken: 'expired' }))).toMatchObject({
      code: 'api_unauthorized',
      status: 401,
      providerCode: 'invalid_token',
      retryable: false,
    })
  })

  it('maps 404', async () => {
    nock(host).get('/paiements').reply(404)
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ code: 'api_not_found', status: 404 })
  })

  it.each([
    ['a date that does not exist', { dateDebut: '2025-04-31' }],
    ['a French date', { dateFin: '30/06/2025' }],
    ['an end before the start', { dateDebut: '2025-06-01', dateFin: '2025-01-01' }],
  ])('refuses %s before any request', async (_what, params) => {
    expect(await failure(connector.read({ accessToken: 't' }, params))).toMatchObject({
      name: 'ParameterError',
      code: 'parameter_invalid',
    })
  })

  it.each([
    ['no baseUrl', { baseUrl: '' }],
    ['a relative path', { path: 'paiements' }],
    ['a path with a query', { path: '/paiements?x=1' }],
    ['a path going up', { path: '/v1/../admin' }],
    ['an empty API key', { apiKey: ' ' }],
    ['two fields on one path', { mapping: { csg: 'montant', crds: 'montant' } }],
    ['a field inside another', { mapping: { csg: 'prelevements', crds: 'prelevements.crds' } }],
    ['an empty segment', { mapping: { csg: 'prelevements..csg' } }],
    ['a prototype key', { mapping: { csg: '__proto__.csg' } }],
    ['a non-string path', { mapping: { csg: 3 as unknown as string } }],
    ['an unknown scope', { scopes: ['cnam_ij'] }],
  ])('refuses %s at the factory', (_what, bad) => {
    expect(() => indemnitesJournalieres({ ...options, ...bad })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
  })

  it('refuses a plain-http base URL', () => {
    expect(() => indemnitesJournalieres({ baseUrl: 'http://ij.cnam.test' })).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    )
  })

  it('asks cnam_paiements_ij', () => {
    expect(connector.scopes).toEqual(['cnam_paiements_ij'])
  })
})
