import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { dgfipGatewayToken, impotParticulier } from '../../../src/apis/impot-particulier/index.js'
import { describeTransportContract, failure } from '../../support/connector-test-kit.js'

const gateway = 'https://gateway.dgfip.test'
const path = (annee: number) => `/impotparticulier/1.0/situations/ir/assiettes/annrev/${annee}`
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const mediaType = 'application/prs.dgfip.part.situations.ir.assiettes.v1+json'

// The 2019 swagger's example, assembled from its per-field examples (reference/franceconnect-apis.md §2.4).
const swaggerExample = {
  rfr: 36705,
  nbPart: 1,
  aft: 'BAT 3 APT 93 10 RUE DU CENTRE 93160 NOISY LE GRAND',
  aftDetail: { complementAdresse: 'BAT 3 APT 93', voie: '10 RUE DU CENTRE', commune: null, codePostal: '93160 NOISY LE GRAND' },
}

// The FC data-provider sandbox row for SPI 3999999930262, year 2018 (§2.4, FD_Impot_IR_BacASable.csv), as JSON.
const sandboxRow = {
  rfr: 28678,
  sitFam: 'C',
  nbPart: 1,
  pac: { nbPac: 0 },
  nmNaiDec1: 'CIS QUARANTECINQ',
  prnmDec1: 'PRENOM ERIC',
  aft: '42 RUE ABBE DE L EPEE 13005 MARSEILLE',
  aftDetail: { voie: '42 RUE ABBE DE L EPEE', codePostal: '13005 MARSEILLE' },
  rev: {
    tspr: [
      { code: '1AJ', valeur: '35200' },
      { code: '1AK', valeur: '6522' },
    ],
  },
}

// Every field the connector normalises, with the current swagger's `getcommune` / `getcodePostal`.
const fullPayload = {
  rfr: 61250,
  sitFam: 'M',
  nbPart: 2.5,
  pac: { nbPac: 1, nbPacF: 1, nbPacG: 0, nbPacH: 0 },
  nmNaiDec1: 'DUBOIS',
  nmUsaDec1: 'MARTIN',
  prnmDec1: 'ANGELA  CLAIRE LOUISE ',
  dateNaisDec1: { jour: '24', mois: '08', annee: '1962' },
  dptNaissDec1: '75',
  lieuNaissDec1: 'PARIS 7E ARRONDISSEMENT',
  nmNaiDec2: 'MARTIN',
  prnmDec2: 'PIERRE',
  dateNaisDec2: { jour: '00', mois: '3', annee: '1960' },
  aft: '12 AVENUE DE LA REPUBLIQUE 75011 PARIS',
  aftDetail: { complementAdresse: null, voie: '12 AVENUE DE LA REPUBLIQUE', getcommune: 'PARIS', getcodePostal: '75011 PARIS' },
  revenuBrutGlobal: 64000,
  revImposable: 63000,
  mntRevbareme: 4100,
  impAvImput: 4200,
  montTotIr: 4000,
  metaInfo: { versionApi: '1.0', uuidGenerated: false },
}

const gatewayError = (code: string, message: string) => ({
  erreur: { code, message, horodatage: '2024-05-02T10:00:00.000+02:00' },
})

const parisYear = () => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()))

