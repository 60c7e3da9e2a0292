import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { droitsAssuranceMaladie } from '../../../src/apis/droits-assurance-maladie/index.js'
import { describeTransportContract, failure } from '../../support/connector-test-kit.js'

const host = 'https://partenaires.api.ameli.fr'
const base = '/test/v1/droits/beneficiaires'
const nirAssure = '262087510700000'
const nirEnfant = '195012345600000'

// Built from the published spec's example values (reference/franceconnect-apis.md §3.4) and the FC
// sandbox identity (§10); the NIRs are fictitious.
const me = {
  nir: nirAssure,
  nom_famille: 'DUBOIS',
  nom_usage: 'MARTIN',
  prenom: 'Angela',
  date_naissance: '1962-08-24',
  qualite: 'assure',
  rang_naissance: 1,
  medecin_traitant_choisi: false,
  presence_CMUC_ACS: false,
}
const enfant = {
  nir: nirEnfant,
  nom_famille: 'MARTIN',
  nom_usage: null,
  prenom: 'Lou',
  date_naissance: '2010-05-12',
  qualite: 'enfant',
  rang_naissance: 1,
  medecin_traitant_choisi: true,
  presence_CMUC_ACS: false,
}
const beneficiaires = [me, enfant]
const contrat = {
  date_debut: '2020-01-15',
  date_fin: '2025-01-15',
  details: { code_type_contrat: 'BASE', libelle_type_contrat: 'Droits de base (contrat sans spécificité)' },
  nature_assurance: 'AMO',
  periodes_droits: [{ date_debut: '2021-01-01', date_fin: '2022-01-01' }],
}

/** The two first calls answered with the given payloads. */
function persons(payloadMe: object = me, payloadList: object = beneficiaires) {
  return nock(host)
    .get(`${base}/me`)
    .query(true)
    .reply(200, payloadMe)
    .get(`${base}/me/beneficiaires`)
    .query(true)
    .reply(200, payloadList)
}

