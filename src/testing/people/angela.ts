/**
 * Angela Claire Louise DUBOIS, FranceConnect's public demo identity (integration identity provider,
 * `test` / `123`): the sandbox's first person, with data in every API. Only her pivot identity is
 * FranceConnect's; her data is fictitious.
 */
import type { JsonObject, SandboxData, SandboxIdentity } from '../types.js'
import { type Calendar, parisDateTime } from './calendar.js'
import { boursier, c2s, caisse, droitsDeBase, ftPaiements, quotient } from './records.js'

/** Divorcée, one child, parent isolé: the last three years of income. */
function taxes(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  const situation = (annee: number, rfr: number): JsonObject => ({
    rfr,
    sitFam: 'D',
    nbPart: 2,
    pac: { nbPac: 1, nbPacF: 1, nbPacG: 0, nbPacH: 0, nbPacI: 0, nbPacJ: 0, nbPacN: 0, nbPacP: 0, nbPacR: 0 },
    sitParIso: 'T',
    nmNaiDec1: 'DUBOIS',
    nmUsaDec1: null,
    prnmDec1: 'ANGELA CLAIRE LOUISE',
    dateNaisDec1: { jour: '24', mois: '08', annee: '1962' },
    dptNaissDec1: '75',
    lieuNaissDec1: 'PARIS 7E ARRONDISSEMENT',
    aft: '20 AVENUE DE SEGUR 75007 PARIS',
    aftDetail: { complementAdresse: null, voie: '20 AVENUE DE SEGUR', getcommune: 'PARIS', getcodePostal: '75007 PARIS' },
    revenuBrutGlobal: rfr + 1180,
    revImposable: rfr + 1180,
    mntRevbareme: 0,
    impAvImput: 0,
    montTotIr: 0,
    indDeficit: '0',
    rev: { tspr: [{ code: '1AJ', valeur: String(rfr + 1310) }] },
    datRec: `${annee + 1}-07-25`,
  })
  return {
    'impot-particulier': {
      [last]: situation(last, 11240),
      [last - 1]: situation(last - 1, 12870),
      [last - 2]: situation(last - 2, 19350),
    },
  }
}

/** Insured with her son Lucas, C2S contracts for both. */
function insurance(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  const nir = '262087510712371'
  const nirLucas = '108057511504535'
  return {
    'droits-assurance-maladie': {
      me: {
        nir,
        nom_famille: 'DUBOIS',
        nom_usage: null,
        prenom: 'ANGELA',
        date_naissance: '1962-08-24',
        qualite: 'assure',
        rang_naissance: 1,
        medecin_traitant_choisi: true,
        presence_CMUC_ACS: true,
      },
      beneficiaires: [
        {
          nir: nirLucas,
          nom_famille: 'DUBOIS',
          nom_usage: null,
          prenom: 'LUCAS',
          date_naissance: '2008-05-14',
          qualite: 'enfant',
          rang_naissance: 1,
          medecin_traitant_choisi: false,
          presence_CMUC_ACS: true,
        },
      ],
      contrats: {
        [nir]: [droitsDeBase('1984-09-01', calendar), c2s(`${last}-04-01`, calendar)],
        [nirLucas]: [droitsDeBase('2008-05-14', calendar), c2s(`${last}-04-01`, calendar)],
      },
      caisse: caisse('01751', 'CPAM de Paris', { numero: '21', type: 'rue', nom: 'Georges Auric' }, '75019', 'Paris'),
      medecinTraitant: { nom: 'MOREAU', prenom: 'CLAIRE', numero_am: '751234567', date_debut: '2015-02-01', date_fin: null },
      exonerations: [],
    },
  }
}

/** Two sick-leave payments in February last year, a fortnight each. */
function sickPay(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  const fortnight = {
    montant_journalier: 41.2,
    nombre_jours: 14,
    montant_brut: 576.8,
    montant_csg: 38.07,
    montant_crds: 2.88,
    montant_net: 535.85,
  }
  return {
    'indemnites-journalieres': {
      paiements: [
        {
          date_debut: `${last}-02-03`,
          date_fin: `${last}-02-16`,
          ...fortnight,
          date_paiement: `${last}-02-20`,
        },
        {
          date_debut: `${last}-02-17`,
          date_fin: `${last}-03-02`,
          ...fortnight,
          date_paiement: `${last}-03-06`,
        },
      ],
    },
  }
}

