/**
 * Households: Hélène ROUSSEAU (married taxpayer, two children, insured with beneficiaries, sick-leave
 * payments) and Nadia HAMIDI (single parent: C2S, RSA majoré, quotient familial from the MSA).
 */
import type { JsonObject, SandboxData, SandboxIdentity } from '../types.js'
import type { Calendar } from './calendar.js'
import { c2s, caisse, droitsDeBase, quotient } from './records.js'

/** Mariée, two children, two declarants: the last three years of income. */
function heleneTaxes(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  const situation = (rfr: number, impot: number): JsonObject => ({
    rfr,
    sitFam: 'M',
    nbPart: 3,
    pac: { nbPac: 2, nbPacF: 2, nbPacG: 0, nbPacH: 0, nbPacI: 0, nbPacJ: 0, nbPacN: 0, nbPacP: 0, nbPacR: 0 },
    nmNaiDec1: 'ROUSSEAU',
    nmUsaDec1: null,
    prnmDec1: 'HELENE',
    dateNaisDec1: { jour: '12', mois: '06', annee: '1987' },
    dptNaissDec1: '69',
    lieuNaissDec1: 'LYON',
    nmNaiDec2: 'ROUSSEAU',
    nmUsaDec2: null,
    prnmDec2: 'MARC',
    dateNaisDec2: { jour: '02', mois: '03', annee: '1986' },
    dptNaissDec2: '69',
    lieuNaissDec2: 'LYON',
    aft: '14 QUAI SAINT-VINCENT 69001 LYON',
    aftDetail: { complementAdresse: null, voie: '14 QUAI SAINT-VINCENT', getcommune: 'LYON', getcodePostal: '69001 LYON' },
    revenuBrutGlobal: rfr + 2100,
    revImposable: rfr + 2100,
    mntRevbareme: impot,
    impAvImput: impot,
    montTotIr: impot,
    rev: {
      tspr: [
        { code: '1AJ', valeur: '39800' },
        { code: '1BJ', valeur: String(rfr - 37700) },
      ],
    },
  })
  return {
    'impot-particulier': {
      [last]: situation(72450, 3120),
      [last - 1]: situation(69880, 2890),
      [last - 2]: situation(66120, 2640),
    },
  }
}

/** Insured with her husband and their two sons; a maternity exemption. */
function heleneInsurance(calendar: Calendar): SandboxData {
  const nir = '287066912308883'
  const nirMarc = '186036912305471'
  const nirJules = '115066912307189'
  const nirLouis = '118086912302223'
  const beneficiaire = (nirOf: string, prenom: string, dateNaissance: string, qualite: string, rang: number): JsonObject => ({
    nir: nirOf,
    nom_famille: 'ROUSSEAU',
    nom_usage: null,
    prenom,
    date_naissance: dateNaissance,
    qualite,
    rang_naissance: rang,
    medecin_traitant_choisi: qualite !== 'enfant',
    presence_CMUC_ACS: false,
  })
  return {
    'droits-assurance-maladie': {
      me: beneficiaire(nir, 'HELENE', '1987-06-12', 'assure', 1),
      beneficiaires: [
        beneficiaire(nirMarc, 'MARC', '1986-03-02', 'conjoint', 1),
        beneficiaire(nirJules, 'JULES', '2015-06-20', 'enfant', 1),
        beneficiaire(nirLouis, 'LOUIS', '2018-08-03', 'enfant', 1),
      ],
      contrats: {
        [nir]: [droitsDeBase('2009-09-01', calendar)],
        [nirMarc]: [droitsDeBase('2008-07-01', calendar)],
        [nirJules]: [droitsDeBase('2015-06-20', calendar)],
        [nirLouis]: [droitsDeBase('2018-08-03', calendar)],
      },
      caisse: caisse('01691', 'CPAM du Rhône', { numero: '276', type: 'cours', nom: 'Émile Zola' }, '69100', 'Villeurbanne'),
      exonerations: [
        {
          date_debut: '2018-01-15',
          date_fin: '2018-11-20',
          maternite: { date_presumee_grossesse: '2017-11-20', date_reelle_accouchement: '2018-08-03' },
          motif: { code: 'MAT', libelle: 'Maternité', libelle_long: 'Assurance maternité' },
        },
      ],
    },
  }
}

/** Three sick-leave payments last autumn. */
function heleneSickPay(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  return {
    'indemnites-journalieres': {
      paiements: [
        {
          date_debut: `${last}-09-01`,
          date_fin: `${last}-09-30`,
          montant_journalier: 89.03,
          nombre_jours: 30,
          montant_brut: 2670.9,
          montant_csg: 176.28,
          montant_crds: 13.35,
          montant_net: 2481.27,
          date_paiement: `${last}-10-04`,
        },
        {
          date_debut: `${last}-10-01`,
          date_fin: `${last}-10-31`,
          montant_journalier: 89.03,
          nombre_jours: 31,
          montant_brut: 2759.93,
          montant_csg: 182.16,
          montant_crds: 13.8,
          montant_net: 2563.97,
          date_paiement: `${last}-11-05`,
        },
        {
          date_debut: `${last}-11-01`,
          date_fin: `${last}-11-15`,
          montant_journalier: 89.03,
          nombre_jours: 15,
          montant_brut: 1335.45,
          montant_csg: 88.14,
          montant_crds: 6.68,
          montant_net: 1240.63,
          date_paiement: `${last}-11-20`,
        },
      ],
    },
  }
}

