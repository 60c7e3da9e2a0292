import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { franceTravailPaiements } from '../../../src/apis/france-travail-paiements/index.js'
import { describeTransportContract, failure, oauthError } from '../../support/connector-test-kit.js'
import { franceTravailPaiementsPayload as fixture } from '../../support/published-payloads.js'

// The documented host is legacy and unverified (§11.4); any host works since baseUrl is required.
const host = 'https://api.emploi-store.fr'
const path = '/partenaire/fc-liste-paiements/v1/'

describe('france-travail-paiements', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  describeTransportContract({
    name: 'france-travail-paiements',
    makeConnector: (transport) => franceTravailPaiements({ baseUrl: host, ...transport }),
    intercept: () => nock(host).get(path),
    successBody: fixture,
    // documented: a 429 in text/plain
    tooManyRequests: { body: 'Too Many Requests', headers: { 'content-type': 'text/plain' } },
    expectOnSuccess: (result) => expect(result.data).toMatchObject({ inscrit: true }),
  })

  const connector = franceTravailPaiements({ baseUrl: host, timeoutMs: 300, retries: 2 })

  it('reads the documented payment, sending the FranceConnect token as the Bearer', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token' } })
      .get(path)
      .reply(200, fixture, { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache' })
    const result = await connector.read({
      accessToken: 'fc-access-token',
      grantedScopes: ['openid', 'api_fc-liste-paiementsv1'],
    })
    expect(result).toMatchObject({
      api: 'france-travail-paiements',
      provider: 'France Travail',
      scopes: ['api_fc-liste-paiementsv1'],
      raw: fixture,
    })
    expect(result.data).toEqual({
      inscrit: true,
      paiements: [
        { date: '2021-05-03', montant: 1096.78, allocations: 1111.35, aides: 0, autresPaiements: 0 },
        { date: '2021-06-01', montant: 1150, allocations: 1100, aides: 50, autresPaiements: 0 },
      ],
    })
    scope.done()
  })

  it('names no scope in the result when the session was not granted it', async () => {
    nock(host).get(path).reply(200, fixture)
    const result = await connector.read({ accessToken: 't', grantedScopes: ['openid'] })
    expect(result.scopes).toEqual([])
  })

  it('reads an empty or absent list of payments', async () => {
    nock(host).get(path).reply(200, { statutInscription: false, listePaiement: [] })
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { inscrit: false, paiements: [] } })
    nock(host).get(path).reply(200, { statutInscription: true })
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { inscrit: true, paiements: [] } })
  })

  it('accepts an added field', async () => {
    nock(host)
      .get(path)
      .reply(200, { ...fixture, periode: '2021', listePaiement: [{ ...fixture.listePaiement[0], libelle: 'ARE' }] })
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { paiements: [{ montant: 1096.78 }] } })
  })

  it('refuses an amount of the wrong type, naming its path', async () => {
    const drifted = {
      ...fixture,
      listePaiement: [fixture.listePaiement[0], { ...fixture.listePaiement[1], montant_paiement: '1150,00' }],
    }
    nock(host).get(path).reply(200, drifted)
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'listePaiement.1.montant_paiement',
    })
  })

  it('refuses a payload without statutInscription', async () => {
    nock(host).get(path).reply(200, { listePaiement: fixture.listePaiement })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'statutInscription',
    })
  })

  it('refuses a payment date that is not ISO', async () => {
    nock(host)
      .get(path)
      .reply(200, { ...fixture, listePaiement: [{ ...fixture.listePaiement[0], date_paiement: '03/05/2021' }] })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'listePaiement.0.date_paiement',
    })
  })

  it('maps an OAuth 401 invalid_token (expired FranceConnect token), keeping the provider code', async () => {
    nock(host).get(path).reply(401, oauthError('invalid_token', 'The access token expired'))
    const error = await failure(connector.read({ accessToken: 't' }))
    expect(error).toMatchObject({ code: 'api_unauthorized', status: 401, providerCode: 'invalid_token', retryable: false })
    expect(error.description).toBe('The access token expired')
    expect(String(error.message)).not.toContain('expired')
  })

  it('maps the documented OAuth 400 errors (invalid_scope, invalid_client)', async () => {
    nock(host).get(path).reply(400, oauthError('invalid_scope', 'Unknown/invalid scope(s): [api_fc-liste-paiementsv1]'))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'api_bad_request',
      providerCode: 'invalid_scope',
    })
    nock(host).get(path).reply(400, oauthError('invalid_client', 'Client authentication failed'))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'api_bad_request',
      providerCode: 'invalid_client',
    })
  })

  // The body of a 404 on this route is not documented.
  it('maps 404 (no such job seeker, or a wrong path)', async () => {
    nock(host).get(path).reply(404)
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'api_not_found',
      status: 404,
      retryable: false,
    })
  })

  it('refuses the documented example as printed, which is not JSON', async () => {
    nock(host).get(path).reply(200, '{"statutInscription":true, ../..}', { 'content-type': 'application/json' })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ code: 'response_invalid' })
  })

  it('requires a baseUrl, and lets the app replace the unverified path', async () => {
    expect(() => franceTravailPaiements({ baseUrl: '' })).toThrow(expect.objectContaining({ code: 'configuration_invalid' }))
    const scope = nock(host).get('/partenaire/fc-liste-paiements/v1/paiements').reply(200, fixture)
    const other = franceTravailPaiements({ baseUrl: host, path: '/partenaire/fc-liste-paiements/v1/paiements' })
    await expect(other.read({ accessToken: 't' })).resolves.toMatchObject({ data: { inscrit: true } })
    scope.done()
  })
})
