/**
 * Issue 14: each real answer that used to be refused whole, or to lose data, through its connector:
 * partial dates, numbers as strings, optional payment fields, the flat CNOUS v4 shape, RSA's end of
 * right. The payloads are in test/support/published-payloads.ts, each with the spec it follows.
 */
import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { franceTravailPaiements } from '../../../src/apis/france-travail-paiements/index.js'
import { impotParticulier } from '../../../src/apis/impot-particulier/index.js'
import { quotientFamilial } from '../../../src/apis/quotient-familial/index.js'
import { revenuSolidariteActive } from '../../../src/apis/revenu-solidarite-active/index.js'
import { statutEtudiantBoursier } from '../../../src/apis/statut-etudiant-boursier/index.js'
import { failure } from '../../support/connector-test-kit.js'
import {
  boursierV4FlatPayload,
  franceTravailPaiementsPartialPayload,
  impotParticulierNumericStringsPayload,
  quotientFamilialPartialDatesPayload,
  revenuSolidariteActiveWithEndPayload,
} from '../../support/published-payloads.js'

const particulier = 'https://particulier.api.gouv.fr'
const recipient = '13002526500013'
const context = { accessToken: 't' }

describe('issue 14: answers the specs allow', () => {
  beforeAll(() => nock.disableNetConnect())
  afterEach(() => nock.cleanAll())

  it('quotient familial: children born 2020-00-00 and 2022-05-00 read as 2020 and 2022-05', async () => {
    nock(particulier).get('/v3/dss/quotient_familial/france_connect').query(true).reply(200, quotientFamilialPartialDatesPayload)
    const { data, warnings } = await quotientFamilial({ recipient }).read(context)
    expect(data.enfants?.map((enfant) => enfant.dateNaissance)).toEqual(['2016-06-30', '2020', '2022-05'])
    expect(warnings).toBeUndefined()
  })

  it('quotient familial: a date that is not one, even partly, stays a schema_mismatch naming its path', async () => {
    const broken = structuredClone(quotientFamilialPartialDatesPayload)
    ;(broken.data.enfants[1] as { date_naissance: string }).date_naissance = '2020-00-12'
    nock(particulier).get('/v3/dss/quotient_familial/france_connect').query(true).reply(200, broken)
    expect(await failure(quotientFamilial({ recipient }).read(context))).toMatchObject({
      code: 'schema_mismatch',
      path: 'data.enfants.1.date_naissance',
    })
  })

  it('impôt particulier: numbers sent as strings read as numbers, each recorded in warnings; a 00 birth day shortens the date', async () => {
    const connector = impotParticulier({ baseUrl: 'https://gateway.dgfip.test', gatewayToken: 'g', idTeleservice: 'id' })
    nock('https://gateway.dgfip.test')
      .get('/impotparticulier/1.0/situations/ir/assiettes/annrev/2023')
      .reply(200, impotParticulierNumericStringsPayload)
    const result = await connector.read(context, { annee: 2023 })
    expect(result.data).toMatchObject({
      revenuFiscalReference: 15000,
      nombreParts: 2.5,
      nombrePersonnesACharge: 1,
      declarants: [{ rang: 1, nomNaissance: 'DUBOIS', dateNaissance: '1962-08' }],
    })
    expect(result.warnings).toEqual(['rfr', 'nbPart', 'pac.nbPac'].map((path) => `numeric_string: ${path}`))
    expect(JSON.stringify(result.warnings)).not.toContain('15000')
    expect(result.raw).toEqual(impotParticulierNumericStringsPayload)
  })

  it('France Travail paiements: a payment without aides and autres_paiements, allocations null, is kept with what it has', async () => {
    const connector = franceTravailPaiements({ baseUrl: 'https://api.emploi-store.fr' })
    nock('https://api.emploi-store.fr').get('/partenaire/fc-liste-paiements/v1/').reply(200, franceTravailPaiementsPartialPayload)
    const { data } = await connector.read(context)
    expect(data).toEqual({ inscrit: true, paiements: [{ date: '2021-05-03', montant: 1096.78 }] })
  })

  it('CNOUS v4: the flat status is read as the nested one is', async () => {
    nock(particulier).get('/v4/cnous/etudiant_boursier/france_connect').query(true).reply(200, boursierV4FlatPayload)
    const { data } = await statutEtudiantBoursier({ recipient }).read(context)
    expect(data).toMatchObject({ estBoursier: true, estRadie: true, dateRadiation: '2024-03' })
  })

  it('CNOUS v4: a flat status that contradicts the nested one is refused at the flat field', async () => {
    const both = {
      ...boursierV4FlatPayload,
      data: {
        ...boursierV4FlatPayload.data,
        statut_boursier: { est_boursier: false, est_radie: true, date_radiation: '2024-03-00' },
      },
    }
    nock(particulier).get('/v4/cnous/etudiant_boursier/france_connect').query(true).reply(200, both)
    expect(await failure(statutEtudiantBoursier({ recipient }).read(context))).toMatchObject({
      code: 'schema_mismatch',
      path: 'data.est_boursier',
    })
  })

  it('RSA: date_fin_droit, sent though not in the spec, is normalised', async () => {
    nock(particulier)
      .get('/v3/dss/revenu_solidarite_active/france_connect')
      .query(true)
      .reply(200, revenuSolidariteActiveWithEndPayload)
    const { data } = await revenuSolidariteActive({ recipient }).read(context)
    expect(data).toEqual({
      estBeneficiaire: true,
      avecMajoration: false,
      dateDebutDroit: '2024-03-01',
      dateFinDroit: '2025-02-28',
    })
  })
})
