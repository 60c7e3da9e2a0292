import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { statutEtudiantBoursier } from '../../../src/apis/statut-etudiant-boursier/index.js'
import {
  apiParticulierError,
  describeTransportContract,
  failure,
  describeApiParticulierErrors,
} from '../../support/connector-test-kit.js'
import { boursierV3Payload as v3Fixture, boursierV4Payload as v4Fixture } from '../../support/published-payloads.js'

const host = 'https://particulier.api.gouv.fr'
const recipient = '13002526500013'
const v4Path = '/v4/cnous/etudiant_boursier/france_connect'
const v3Path = '/v3/cnous/etudiant_boursier/france_connect'

describe('statut-etudiant-boursier', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  describeTransportContract({
    name: 'statut-etudiant-boursier',
    makeConnector: (transport) => statutEtudiantBoursier({ recipient, ...transport }),
    intercept: () => nock(host).get(v4Path).query(true),
    successBody: v4Fixture,
    tooManyRequests: { body: apiParticulierError('00429', 'Trop de requêtes'), providerCode: '00429' },
    expectOnSuccess: (result) => expect(result.data).toMatchObject({ estBoursier: true }),
  })

  describeApiParticulierErrors({
    makeConnector: (options) => statutEtudiantBoursier(options),
    intercept: () => nock(host).get(v4Path).query(true),
    notFound: { code: '26003', title: "Aucun étudiant boursier n'a pu être trouvé.", provider: 'CNOUS' },
  })

  const connector = statutEtudiantBoursier({ recipient, timeoutMs: 300, retries: 2 })

  it('reads the published v4 payload, sending the FranceConnect token and the recipient', async () => {
    const scope = nock(host, { reqheaders: { authorization: 'Bearer fc-access-token' } })
      .get(v4Path)
      .query({ recipient })
      .reply(200, v4Fixture)
    const result = await connector.read({
      accessToken: 'fc-access-token',
      grantedScopes: ['openid', 'cnous_statut_boursier', 'cnous_email'],
    })
    expect(result).toMatchObject({
      api: 'statut-etudiant-boursier',
      provider: 'CNOUS',
      scopes: ['cnous_statut_boursier', 'cnous_email'],
      data: {
        estBoursier: true,
        estRadie: false,
        dateRadiation: null,
        echelon: { valeur: '5', bourseRegionaleProvisoire: false },
        periodeVersement: { dateRentree: '2020-09-01', dureeMois: 12 },
        etablissement: { nom: 'Camille Jullian', commune: 'Bordeaux' },
        email: 'wossewodda-3728@yopmail.com',
      },
      raw: v4Fixture,
    })
    expect(Date.parse(result.fetchedAt)).not.toBeNaN()
    scope.done()
  })

  it('reads the published v3 payload', async () => {
    nock(host).get(v3Path).query({ recipient }).reply(200, v3Fixture)
    const result = await statutEtudiantBoursier({ recipient, version: 'v3' }).read({ accessToken: 't' })
    expect(result.data).toMatchObject({ estBoursier: true, echelon: { valeur: '5' } })
    expect(result.data.estRadie).toBeUndefined()
  })

  it('accepts an added field', async () => {
    nock(host)
      .get(v4Path)
      .query(true)
      .reply(200, { ...v4Fixture, data: { ...v4Fixture.data, nouveau_champ: 1 } })
    await expect(connector.read({ accessToken: 't' })).resolves.toMatchObject({ data: { estBoursier: true } })
  })

  it('refuses a field of the wrong type, naming its path', async () => {
    const drifted = {
      ...v4Fixture,
      data: { ...v4Fixture.data, periode_versement_bourse: { date_rentree: '2020-09-01', duree: 'douze' } },
    }
    nock(host).get(v4Path).query(true).reply(200, drifted)
    const error = await failure(connector.read({ accessToken: 't' }))
    expect(error).toMatchObject({ code: 'schema_mismatch', path: 'data.periode_versement_bourse.duree' })
  })

  it('refuses an échelon outside its list', async () => {
    const drifted = {
      ...v4Fixture,
      data: { ...v4Fixture.data, echelon_bourse: { echelon: '9', echelon_bourse_regionale_provisoire: false } },
    }
    nock(host).get(v4Path).query(true).reply(200, drifted)
    expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({
      code: 'schema_mismatch',
      path: 'data.echelon_bourse.echelon',
    })
  })
})