/** In formation continue this school year, boursière (échelon 4). */
function studies(calendar: Calendar): SandboxData {
  const { schoolYear } = calendar
  return {
    'statut-etudiant': {
      admissions: [
        {
          date_debut: `${schoolYear}-09-15`,
          date_fin: `${schoolYear + 1}-06-30`,
          est_inscrit: true,
          regime_formation: { libelle: 'formation continue', code: 'RF5' },
          code_cog_insee_commune: '75056',
          etablissement_etudes: { uai: '0759991A', nom: 'UNIVERSITE DU BAC A SABLE - PARIS' },
        },
      ],
    },
    'statut-etudiant-boursier': boursier(schoolYear, {
      echelon: '4',
      ville: 'Paris',
      etablissement: 'Université du bac à sable - Paris',
      email: 'wossewodda-3728@yopmail.com',
    }),
  }
}

/** Free C2S, RSA, quotient familial from the CNAF. */
function benefits(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  return {
    'complementaire-sante-solidaire': { est_beneficiaire: true, avec_participation: false, date_debut_droit: `${last}-04-01` },
    'revenu-solidarite-active': { est_beneficiaire: true, avec_majoration: false, date_debut_droit: `${last}-02-01` },
    'quotient-familial': {
      quotient_familial: quotient(calendar, 'CNAF', 412),
      allocataires: [
        { nom_naissance: 'DUBOIS', nom_usage: null, prenoms: 'ANGELA CLAIRE LOUISE', date_naissance: '1962-08-24', sexe: 'F' },
      ],
      enfants: [{ nom_naissance: 'DUBOIS', nom_usage: null, prenoms: 'LUCAS', date_naissance: '2008-05-14', sexe: 'M' }],
      adresse: {
        destinataire: 'MADAME ANGELA DUBOIS',
        complement_information: null,
        complement_information_geographique: null,
        numero_libelle_voie: '20 AVENUE DE SEGUR',
        lieu_dit: null,
        code_postal_ville: '75007 PARIS',
        pays: 'FRANCE',
      },
    },
  }
}

/** Registered at France Travail in catégorie 1 since January last year, paid the last three months. */
function jobSeeking(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  return {
    'france-travail-statut': {
      etatCivil: {
        civilite: 'MME',
        nom: 'DUBOIS',
        nomUsage: null,
        prenom: 'ANGELA',
        sexe: 'F',
        dateNaissance: parisDateTime('1962-08-24'),
        codeCertificationCNAV: 'VRSC',
      },
      modalitesContact: {
        telephone: '0123456789',
        telephone2: null,
        email: 'wossewodda-3728@yopmail.com',
        codeValiditeEmail: 'V',
      },
      adresse: {
        ligneNom: 'MADAME ANGELA DUBOIS',
        ligneComplementDestinataire: null,
        ligneComplementAdresse: null,
        ligneVoie: '20 AVENUE DE SEGUR',
        ligneComplementDistribution: null,
        codePostal: '75007',
        localite: 'PARIS',
        inseecommune: '75107',
      },
      situationInscription: {
        dateInscription: parisDateTime(`${last}-01-09`),
        dateCessationInscription: null,
        categorieInscription: '1',
        libellecategorieInscription: 'Personne sans emploi, à la recherche d’un CDI à temps plein',
      },
    },
    'france-travail-paiements': { statutInscription: true, listePaiement: ftPaiements(calendar, [612.4, 633.22, 612.4]) },
  }
}

/** Angela Claire Louise DUBOIS, with data in every API. */
export function angela(calendar: Calendar): SandboxIdentity {
  return {
    id: 'angela-dubois',
    description: 'Données dans toutes les API : la personne de la démonstration',
    given_name: 'Angela Claire Louise',
    given_name_array: ['Angela', 'Claire', 'Louise'],
    family_name: 'DUBOIS',
    gender: 'female',
    birthdate: '1962-08-24',
    birthplace: '75107',
    birthcountry: '99100',
    email: 'wossewodda-3728@yopmail.com',
    preferred_username: '',
    idp_birthdate: '1962-08-24',
    idp_id: 'fia1v2',
    // ProConnect claims
    usual_name: 'DUBOIS',
    uid: 'angela-dubois',
    siret: '21750001600019',
    phone: '0123456789',
    data: {
      ...taxes(calendar),
      ...insurance(calendar),
      ...sickPay(calendar),
      ...studies(calendar),
      ...benefits(calendar),
      ...jobSeeking(calendar),
    },
  }
}
