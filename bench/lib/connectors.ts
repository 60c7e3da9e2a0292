/**
 * The connectors fetchAll is measured with, and a payload each answers (taken from the
 * connector's own tests in test/unit/apis/). Connectors are being written while this runs: each
 * adapter is used only when `src/apis/<dir>/index.ts` exists, exports its factory, and a probe call
 * against a loopback server succeeds; connectors that need more than one request or a gateway
 * token (droits-assurance-maladie, impot-particulier, indemnites-journalieres) are not adapted.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AnyConnector } from '../../src/client/connector.js'

export interface ConnectorAdapter {
  /** The folder under src/apis/. */
  dir: string
  /** The factory's export name. */
  factory: string
  /** The factory's options, pointed at `baseUrl`. */
  options(baseUrl: string): Record<string, unknown>
  /** What the loopback server answers (a payload of the connector's tests). */
  payload: unknown
}

const recipient = '13002526500013'

const boursierV4 = {
  data: {
    statut_boursier: { est_boursier: true, est_radie: false, date_radiation: null },
    periode_versement_bourse: { date_rentree: '2020-09-01', duree: 12 },
    etablissement_etudes: { nom_commune: 'Bordeaux', nom_etablissement: 'Camille Jullian' },
    echelon_bourse: { echelon: '5', echelon_bourse_regionale_provisoire: false },
    email: 'wossewodda-3728@yopmail.com ',
  },
  links: {},
  meta: {},
}

/** The boursier adapter: the first connector, and the fallback (several instances, one baseUrl each). */
export const boursierAdapter: ConnectorAdapter = {
  dir: 'statut-etudiant-boursier',
  factory: 'statutEtudiantBoursier',
  options: (baseUrl) => ({ recipient, baseUrl }),
  payload: boursierV4,
}

/** In order of preference. */
export const adapters: readonly ConnectorAdapter[] = [
  boursierAdapter,
  {
    dir: 'statut-etudiant',
    factory: 'statutEtudiant',
    options: (baseUrl) => ({ recipient, baseUrl }),
    payload: {
      data: {
        admissions: [
          {
            date_debut: '2020-07-01',
            date_fin: '2021-08-31',
            est_inscrit: true,
            regime_formation: { libelle: 'formation initiale', code: 'RF1' },
            code_cog_insee_commune: '33063',
            etablissement_etudes: { uai: '0330023W', nom: 'LYCEE GENERAL ET TECHNOLOGIQUE CAMILLE JULLIAN' },
          },
        ],
      },
      links: {},
      meta: {},
    },
  },
  {
    dir: 'complementaire-sante-solidaire',
    factory: 'complementaireSanteSolidaire',
    options: (baseUrl) => ({ recipient, baseUrl }),
    payload: { data: { est_beneficiaire: true, avec_participation: false, date_debut_droit: '2023-02-01' }, links: {}, meta: {} },
  },
  {
    dir: 'revenu-solidarite-active',
    factory: 'revenuSolidariteActive',
    options: (baseUrl) => ({ recipient, baseUrl }),
    payload: { data: { est_beneficiaire: true, avec_majoration: true, date_debut_droit: '2024-03-01' }, links: {}, meta: {} },
  },
  {
    dir: 'quotient-familial',
    factory: 'quotientFamilial',
    options: (baseUrl) => ({ recipient, baseUrl }),
    payload: {
      data: {
        allocataires: [
          { nom_naissance: 'LAURENT', nom_usage: 'MOREAU', prenoms: 'CLAIRE ANNE', date_naissance: '1985-11-03', sexe: 'F' },
          { nom_naissance: 'MOREAU', nom_usage: null, prenoms: 'THOMAS', date_naissance: '1983-04-19', sexe: 'M' },
        ],
        enfants: [{ nom_naissance: 'MOREAU', nom_usage: null, prenoms: 'LUCIE', date_naissance: '2016-06-30', sexe: 'F' }],
        adresse: {
          destinataire: 'Madame MOREAU CLAIRE',
          complement_information: null,
          complement_information_geographique: 'RESIDENCE LES TILLEULS',
          numero_libelle_voie: '12 CHEMIN DES VIGNES',
          lieu_dit: '',
          code_postal_ville: '24000 PERIGUEUX',
          pays: 'FRANCE',
        },
        quotient_familial: { fournisseur: 'MSA', valeur: 812, annee: 2025, mois: 9, annee_calcul: 2025, mois_calcul: 8 },
      },
      links: {},
      meta: {},
    },
  },
  {
    dir: 'france-travail-statut',
    factory: 'franceTravailStatut',
    options: (baseUrl) => ({ baseUrl }),
    payload: {
      etatCivil: {
        civilite: 'MME',
        nom: 'DUBOIS',
        nomUsage: '',
        prenom: 'ANGELA',
        sexe: 'F',
        dateNaissance: '1962-08-24T00:00:00+02:00',
        codeCertificationCNAV: 'VC',
      },
      modalitesContact: { telephone: '0601020304', email: 'angela.dubois@example.fr', codeValiditeEmail: 'V' },
      adresse: {
        ligneNom: 'MME ANGELA DUBOIS',
        ligneComplementAdresse: 'BAT B',
        ligneVoie: '10 RUE DU CENTRE',
        codePostal: '75007',
        localite: 'PARIS',
        inseecommune: '75107',
      },
      situationInscription: {
        dateInscription: '2022-03-04T07:50:43.505Z',
        categorieInscription: 'A',
        libellecategorieInscription: 'Personne sans emploi, tenue de rechercher un emploi',
      },
    },
  },
  {
    dir: 'france-travail-paiements',
    factory: 'franceTravailPaiements',
    options: (baseUrl) => ({ baseUrl }),
    payload: {
      statutInscription: true,
      listePaiement: [
        {
          date_paiement: '2021-05-03T04:00:00+02:00',
          montant_paiement: 1096.78,
          allocations: 1111.35,
          aides: 0.0,
          autres_paiements: 0.0,
        },
        { date_paiement: '2021-06-01T04:00:00+02:00', montant_paiement: 1150, allocations: 1100, aides: 50, autres_paiements: 0 },
      ],
    },
  },
]

/** Whether `src/apis/<dir>/index.ts` exists right now. */
export function connectorPresent(dir: string): boolean {
  return existsSync(fileURLToPath(new URL(`../../src/apis/${dir}/index.ts`, import.meta.url)))
}

/** Builds the adapter's connector, or says why it cannot. */
export async function buildConnector(adapter: ConnectorAdapter, baseUrl: string): Promise<AnyConnector> {
  const module = (await import(`../../src/apis/${adapter.dir}/index.js`)) as Record<string, unknown>
  const factory = module[adapter.factory]
  if (typeof factory !== 'function') throw new Error(`src/apis/${adapter.dir} does not export ${adapter.factory}`)
  return (factory as (options: Record<string, unknown>) => AnyConnector)(adapter.options(baseUrl))
}