describe('impot-particulier', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => {
    nock.cleanAll()
    vi.useRealTimers()
  })

  const options = { baseUrl: gateway, gatewayToken: 'gw-token', idTeleservice: 'TS-123', timeoutMs: 300, retries: 2 }

  describeTransportContract({
    name: 'impot-particulier',
    makeConnector: (transport) => impotParticulier({ ...options, gatewayToken: 'secret-gw-token', ...transport }),
    params: { annee: 2023 },
    intercept: () => nock(gateway).get(path(2023)),
    successBody: swaggerExample,
    // the gateway's throttling answer, 900804
    tooManyRequests: { body: gatewayError('900804', 'Message throttled out'), providerCode: '900804' },
    neverInHooks: ['secret-gw-token'],
    expectOnSuccess: (result) => expect(result.data).toMatchObject({ revenuFiscalReference: 36705, nombreParts: 1 }),
  })

  const connector = impotParticulier(options)

  it('reads the published example, sending each token to its header', async () => {
    const scope = nock(gateway, {
      reqheaders: {
        authorization: 'Bearer gw-token',
        'x-franceconnect-oauth': 'fc-access-token',
        'x-correlation-id': (value) => uuid.test(value),
        id_teleservice: 'TS-123',
        accept: (value) => value.startsWith(mediaType),
      },
      badheaders: ['x-api-key', 'cookie'],
    })
      .get(path(2023))
      .reply(200, swaggerExample, { 'content-type': mediaType })
    const result = await connector.read(
      { accessToken: 'fc-access-token', grantedScopes: ['openid', 'dgfip_rfr', 'dgfip_aft'] },
      { annee: 2023 },
    )
    expect(result).toMatchObject({
      api: 'impot-particulier',
      provider: 'DGFiP',
      scopes: ['dgfip_rfr', 'dgfip_aft'],
      data: {
        annee: 2023,
        revenuFiscalReference: 36705,
        nombreParts: 1,
        adresseFiscale: {
          libelle: 'BAT 3 APT 93 10 RUE DU CENTRE 93160 NOISY LE GRAND',
          complement: 'BAT 3 APT 93',
          voie: '10 RUE DU CENTRE',
          ligneAcheminement: '93160 NOISY LE GRAND',
          codePostal: '93160',
        },
        declarants: [],
      },
      raw: swaggerExample,
    })
    expect(result.data.adresseFiscale?.commune).toBeUndefined()
    expect(Date.parse(result.fetchedAt)).not.toBeNaN()
    scope.done()
  })

  it('reads the sandbox row: situation, dependants, first déclarant', async () => {
    nock(gateway).get(path(2018)).reply(200, sandboxRow)
    const { data } = await connector.read({ accessToken: 't' }, { annee: 2018 })
    expect(data).toEqual({
      annee: 2018,
      revenuFiscalReference: 28678,
      nombreParts: 1,
      situationFamiliale: 'celibataire',
      nombrePersonnesACharge: 0,
      personnesACharge: { total: 0 },
      adresseFiscale: {
        libelle: '42 RUE ABBE DE L EPEE 13005 MARSEILLE',
        voie: '42 RUE ABBE DE L EPEE',
        ligneAcheminement: '13005 MARSEILLE',
        codePostal: '13005',
      },
      declarants: [{ rang: 1, nomNaissance: 'CIS QUARANTECINQ', prenoms: ['PRENOM', 'ERIC'] }],
    })
  })

  it('normalises both déclarants, their birth dates (partial when DGFiP says 00) and the amounts', async () => {
    nock(gateway).get(path(2022)).reply(200, fullPayload)
    const { data } = await connector.read({ accessToken: 't' }, { annee: 2022 })
    expect(data).toMatchObject({
      situationFamiliale: 'marie',
      nombreParts: 2.5,
      nombrePersonnesACharge: 1,
      personnesACharge: { total: 1, caseF: 1, caseG: 0, caseH: 0 },
      adresseFiscale: { commune: 'PARIS', ligneAcheminement: '75011 PARIS', codePostal: '75011' },
      revenuBrutGlobal: 64000,
      revenuImposable: 63000,
      impotRevenusBareme: 4100,
      impotAvantImputations: 4200,
      montantTotalImpot: 4000,
    })
    expect(data.adresseFiscale).not.toHaveProperty('complement')
    expect(data.declarants).toEqual([
      {
        rang: 1,
        nomNaissance: 'DUBOIS',
        nomUsage: 'MARTIN',
        prenoms: ['ANGELA', 'CLAIRE', 'LOUISE'],
        dateNaissance: '1962-08-24',
        departementNaissance: '75',
        lieuNaissance: 'PARIS 7E ARRONDISSEMENT',
      },
      { rang: 2, nomNaissance: 'MARTIN', prenoms: ['PIERRE'], dateNaissance: '1960-03' },
    ])
  })

  it('sends a new correlation id on each call and awaits a token function each time', async () => {
    const ids: string[] = []
    let tokens = 0
    const dynamic = impotParticulier({ ...options, gatewayToken: async () => `gw-${++tokens}` })
    nock(gateway)
      .get(path(2023))
      .times(2)
      .reply(function () {
        ids.push(String(this.req.headers['x-correlation-id']))
        return [200, swaggerExample]
      })
    await dynamic.read({ accessToken: 't' }, { annee: 2023 })
    await dynamic.read({ accessToken: 't' }, { annee: 2023 })
    expect(ids).toHaveLength(2)
    expect(ids[0]).not.toBe(ids[1])
    expect(ids.every((id) => uuid.test(id))).toBe(true)
    expect(tokens).toBe(2)
  })

  it('does not double the version prefix when baseUrl already has it', async () => {
    const scope = nock(gateway).get(path(2023)).reply(200, swaggerExample)
    await impotParticulier({ ...options, baseUrl: `${gateway}/impotparticulier/1.0/` }).read(
      { accessToken: 't' },
      { annee: 2023 },
    )
    scope.done()
  })

  it('accepts an added field', async () => {
    nock(gateway)
      .get(path(2023))
      .reply(200, { ...sandboxRow, nouveauChamp: { a: 1 }, pac: { nbPac: 0, nbPacZ: 3 } })
    await expect(connector.read({ accessToken: 't' }, { annee: 2023 })).resolves.toMatchObject({
      data: { revenuFiscalReference: 28678 },
    })
  })

  it.each([
    ['rfr', { ...sandboxRow, rfr: '28 678' }],
    ['nbPart', { ...sandboxRow, nbPart: '1,5' }],
    ['sitFam', { ...sandboxRow, sitFam: 'X' }],
    ['pac.nbPac', { ...sandboxRow, pac: { nbPac: 1.5 } }],
    ['dateNaisDec1', { ...sandboxRow, dateNaisDec1: { jour: '31', mois: '02', annee: '1990' } }],
    ['dateNaisDec1.annee', { ...sandboxRow, dateNaisDec1: { jour: '1', mois: '2', annee: 1990 } }],
    ['aftDetail.voie', { ...sandboxRow, aftDetail: { voie: 42 } }],
  ])('refuses a wrong type at %s, naming the path', async (where, payload) => {
    nock(gateway).get(path(2023)).reply(200, payload)
    expect(await failure(connector.read({ accessToken: 't' }, { annee: 2023 }))).toMatchObject({
      code: 'schema_mismatch',
      path: where,
    })
  })

  it.each([
    [401, gatewayError('900901', 'Invalid Credentials'), 'api_unauthorized', '900901'],
    [401, gatewayError('900902', 'Missing Credentials'), 'api_unauthorized', '900902'],
    [
      403,
      gatewayError('900910', 'The access token does not allow you to access the requested resource'),
      'api_forbidden',
      '900910',
    ],
    [400, gatewayError('910000', 'X-Correlation-ID manquant'), 'api_bad_request', '910000'],
    [400, { codeapp: 4001, message: 'Format du SPI incorrect' }, 'api_bad_request', '4001'],
    [403, { codeapp: '4031', message: 'Accès refusé' }, 'api_forbidden', '4031'],
    [410, { codeapp: '4101' }, 'api_error', '4101'],
    [
      404,
      { error: 'not_found', reason: 'avis non trouvé', message: 'Aucun avis pour ces paramètres' },
      'api_not_found',
      'not_found',
    ],
  ])('maps HTTP %i %j', async (status, body, code, providerCode) => {
    nock(gateway).get(path(2023)).reply(status, body)
    expect(await failure(connector.read({ accessToken: 't' }, { annee: 2023 }))).toMatchObject({
      code,
      status,
      providerCode,
      retryable: false,
    })
  })

  it('maps 401 for an expired FranceConnect token', async () => {
    nock(gateway)
      .get(path(2023))
      .reply(401, { error: 'invalid_token', reason: 'token expired', message: "Le token ne vous permet pas d'accéder à l'API" })
    expect(await failure(connector.read({ accessToken: 'expired' }, { annee: 2023 }))).toMatchObject({
      code: 'api_unauthorized',
      status: 401,
      providerCode: 'invalid_token',
    })
  })

  it('maps 404 without a body', async () => {
    nock(gateway).get(path(2023)).reply(404)
    expect(await failure(connector.read({ accessToken: 't' }, { annee: 2023 }))).toMatchObject({
      code: 'api_not_found',
      status: 404,
    })
  })

  it('maps 204 (no data for this year) to a DataApiError with status 204', async () => {
    nock(gateway).get(path(2023)).reply(204)
    expect(await failure(connector.read({ accessToken: 't' }, { annee: 2023 }))).toMatchObject({
      name: 'DataApiError',
      code: 'api_not_found',
      status: 204,
    })
  })

  it.each([
    ['no params', undefined],
    ['no annee', {}],
    ['a string', { annee: '2023' }],
    ['a fraction', { annee: 2023.5 }],
    ['NaN', { annee: Number.NaN }],
    ['this year (not yet taxed)', { annee: parisYear() }],
    ['next year', { annee: parisYear() + 1 }],
    ['a year before 2000', { annee: 1999 }],
  ])('refuses %s before any request', async (_what, params) => {
    // no interceptor: a request would fail as network_error, not parameter_invalid
    const error = await failure(connector.read({ accessToken: 't' }, params as never))
    expect(error).toMatchObject({ name: 'ParameterError', code: 'parameter_invalid' })
  })

  it('refuses bad options at the factory', () => {
    const invalid = expect.objectContaining({ code: 'configuration_invalid' })
    expect(() => impotParticulier({ ...options, baseUrl: 'http://gateway.dgfip.test' })).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    )
    expect(() => impotParticulier({ ...options, baseUrl: '' })).toThrow(invalid)
    expect(() => impotParticulier({ ...options, idTeleservice: ' ' })).toThrow(invalid)
    expect(() => impotParticulier({ ...options, gatewayToken: '' })).toThrow(invalid)
    expect(() => impotParticulier({ ...options, scopes: ['dgfip_rfr', 'cnous_email'] })).toThrow(invalid)
  })

  it('asks the default scopes, or the subset chosen', () => {
    expect(connector.scopes).toEqual([
      'dgfip_annee_n_moins_1',
      'dgfip_rfr',
      'dgfip_nbpart',
      'dgfip_sitfam',
      'dgfip_pac',
      'dgfip_aft',
      'dgfip_decl',
    ])
    expect(impotParticulier({ ...options, scopes: ['dgfip_annee_n_moins_2', 'dgfip_rfr'] }).scopes).toEqual([
      'dgfip_annee_n_moins_2',
      'dgfip_rfr',
    ])
  })

  describe('with dgfipGatewayToken', () => {
    const tokenHost = 'https://gateway.dgfip.test'
    const tokenOptions = { tokenUrl: `${tokenHost}/token`, clientId: 'client-id', clientSecret: 'client-secret' }

    it('fetches a new gateway token once and calls again when the gateway says 900901', async () => {
      const source = dgfipGatewayToken(tokenOptions)
      const tokens = nock(tokenHost)
        .post('/token')
        .reply(200, { access_token: 'old-token', token_type: 'Bearer', expires_in: 3600 })
        .post('/token')
        .reply(200, { access_token: 'new-token', token_type: 'Bearer', expires_in: 3600 })
      const calls = nock(gateway, { reqheaders: { authorization: 'Bearer old-token' } })
        .get(path(2023))
        .reply(401, gatewayError('900901', 'Invalid Credentials'))
      const retried = nock(gateway, { reqheaders: { authorization: 'Bearer new-token' } })
        .get(path(2023))
        .reply(200, swaggerExample)
      const result = await impotParticulier({ ...options, gatewayToken: source }).read({ accessToken: 't' }, { annee: 2023 })
      expect(result.data.revenuFiscalReference).toBe(36705)
      tokens.done()
      calls.done()
      retried.done()
    })

    it('does not loop when the new token is refused too', async () => {
      const source = dgfipGatewayToken(tokenOptions)
      nock(tokenHost).post('/token').times(2).reply(200, { access_token: 'token', token_type: 'Bearer', expires_in: 3600 })
      const scope = nock(gateway).get(path(2023)).times(2).reply(401, gatewayError('900901', 'Invalid Credentials'))
      expect(
        await failure(impotParticulier({ ...options, gatewayToken: source }).read({ accessToken: 't' }, { annee: 2023 })),
      ).toMatchObject({
        code: 'api_unauthorized',
        providerCode: '900901',
      })
      scope.done()
    })

    it('does not fetch a new gateway token when the refusal is about the FranceConnect token', async () => {
      const source = dgfipGatewayToken(tokenOptions)
      const tokens = nock(tokenHost)
        .post('/token')
        .once()
        .reply(200, { access_token: 'token', token_type: 'Bearer', expires_in: 3600 })
      nock(gateway).get(path(2023)).once().reply(401, { error: 'invalid_token' })
      expect(
        await failure(impotParticulier({ ...options, gatewayToken: source }).read({ accessToken: 't' }, { annee: 2023 })),
      ).toMatchObject({
        code: 'api_unauthorized',
        providerCode: 'invalid_token',
      })
      tokens.done()
    })
  })
})

