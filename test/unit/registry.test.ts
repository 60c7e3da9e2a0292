import { existsSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { franceTravailPaiements } from '../../src/apis/france-travail-paiements/index.js'
import { franceTravailStatut } from '../../src/apis/france-travail-statut/index.js'
import { statutEtudiantBoursier } from '../../src/apis/statut-etudiant-boursier/index.js'
import type { AnyConnector } from '../../src/registry/connector.js'
import {
  apisForScopes,
  dataScopes,
  defaultIdentityScopes,
  describeScope,
  identityScopes,
  scopesFor,
} from '../../src/registry/index.js'

// Written from reference/franceconnect-protocol.md §9.5, independently of src/registry/data-scopes.ts.
const protocolDataScopes: Record<string, string[]> = {
  DGFiP: [
    'dgfip_rfr',
    'dgfip_nbpart',
    'dgfip_sitfam',
    'dgfip_aft',
    'dgfip_nbpac',
    'dgfip_pac',
    'dgfip_pac_nbPac',
    'dgfip_decl',
    'dgfip_inddeficit',
    'dgfip_pariso',
    'dgfip_annee_n_moins_1',
    'dgfip_annee_n_moins_2',
    'dgfip_annee_n_moins_3',
    'dgfip_annee_n_moins_2_si_indispo_n_moins_1',
    'dgfip_locaux_th',
    'dgfip_locaux_th_ident',
    'dgfip_locaux_th_Nat',
    'dgfip_locaux_th_Tax',
    'dgfip_locaux_th_Aff',
    'dgfip_nmUsaDec1',
    'dgfip_nmUsaDec2',
    'dgfip_nmNaiDec1',
    'dgfip_nmNaiDec2',
    'dgfip_prnmDec1',
    'dgfip_prnmDec2',
    'dgfip_dateNaisDec1',
    'dgfip_dateNaisDec2',
    'dgfip_mntRevbareme',
    'dgfip_indiIFI',
    ...['1_Tspr', '1_RentOn', '2_Rcm', '3_PMV', '4_Ref', '5_NonSal'].flatMap((c) => [
      `dgfip_RevDecl_Cat${c}`,
      `dgfip_RevNets_Cat${c}`,
    ]),
    'dgfip_PaDeduc_EnfMaj',
    'dgfip_PaDeduc_Autres',
    'dgfip_EpargRetrDeduc',
  ],
  CNAM: [
    'droits_assurance_maladie',
    'cnam_beneficiaires',
    'cnam_contrats',
    'cnam_caisse',
    'cnam_exonerations',
    'cnam_medecin_traitant',
    'cnam_presence_medecin_traitant',
    'cnam_paiements_ij',
  ],
  CNOUS: [
    'cnous_statut_boursier',
    'cnous_echelon_bourse',
    'cnous_email',
    'cnous_periode_versement',
    'cnous_statut_bourse',
    'cnous_ville_etudes',
    'cnous_identite',
  ],
  MESRI: [
    'mesri_identite',
    'mesri_admissions',
    'mesri_admission_inscrit',
    'mesri_admission_regime_formation',
    'mesri_admission_commune_etudes',
    'mesri_admission_etablissement_etude',
  ],
  MI: ['mi_siv_carte_grise'],
  'France Travail': ['api_fc-liste-paiementsv1', 'api_fc-statutaugmentev1'],
  DSS: ['complementaire_sante_solidaire'],
  DSNJ: ['dsnj_statut_service_national'],
  'CNAF/MSA': [
    'allocation_adulte_handicape',
    'allocation_soutien_familial',
    'prime_activite',
    'prime_activite_majoration',
    'cnaf_quotient_familial',
    'cnaf_allocataires',
    'cnaf_enfants',
    'cnaf_adresse',
    'revenu_solidarite_active',
    'revenu_solidarite_active_majoration',
  ],
  ANTS: [
    'identite_particulier',
    'adresse_particulier',
    'statut_rattachement',
    'donnees_immatriculation_vehicule',
    'caracteristiques_techniques_vehicule',
  ].map((s) => `ants_extrait_immatriculation_vehicule_${s}`),
  ASC: ['statut_actuel', 'statut_passe', 'organisme_accueil', 'dates'].map((s) => `gip_mds_service_civique_${s}`),
}
const allProtocolScopes = Object.values(protocolDataScopes).flat()

const fakeConnector = (id: string, scopes: string[], requiredScopes?: string[]): AnyConnector => ({
  id,
  provider: 'test',
  scopes,
  ...(requiredScopes ? { requiredScopes } : {}),
  read: () => Promise.reject(new Error('not called')),
})

describe('data scope registry', () => {
  it('knows every data scope of protocol §9.5, and no other', () => {
    // 44 DGFiP + 8 CNAM + 7 CNOUS + 6 MESRI + 1 MI + 2 France Travail + 1 DSS + 1 DSNJ + 10 CNAF/MSA + 5 ANTS + 4 ASC
    expect(allProtocolScopes).toHaveLength(89)
    expect(new Set(allProtocolScopes).size).toBe(allProtocolScopes.length)
    expect(dataScopes.map((s) => s.scope).sort()).toEqual([...allProtocolScopes].sort())
  })

  it('gives each scope the provider §9.5 groups it under', () => {
    for (const [provider, scopes] of Object.entries(protocolDataScopes)) {
      for (const scope of scopes) expect(describeScope(scope), scope).toMatchObject({ kind: 'data', provider })
    }
  })

  it('has a French label for every scope, and says where it comes from', () => {
    for (const entry of dataScopes) {
      expect(entry.label.length, entry.scope).toBeGreaterThan(3)
      expect(entry.label, entry.scope).not.toMatch(/\b(?:the|of|and|if|unavailable|available)\b/i)
      expect(['reference', 'derived']).toContain(entry.labelSource)
      if (entry.fields.length === 0) expect(entry.fieldsNote, entry.scope).toBeTruthy()
    }
    expect(describeScope('dgfip_rfr')?.label).toBe('Revenu fiscal de référence')
    expect(describeScope('cnam_caisse')?.label).toBe('Votre caisse gestionnaire')
  })

  it('maps FranceConnect+ to the CNAM, CNOUS and DGFiP scopes only', () => {
    for (const entry of dataScopes) {
      const plus = ['CNAM', 'CNOUS', 'DGFiP'].includes(entry.provider)
      expect(entry.platforms.includes('franceconnect-plus'), entry.scope).toBe(plus)
      expect(entry.platforms, entry.scope).toContain('franceconnect')
    }
  })

  it('names the SDK connector of each scope, and none for the APIs the SDK does not cover', () => {
    const expected: Record<string, string | undefined> = {
      dgfip_rfr: 'impot-particulier',
      dgfip_locaux_th_Aff: 'impot-particulier',
      droits_assurance_maladie: 'droits-assurance-maladie',
      cnam_paiements_ij: 'indemnites-journalieres',
      mesri_admissions: 'statut-etudiant',
      cnous_echelon_bourse: 'statut-etudiant-boursier',
      complementaire_sante_solidaire: 'complementaire-sante-solidaire',
      revenu_solidarite_active: 'revenu-solidarite-active',
      cnaf_quotient_familial: 'quotient-familial',
      'api_fc-statutaugmentev1': 'france-travail-statut',
      'api_fc-liste-paiementsv1': 'france-travail-paiements',
      mi_siv_carte_grise: undefined,
      dsnj_statut_service_national: undefined,
      prime_activite: undefined,
      allocation_adulte_handicape: undefined,
      ants_extrait_immatriculation_vehicule_identite_particulier: undefined,
      gip_mds_service_civique_dates: undefined,
    }
    for (const [scope, api] of Object.entries(expected)) expect(describeScope(scope)?.api, scope).toBe(api)
  })

  it('agrees with the connectors written so far: each of their scopes names them', () => {
    const connectors = [
      franceTravailStatut({ baseUrl: 'https://ft.example.fr' }),
      franceTravailPaiements({ baseUrl: 'https://ft.example.fr' }),
      statutEtudiantBoursier({ recipient: '13002526500013' }),
    ]
    for (const connector of connectors) {
      for (const scope of connector.scopes) expect(describeScope(scope), scope).toMatchObject({ kind: 'data', api: connector.id })
    }
  })

  it('agrees with every connector folder present: each scope a connector exports names it', async () => {
    const root = new URL('../../src/apis/', import.meta.url)
    const folders = readdirSync(root).filter((name) => name !== 'shared' && existsSync(new URL(`${name}/index.ts`, root)))
    expect(folders).toContain('france-travail-statut')
    for (const folder of folders) {
      const module = (await import(new URL(`${folder}/index.ts`, root).href)) as Record<string, unknown>
      const lists = Object.entries(module).filter(
        ([name, value]) => name.endsWith('Scopes') && Array.isArray(value) && value.every((item) => typeof item === 'string'),
      )
      expect(lists.length, folder).toBeGreaterThan(0)
      for (const [, list] of lists) {
        for (const scope of list as string[])
          expect(describeScope(scope), `${folder}: ${scope}`).toMatchObject({ kind: 'data', api: folder })
      }
    }
  })

  it('lists the response fields from the APIs reference', () => {
    expect(describeScope('api_fc-liste-paiementsv1')?.fields).toEqual(['statutInscription', 'listePaiement'])
    expect(describeScope('api_fc-statutaugmentev1')?.fields).toEqual([
      'etatCivil',
      'modalitesContact',
      'adresse',
      'situationInscription',
    ])
    expect(describeScope('complementaire_sante_solidaire')?.fields).toEqual([
      'est_beneficiaire',
      'avec_participation',
      'date_debut_droit',
    ])
    expect(describeScope('cnam_paiements_ij')?.fields).toEqual([])
  })
})

describe('describeScope', () => {
  it('describes identity scopes in French, with their claims', () => {
    expect(describeScope('identite_pivot')).toMatchObject({
      scope: 'identite_pivot',
      kind: 'identity',
      label: expect.stringContaining('Identité pivot'),
      claims: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
    })
    expect(describeScope('openid')).toMatchObject({ kind: 'identity', claims: ['sub'] })
    expect(describeScope('email')?.label).toBe('Adresse électronique')
    for (const { scope } of identityScopes) {
      const description = describeScope(scope)
      expect(description?.kind, scope).toBe('identity')
      expect(description?.provider).toBeUndefined()
      expect(description?.fields).toBeUndefined()
    }
  })

  it('describes data scopes with provider, connector and fields, without claims', () => {
    const description = describeScope('cnous_echelon_bourse')
    expect(description).toMatchObject({
      scope: 'cnous_echelon_bourse',
      label: 'Échelon de la bourse',
      kind: 'data',
      provider: 'CNOUS',
      api: 'statut-etudiant-boursier',
      fields: ['echelon_bourse'],
    })
    expect(description?.claims).toBeUndefined()
  })

  it('returns undefined for an unknown scope', () => {
    expect(describeScope('unknown_scope')).toBeUndefined()
    expect(describeScope('')).toBeUndefined()
    expect(describeScope('address')).toBeUndefined() // removed in FranceConnect v2
  })

  it('returns a copy that the caller cannot use to change the registry', () => {
    const first = describeScope('dgfip_rfr') as { label: string }
    first.label = 'changed'
    expect(describeScope('dgfip_rfr')?.label).toBe('Revenu fiscal de référence')
  })
})

describe('scopesFor', () => {
  const statut = franceTravailStatut({ baseUrl: 'https://ft.example.fr' })
  const paiements = franceTravailPaiements({ baseUrl: 'https://ft.example.fr' })
  const boursier = statutEtudiantBoursier({
    recipient: '13002526500013',
    scopes: ['cnous_statut_boursier', 'cnous_echelon_bourse'],
  })

  it('asks openid, the pivot identity, then the connectors’ data scopes, in order', () => {
    expect(defaultIdentityScopes).toEqual(['identite_pivot'])
    expect(scopesFor([statut, boursier, paiements])).toEqual([
      'openid',
      'identite_pivot',
      'api_fc-statutaugmentev1',
      'cnous_statut_boursier',
      'cnous_echelon_bourse',
      'api_fc-liste-paiementsv1',
    ])
  })

  it('asks nothing that no connector or identity rule asked, each scope once', () => {
    const scopes = scopesFor([statut, statut, paiements, { scopes: ['api_fc-statutaugmentev1'] }], {
      identity: ['openid', 'given_name', 'given_name'],
    })
    expect(scopes).toEqual(['openid', 'given_name', 'api_fc-statutaugmentev1', 'api_fc-liste-paiementsv1'])
    expect(new Set(scopes).size).toBe(scopes.length)
    const asked = new Set(['openid', 'given_name', ...statut.scopes, ...paiements.scopes])
    for (const scope of scopes) expect(asked.has(scope), scope).toBe(true)
  })

  it('puts openid first even when the identity scopes name it later', () => {
    expect(scopesFor([], { identity: ['family_name', 'openid'] })).toEqual(['openid', 'family_name'])
    expect(scopesFor([], { identity: [] })).toEqual(['openid'])
    expect(scopesFor([])).toEqual(['openid', 'identite_pivot'])
  })

  it('keeps a connector’s reduced scope list (data minimisation)', () => {
    expect(scopesFor([boursier])).not.toContain('cnous_email')
  })
})

describe('apisForScopes', () => {
  const statut = franceTravailStatut({ baseUrl: 'https://ft.example.fr' })
  const paiements = franceTravailPaiements({ baseUrl: 'https://ft.example.fr' })
  const boursier = statutEtudiantBoursier({ recipient: '13002526500013' })

  it('picks the connectors whose scopes were granted', () => {
    expect(apisForScopes(['openid', 'identite_pivot', 'api_fc-statutaugmentev1'], [statut, paiements, boursier])).toEqual([
      statut,
    ])
    expect(apisForScopes(['openid', 'api_fc-liste-paiementsv1', 'api_fc-statutaugmentev1'], [statut, paiements])).toEqual([
      statut,
      paiements,
    ])
    expect(apisForScopes(['openid', 'identite_pivot'], [statut, paiements, boursier])).toEqual([])
  })

  it('takes a connector with at least one of its scopes when it names none required', () => {
    expect(apisForScopes(['cnous_email'], [statut, boursier])).toEqual([boursier])
  })

  it('requires all of a connector’s requiredScopes when it names some', () => {
    const strict = fakeConnector('strict', ['a', 'b', 'c'], ['a', 'b'])
    const loose = fakeConnector('loose', ['a', 'b', 'c'])
    expect(apisForScopes(['a'], [strict, loose])).toEqual([loose])
    expect(apisForScopes(['a', 'b'], [strict, loose])).toEqual([strict, loose])
    expect(apisForScopes(['c'], [strict, loose])).toEqual([loose])
  })
})
