import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { franceTravailStatut } from '../../../src/apis/france-travail-statut/index.js'
import { normalizeStatut } from '../../../src/apis/france-travail-statut/normalize.js'
import { statutSchema } from '../../../src/apis/france-travail-statut/schema.js'
import { parsePayload } from '../../../src/apis/shared/run-connector.js'
import { describeTransportContract, failure, oauthError } from '../../support/connector-test-kit.js'
import { franceTravailStatutPayload as fixture } from '../../support/published-payloads.js'

// The documented host is legacy and unverified (§11.4); any host works since baseUrl is required.
const host = 'https://api.emploi-store.fr'
const path = '/partenaire/fc-statutaugmente/v1/statut'

describe('france-travail-statut', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  describeTransportContract({
    name: 'france-travail-statut',
    makeConnector: (transport) => franceTravailStatut({ baseUrl: host, ...transport }),
    intercept: () => nock(host).get(path),
    successBody: fixture,
    // documented: a 429 in text/plain
    tooManyRequests: { body: 'Too Many Requests', headers: { 'content-type': 'text/plain' } },
    neverInHooks: ['DUBOIS'], // personal data of the payload
    expectOnSuccess: (result) => expect(result.data).toMatchObject({ inscrit: true }),
  })

  const connector = franceTravailStatut({ baseUrl: host, timeoutMs: 300, retries: 2 })

  it('reads the payload, sending the FranceConnect token as the Bearer', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token', accept: 'application/json' } })
      .get(path)
      .reply(200, fixture, { 'content-type': 'application/json;charset=UTF-8' })
    const result = await connector.read({
      accessToken: 'fc-access-token',
      grantedScopes: ['openid', 'identite_pivot', 'api_fc-statutaugmentev1'],
    })
    expect(result).toMatchObject({
      api: 'france-travail-statut',
      provider: 'France Travail',
      scopes: ['api_fc-statutaugmentev1'],
      raw: fixture,
    })
    expect(result.data).toEqual({
      inscrit: true,
      categorie: { code: 'A', libelle: 'Personne sans emploi, tenue de rechercher un emploi' },
      dateInscription: '2022-03-04',
      dateCessation: null,
      identite: {
        civilite: 'MME',
        nom: 'DUBOIS',
        nomUsage: null,
        prenom: 'ANGELA',
        sexe: 'F',
        dateNaissance: '1962-08-24',
        codeCertificationCnav: 'VC',
      },
      contact: { telephone: '0601020304', telephone2: null, email: 'angela.dubois@example.fr', codeValiditeEmail: 'V' },
      adresse: {
        ligneNom: 'MME ANGELA DUBOIS',
        complementDestinataire: null,
        complementAdresse: 'BAT B',
        voie: '10 RUE DU CENTRE',
        complementDistribution: null,
        codePostal: '75007',
        localite: 'PARIS',
        codeInseeCommune: '75107',
      },
    })
    expect(Date.parse(result.fetchedAt)).not.toBeNaN()
    scope.done()
  })

  it('accepts the published example as is (placeholder strings, both dates set)', async () => {
    const published = {
      etatCivil: {
        civilite: 'string',
        nom: 'string',
        nomUsage: 'string',
        prenom: 'string',
        sexe: 'string',
        dateNaissance: '2022-03-04T07:50:43.505Z',
        codeCertificationCNAV: 'string',
      },
      modalitesContact: { telephone: 'string', telephone2: 'string', email: 'string', codeValiditeEmail: 'string' },
      adresse: {
        ligneNom: 'string',
        ligneComplementDestinataire: 'string',
        ligneComplementAdresse: 'string',
        ligneVoie: 'string',
        ligneComplementDistribution: 'string',
        codePostal: 'string',
        localite: 'string',
        inseecommune: 'string',
      },
      situationInscription: {
        dateInscription: '2022-03-04T07:50:43.505Z',
        dateCessationInscription: '2022-03-04T07:50:43.505Z',
        categorieInscription: 'string',
        libellecategorieInscription: 'string',
      },
    }
    nock(host).get(path).reply(200, published)
    const { data } = await connector.read({ accessToken: 't' })
    expect(data).toMatchObject({
      inscrit: false,
      dateInscription: '2022-03-04',
      dateCessation: '2022-03-04',
      categorie: { code: 'string' },
    })
  })

  it('keeps the calendar day France Travail wrote, not the UTC one', () => {
    const raw = parsePayload('france-travail-statut', statutSchema, {
      ...fixture,
      etatCivil: { ...fixture.etatCivil, dateNaissance: '1962-08-24T00:30:00+02:00' },
    })
    expect(normalizeStatut(raw).identite.dateNaissance).toBe('1962-08-24')
  })

  it('derives inscrit from the end of registration, compared with the time of the call', () => {
    const withEnd = (end: unknown) =>
      parsePayload('france-travail-statut', statutSchema, {
        ...fixture,
        situationInscription: { ...fixture.situationInscription, dateCessationInscription: end },
      })
    const now = Date.parse('2024-06-01T12:00:00Z')
    expect(normalizeStatut(withEnd('2024-05-31T00:00:00+02:00'), now)).toMatchObject({
      inscrit: false,
      dateCessation: '2024-05-31',
    })
    expect(normalizeStatut(withEnd('2024-07-01T00:00:00+02:00'), now)).toMatchObject({
      inscrit: true,
      dateCessation: '2024-07-01',
    })
    expect(normalizeStatut(withEnd(null), now)).toMatchObject({ inscrit: true, dateCessation: null })
    expect(normalizeStatut(withEnd(''), now)).toMatchObject({ inscrit: true, dateCessation: null })
  })

  it('reads a person without registration or contact block', async () => {
    const { situationInscription: _s, modalitesContact: _m, ...rest } = fixture
    nock(host).get(path).reply(200, rest)
    const { data } = await connector.read({ accessToken: 't' })
    expect(data).toMatchObject({ inscrit: false, categorie: null, dateInscription: null, dateCessation: null, contact: null })
  })

  it('accepts an added field', async () => {
    nock(host)
      .get(path)
      .reply(200, { ...fixture, nouveauBloc: { a: 1 }, etatCivil: { ...fixture.etatCivil, nouveauChamp: true } })
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { inscrit: true } })
  })

  it('refuses a field of the wrong type, naming its path', async () => {
    nock(host)
      .get(path)
      .reply(200, { ...fixture, adresse: { ...fixture.adresse, codePostal: 75007 } })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'adresse.codePostal',
    })
  })

  it('refuses a date that is not ISO, naming its path', async () => {
    nock(host)
      .get(path)
      .reply(200, { ...fixture, situationInscription: { ...fixture.situationInscription, dateInscription: '04/03/2022' } })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'situationInscription.dateInscription',
    })
  })

  it('refuses an end of registration of another type', async () => {
    nock(host)
      .get(path)
      .reply(200, { ...fixture, situationInscription: { ...fixture.situationInscription, dateCessationInscription: 20240531 } })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'situationInscription.dateCessationInscription',
    })
  })

  it('refuses a payload without a required field', async () => {
    const { ligneNom: _l, ...adresse } = fixture.adresse
    nock(host)
      .get(path)
      .reply(200, { ...fixture, adresse })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'adresse.ligneNom',
    })
  })

  it('maps an OAuth 401 invalid_token (expired FranceConnect token), keeping the provider code', async () => {
    nock(host).get(path).reply(401, oauthError('invalid_token', 'The access token expired'))
    const error = await failure(connector.read({ accessToken: 't' }))
    expect(error).toMatchObject({ code: 'api_unauthorized', status: 401, providerCode: 'invalid_token', retryable: false })
    expect(error.description).toBe('The access token expired')
  })

  it('maps an OAuth 400 invalid_scope', async () => {
    nock(host).get(path).reply(400, oauthError('invalid_scope', 'Unknown/invalid scope(s): [api_fc-statutaugmentev1]'))
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'api_bad_request',
      providerCode: 'invalid_scope',
    })
  })

  it('maps 401 without a body (token absent)', async () => {
    nock(host).get(path).reply(401)
    const error = await failure(connector.read({ accessToken: 't' }))
    expect(error).toMatchObject({ code: 'api_unauthorized', status: 401 })
    expect(error.providerCode).toBeUndefined()
  })

  // The body of a 404 on this route is not documented.
  it('maps 404 (no such job seeker)', async () => {
    nock(host).get(path).reply(404)
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'api_not_found',
      status: 404,
      retryable: false,
    })
  })

  it('requires a secure baseUrl, and checks a replacement path', () => {
    const invalid = expect.objectContaining({ code: 'configuration_invalid' })
    expect(() => franceTravailStatut({} as never)).toThrow(invalid)
    expect(() => franceTravailStatut({ baseUrl: 'http://api.example.fr' })).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    )
    expect(() => franceTravailStatut({ baseUrl: host, path: 'no-slash' })).toThrow(invalid)
    expect(() => franceTravailStatut({ baseUrl: host, path: '/a/../b' })).toThrow(invalid)
    expect(() => franceTravailStatut({ baseUrl: host, path: '/a?b=c' })).toThrow(invalid)
    expect(() => franceTravailStatut({ baseUrl: host, scopes: ['dgfip_rfr'] })).toThrow(invalid)
  })

  it('calls a loopback base URL with a prefix and a replacement path', async () => {
    const scope = nock('http://127.0.0.1:4010').get('/ft/partenaire/statut/v2').reply(200, fixture)
    const local = franceTravailStatut({ baseUrl: 'http://127.0.0.1:4010/ft/', path: '/partenaire/statut/v2' })
    await expect(local.read({ accessToken: 't' })).resolves.toMatchObject({ data: { inscrit: true } })
    scope.done()
  })
})