describe('dgfipGatewayToken', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => {
    nock.cleanAll()
    vi.useRealTimers()
  })

  const host = 'https://gw.dgfip.test'
  const tokenOptions = { tokenUrl: `${host}/token`, clientId: 'client-id', clientSecret: 'client-secret' }
  const basic = `Basic ${Buffer.from('client-id:client-secret').toString('base64')}`
  const tokenAnswer = (token: string, expiresIn = 3600) => ({
    access_token: token,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: 'RessourceIR',
  })

  it('asks for client credentials with a form POST and HTTP Basic', async () => {
    const scope = nock(host, { reqheaders: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' } })
      .post('/token', 'grant_type=client_credentials&scope=RessourceIR')
      .reply(200, tokenAnswer('gw-1'))
    await expect(dgfipGatewayToken(tokenOptions)()).resolves.toBe('gw-1')
    scope.done()
  })

  it('sends the scopes given', async () => {
    const scope = nock(host)
      .post(
        '/token',
        (body: Record<string, string>) =>
          body.scope === 'RessourceIR RessourceIRFacture' && body.grant_type === 'client_credentials',
      )
      .reply(200, tokenAnswer('gw-1'))
    await dgfipGatewayToken({ ...tokenOptions, scope: ['RessourceIR', 'RessourceIRFacture'] })()
    scope.done()
  })

  it('caches the token', async () => {
    const scope = nock(host).post('/token').once().reply(200, tokenAnswer('gw-1'))
    const source = dgfipGatewayToken(tokenOptions)
    expect(await source()).toBe('gw-1')
    expect(await source()).toBe('gw-1')
    scope.done()
  })

  it('fetches once for 10 concurrent calls', async () => {
    let requests = 0
    nock(host)
      .post('/token')
      .times(10)
      .delay(50)
      .reply(() => {
        requests++
        return [200, tokenAnswer(`gw-${requests}`)]
      })
    const source = dgfipGatewayToken(tokenOptions)
    const tokens = await Promise.all(Array.from({ length: 10 }, () => source()))
    expect(requests).toBe(1)
    expect(new Set(tokens)).toEqual(new Set(['gw-1']))
  })

  it('fetches a new token shortly before the old one expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-01-01T10:00:00Z'))
    const scope = nock(host)
      .post('/token')
      .reply(200, tokenAnswer('gw-1', 300))
      .post('/token')
      .reply(200, tokenAnswer('gw-2', 300))
    const source = dgfipGatewayToken(tokenOptions)
    expect(await source()).toBe('gw-1')
    vi.setSystemTime(new Date('2025-01-01T10:04:00Z'))
    expect(await source()).toBe('gw-1')
    vi.setSystemTime(new Date('2025-01-01T10:04:31Z'))
    expect(await source()).toBe('gw-2')
    scope.done()
  })

  it('fetches a new token after invalidate()', async () => {
    const scope = nock(host).post('/token').reply(200, tokenAnswer('gw-1')).post('/token').reply(200, tokenAnswer('gw-2'))
    const source = dgfipGatewayToken(tokenOptions)
    expect(await source()).toBe('gw-1')
    source.invalidate()
    expect(await source()).toBe('gw-2')
    scope.done()
  })

  it('maps invalid_client to a token_error, without the secret, and caches no failure', async () => {
    nock(host).post('/token').reply(401, { error: 'invalid_client', error_description: 'Client Authentication failed.' })
    const source = dgfipGatewayToken(tokenOptions)
    const error = await failure(source())
    expect(error).toMatchObject({
      name: 'ProviderError',
      code: 'token_error',
      providerCode: 'invalid_client',
      status: 401,
      retryable: false,
    })
    expect(String(error.message)).not.toContain('client-secret')
    nock(host).post('/token').reply(200, tokenAnswer('gw-1'))
    await expect(source()).resolves.toBe('gw-1')
  })

  it('refuses an answer without a token, or that is not JSON', async () => {
    nock(host).post('/token').reply(200, { token_type: 'Bearer', expires_in: 3600 })
    expect(await failure(dgfipGatewayToken(tokenOptions)())).toMatchObject({ code: 'response_invalid' })
    nock(host).post('/token').reply(200, '<html></html>')
    expect(await failure(dgfipGatewayToken(tokenOptions)())).toMatchObject({ code: 'response_invalid' })
  })

  it('times out', async () => {
    nock(host).post('/token').delay(1000).reply(200, tokenAnswer('gw-1'))
    expect(await failure(dgfipGatewayToken({ ...tokenOptions, timeoutMs: 100 })())).toMatchObject({ code: 'timeout' })
  })

  it('refuses bad options', () => {
    expect(() => dgfipGatewayToken({ ...tokenOptions, tokenUrl: 'http://gw.dgfip.test/token' })).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    )
    expect(() => dgfipGatewayToken({ ...tokenOptions, clientSecret: '' })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
  })
})