describe('droits-assurance-maladie', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  const options = { env: 'test' as const, apiKey: 'cnam-key', timeoutMs: 300, retries: 2 }

  // The contract's route is /me; /me/beneficiaires, called alongside, answers; no contracts call.
  describeTransportContract({
    name: 'droits-assurance-maladie',
    makeConnector: (transport) => droitsAssuranceMaladie({ ...options, apiKey: 'secret-key', contrats: false, ...transport }),
    intercept: () => nock(host).get(`${base}/me`),
    alongside: () => nock(host).get(`${base}/me/beneficiaires`).reply(200, []),
    successBody: me,
    neverInHooks: ['secret-key', nirAssure],
    expectOnSuccess: (result) => expect(result.data).toMatchObject({ assure: { prenom: 'Angela' }, beneficiaires: [] }),
  })

  const connector = droitsAssuranceMaladie(options)
  const twoCalls = droitsAssuranceMaladie({ ...options, contrats: false })

  it('reads the insured person, the beneficiaries and their contracts, sending the two credentials', async () => {
    const headers = { authorization: 'Bearer fc-access-token', 'x-api-key': 'cnam-key' }
    const query = { dateDebut: '2025-06-01', dateFin: '2026-05-31' }
    const first = nock(host, { reqheaders: headers, badheaders: ['nir'] })
      .get(`${base}/me`)
      .query(query)
      .reply(200, me)
      .get(`${base}/me/beneficiaires`)
      .query(query)
      .reply(200, beneficiaires)
    const contratsAssure = nock(host, { reqheaders: { ...headers, nir: nirAssure } })
      .get(`${base}/contrats`)
      .query(query)
      .reply(200, [contrat])
    const contratsEnfant = nock(host, { reqheaders: { ...headers, nir: nirEnfant } })
      .get(`${base}/contrats`)
      .query(query)
      .reply(200, [])
    const result = await connector.read(
      { accessToken: 'fc-access-token', grantedScopes: ['openid', 'droits_assurance_maladie'] },
      query,
    )
    const expectedContrat = {
      natureAssurance: 'AMO',
      dateDebut: '2020-01-15',
      dateFin: '2025-01-15',
      codeType: 'BASE',
      libelleType: 'Droits de base (contrat sans spécificité)',
      periodesDroits: [{ dateDebut: '2021-01-01', dateFin: '2022-01-01' }],
    }
    expect(result).toMatchObject({
      api: 'droits-assurance-maladie',
      provider: 'CNAM',
      scopes: ['droits_assurance_maladie'],
      raw: { me, beneficiaires, contrats: [[contrat], []] },
    })
    expect(result.data).toEqual({
      assure: {
        qualite: 'assure',
        nir: nirAssure,
        nomFamille: 'DUBOIS',
        nomUsage: 'MARTIN',
        prenom: 'Angela',
        dateNaissance: '1962-08-24',
        rangNaissance: 1,
        medecinTraitantChoisi: false,
        presenceCmucAcs: false,
        contrats: [expectedContrat],
      },
      beneficiaires: [
        expect.objectContaining({ qualite: 'assure', contrats: [expectedContrat] }),
        {
          qualite: 'enfant',
          nir: nirEnfant,
          nomFamille: 'MARTIN',
          prenom: 'Lou',
          dateNaissance: '2010-05-12',
          rangNaissance: 1,
          medecinTraitantChoisi: true,
          presenceCmucAcs: false,
          contrats: [],
        },
      ],
    })
    expect(Date.parse(result.fetchedAt)).not.toBeNaN()
    first.done()
    contratsAssure.done()
    contratsEnfant.done()
  })

  it('calls /me and /me/beneficiaires in parallel, and only them with contrats: false', async () => {
    let inFlight = 0
    let most = 0
    const counting: typeof fetch = async (input, init) => {
      inFlight++
      most = Math.max(most, inFlight)
      try {
        return await fetch(input, init)
      } finally {
        inFlight--
      }
    }
    const scope = nock(host)
      .get(`${base}/me`)
      .delay(100)
      .reply(200, me)
      .get(`${base}/me/beneficiaires`)
      .delay(100)
      .reply(200, beneficiaires)
    const result = await twoCalls.read({ accessToken: 't', fetch: counting })
    expect(most).toBe(2)
    expect(result.data.assure).not.toHaveProperty('contrats')
    expect(result.raw).toEqual({ me, beneficiaires })
    scope.done()
  })

  it('sends no date it was not given', async () => {
    const scope = nock(host).get(`${base}/me`).query({}).reply(200, me).get(`${base}/me/beneficiaires`).query({}).reply(200, [])
    await twoCalls.read({ accessToken: 't' })
    scope.done()
  })

  it('accepts an added field', async () => {
    persons({ ...me, nouveau_champ: 'x' }, [{ ...enfant, autre: { a: 1 } }])
    await expect(twoCalls.read({ accessToken: 't' })).resolves.toMatchObject({ data: { assure: { qualite: 'assure' } } })
  })

  it.each([
    ['me.qualite', { ...me, qualite: 'cousin' }, beneficiaires],
    ['me.medecin_traitant_choisi', { ...me, medecin_traitant_choisi: 'false' }, beneficiaires],
    ['beneficiaires.1.date_naissance', me, [me, { ...enfant, date_naissance: '12/05/2010' }]],
    ['beneficiaires.0.rang_naissance', me, [{ ...me, rang_naissance: 'premier' }]],
    ['beneficiaires', me, { beneficiaires }],
  ])('refuses a wrong type at %s, naming the path', async (where, payloadMe, payloadList) => {
    persons(payloadMe, payloadList)
    expect(await failure(twoCalls.read({ accessToken: 't' }))).toMatchObject({ code: 'schema_mismatch', path: where })
  })

  it('refuses a contract of the wrong type, naming its index and never the NIR', async () => {
    persons(me, [me])
    nock(host)
      .get(`${base}/contrats`)
      .reply(200, [{ ...contrat, periodes_droits: [{ date_debut: '2021-01-01', date_fin: 20220101 }] }])
    const error = await failure(connector.read({ accessToken: 't' }))
    expect(error).toMatchObject({ code: 'schema_mismatch', path: 'contrats.0.0.periodes_droits.0.date_fin' })
    expect(String(error.message)).not.toContain(nirAssure)
  })

  it('fetches the contracts once per NIR, and not for a person without one', async () => {
    persons(me, [me, { ...enfant, nir: null }])
    const scope = nock(host, { reqheaders: { nir: nirAssure } })
      .get(`${base}/contrats`)
      .once()
      .reply(200, [contrat])
    const { data } = await connector.read({ accessToken: 't' })
    expect(data.assure.contrats).toHaveLength(1)
    expect(data.beneficiaires[1]).not.toHaveProperty('contrats')
    scope.done()
  })

  it('fails the whole result when one call fails (no half-filled result)', async () => {
    nock(host).get(`${base}/me`).reply(200, me).get(`${base}/me/beneficiaires`).reply(404, { error: 'not_found' })
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ code: 'api_not_found', status: 404 })
  })

  it('fails the whole result when a contracts call fails, aborting the others', async () => {
    persons()
    nock(host, { reqheaders: { nir: nirAssure } })
      .get(`${base}/contrats`)
      .reply(403, { error: 'forbidden' })
    nock(host, { reqheaders: { nir: nirEnfant } })
      .get(`${base}/contrats`)
      .delay(250)
      .reply(200, [contrat])
    // how the still-running call ends: aborted at once, or answered 250 ms later
    let sibling = 'running'
    const recording: typeof fetch = (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init)
      const call = fetch(input, init)
      if (request.headers.get('nir') === nirEnfant) {
        call.then(
          () => (sibling = 'answered'),
          (error: unknown) => (sibling = (error as Error).name),
        )
      }
      return call
    }
    expect(await failure(connector.read({ accessToken: 't', fetch: recording }))).toMatchObject({
      code: 'api_forbidden',
      status: 403,
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(sibling).toBe('AbortError')
  })

  it('maps 401 (expired FranceConnect token)', async () => {
    nock(host)
      .get(`${base}/me`)
      .reply(401, { error: 'invalid_token', error_description: 'token expired' })
      .get(`${base}/me/beneficiaires`)
      .reply(401, { error: 'invalid_token', error_description: 'token expired' })
    expect(await failure(connector.read({ accessToken: 'expired' }))).toMatchObject({
      code: 'api_unauthorized',
      status: 401,
      providerCode: 'invalid_token',
      retryable: false,
    })
  })

  it('maps 404 (unknown insured person)', async () => {
    nock(host).get(`${base}/me`).reply(404).get(`${base}/me/beneficiaires`).reply(404)
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ code: 'api_not_found', status: 404 })
  })

  it.each([
    ['a date that does not exist', { dateDebut: '2025-02-30' }],
    ['a French date', { dateDebut: '01/02/2025' }],
    ['a date-time', { dateFin: '2025-02-01T00:00:00Z' }],
    ['a number', { dateDebut: 20250201 }],
    ['an end before the start', { dateDebut: '2025-06-01', dateFin: '2025-05-31' }],
  ])('refuses %s before any request', async (_what, params) => {
    expect(await failure(connector.read({ accessToken: 't' }, params as never))).toMatchObject({
      name: 'ParameterError',
      code: 'parameter_invalid',
    })
  })

  it('refuses bad options at the factory', () => {
    const invalid = expect.objectContaining({ code: 'configuration_invalid' })
    expect(() => droitsAssuranceMaladie({ apiKey: 'k' })).toThrow(invalid)
    expect(() => droitsAssuranceMaladie({ env: 'test', apiKey: '' })).toThrow(invalid)
    expect(() => droitsAssuranceMaladie({ baseUrl: 'http://cnam.example.fr/v1', apiKey: 'k' })).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    )
    expect(() => droitsAssuranceMaladie({ env: 'test', apiKey: 'k', scopes: ['dgfip_rfr'] })).toThrow(invalid)
  })

  it('asks droits_assurance_maladie by default and requires it when asked', () => {
    expect(connector.scopes).toEqual(['droits_assurance_maladie'])
    expect(connector.requiredScopes).toEqual(['droits_assurance_maladie'])
    const finer = droitsAssuranceMaladie({ ...options, scopes: ['cnam_beneficiaires'] })
    expect(finer.requiredScopes).toBeUndefined()
  })

  it('uses the base URL given, for production', async () => {
    const scope = nock('https://api.cnam.example.fr')
      .get('/v1/droits/beneficiaires/me')
      .reply(200, me)
      .get('/v1/droits/beneficiaires/me/beneficiaires')
      .reply(200, [])
    await droitsAssuranceMaladie({
      baseUrl: 'https://api.cnam.example.fr/v1/droits/beneficiaires/',
      apiKey: 'k',
      contrats: false,
    }).read({ accessToken: 't' })
    scope.done()
  })

  it('reports to hooks without the token, the key or a NIR', async () => {
    const events: unknown[] = []
    persons()
    nock(host).get(`${base}/contrats`).times(2).reply(200, [])
    await droitsAssuranceMaladie({
      ...options,
      apiKey: 'secret-key',
      hooks: { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e) },
    }).read({
      accessToken: 'secret-fc-token',
    })
    expect(events).toHaveLength(8)
    expect(JSON.stringify(events)).not.toMatch(new RegExp(`secret-|${nirAssure}|${nirEnfant}`))
  })
})