/** No C2S, no RSA; a quotient familial from the CNAF, as a couple. */
function heleneFamily(calendar: Calendar): SandboxData {
  return {
    'complementaire-sante-solidaire': { est_beneficiaire: false, avec_participation: null, date_debut_droit: null },
    'revenu-solidarite-active': { est_beneficiaire: false, avec_majoration: null, date_debut_droit: null },
    'quotient-familial': {
      quotient_familial: quotient(calendar, 'CNAF', 1268),
      allocataires: [
        { nom_naissance: 'ROUSSEAU', nom_usage: null, prenoms: 'HELENE', date_naissance: '1987-06-12', sexe: 'F' },
        { nom_naissance: 'ROUSSEAU', nom_usage: null, prenoms: 'MARC', date_naissance: '1986-03-02', sexe: 'M' },
      ],
      enfants: [
        { nom_naissance: 'ROUSSEAU', nom_usage: null, prenoms: 'JULES', date_naissance: '2015-06-20', sexe: 'M' },
        { nom_naissance: 'ROUSSEAU', nom_usage: null, prenoms: 'LOUIS', date_naissance: '2018-08-03', sexe: 'M' },
      ],
      adresse: {
        destinataire: 'MADAME OU MONSIEUR ROUSSEAU',
        complement_information: null,
        complement_information_geographique: null,
        numero_libelle_voie: '14 QUAI SAINT-VINCENT',
        lieu_dit: null,
        code_postal_ville: '69001 LYON',
        pays: 'FRANCE',
      },
    },
  }
}

/** Hélène ROUSSEAU: taxpayer, insured with beneficiaries, sick-leave payments. */
export function helene(calendar: Calendar): SandboxIdentity {
  return {
    id: 'helene-rousseau',
    description: 'Contribuable mariée, deux enfants ; assurée avec ayants droit et indemnités journalières',
    given_name: 'Hélène',
    given_name_array: ['Hélène'],
    family_name: 'ROUSSEAU',
    gender: 'female',
    birthdate: '1987-06-12',
    birthplace: '69123',
    birthcountry: '99100',
    email: 'helene.rousseau@example.com',
    data: {
      ...heleneTaxes(calendar),
      ...heleneInsurance(calendar),
      ...heleneSickPay(calendar),
      ...heleneFamily(calendar),
    },
  }
}

/** Insured with her two daughters, all with C2S contracts since last October. */
function nadiaInsurance(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  const nir = '294021305514072'
  const nirInes = '216021305510252'
  const nirYasmine = '219071305501968'
  const enfant = (nirOf: string, prenom: string, dateNaissance: string): JsonObject => ({
    nir: nirOf,
    nom_famille: 'HAMIDI',
    nom_usage: null,
    prenom,
    date_naissance: dateNaissance,
    qualite: 'enfant',
    rang_naissance: 1,
    medecin_traitant_choisi: false,
    presence_CMUC_ACS: true,
  })
  return {
    'droits-assurance-maladie': {
      me: {
        nir,
        nom_famille: 'HAMIDI',
        nom_usage: null,
        prenom: 'NADIA',
        date_naissance: '1994-02-17',
        qualite: 'assure',
        rang_naissance: 1,
        medecin_traitant_choisi: true,
        presence_CMUC_ACS: true,
      },
      beneficiaires: [enfant(nirInes, 'INES', '2016-02-08'), enfant(nirYasmine, 'YASMINE', '2019-07-21')],
      contrats: {
        [nir]: [droitsDeBase('2012-09-01', calendar), c2s(`${last}-10-01`, calendar)],
        [nirInes]: [droitsDeBase('2016-02-08', calendar), c2s(`${last}-10-01`, calendar)],
        [nirYasmine]: [droitsDeBase('2019-07-21', calendar), c2s(`${last}-10-01`, calendar)],
      },
    },
  }
}

/** C2S with participation, RSA majoré, quotient familial from the MSA. */
function nadiaBenefits(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  return {
    'complementaire-sante-solidaire': { est_beneficiaire: true, avec_participation: true, date_debut_droit: `${last}-10-01` },
    'revenu-solidarite-active': { est_beneficiaire: true, avec_majoration: true, date_debut_droit: `${last - 1}-06-01` },
    'quotient-familial': {
      quotient_familial: quotient(calendar, 'MSA', 356),
      allocataires: [{ nom_naissance: 'HAMIDI', nom_usage: null, prenoms: 'NADIA', date_naissance: '1994-02-17', sexe: 'F' }],
      enfants: [
        { nom_naissance: 'HAMIDI', nom_usage: null, prenoms: 'INES', date_naissance: '2016-02-08', sexe: 'F' },
        { nom_naissance: 'HAMIDI', nom_usage: null, prenoms: 'YASMINE', date_naissance: '2019-07-21', sexe: 'F' },
      ],
      adresse: {
        destinataire: 'MADAME NADIA HAMIDI',
        complement_information: 'BATIMENT C',
        complement_information_geographique: null,
        numero_libelle_voie: '5 CHEMIN DES OLIVIERS',
        lieu_dit: null,
        code_postal_ville: '13013 MARSEILLE',
        pays: 'FRANCE',
      },
    },
  }
}

/** Nadia HAMIDI: single parent with C2S, RSA and a quotient familial. */
export function nadia(calendar: Calendar): SandboxIdentity {
  return {
    id: 'nadia-hamidi',
    description: 'Foyer monoparental : C2S, RSA majoré, quotient familial (MSA)',
    given_name: 'Nadia',
    given_name_array: ['Nadia'],
    family_name: 'HAMIDI',
    gender: 'female',
    birthdate: '1994-02-17',
    birthplace: '13055',
    birthcountry: '99100',
    email: 'nadia.hamidi@example.com',
    data: { ...nadiaInsurance(calendar), ...nadiaBenefits(calendar) },
  }
}
