/**
 * Job seekers, past and present: Carlos José GARCIA LOPEZ (born abroad: birthplace "", registration
 * ended) and Thomas LEROY (registered in catégorie 1, paid the last three months).
 */
import type { JsonObject, SandboxData, SandboxIdentity } from '../types.js'
import { type Calendar, parisDateTime } from './calendar.js'
import { droitsDeBase, ftPaiements } from './records.js'

/** Célibataire, two years of income. */
function carlosTaxes(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  const situation: JsonObject = {
    rfr: 31520,
    sitFam: 'C',
    nbPart: 1,
    pac: { nbPac: 0 },
    nmNaiDec1: 'GARCIA LOPEZ',
    nmUsaDec1: 'MARTIN',
    prnmDec1: 'CARLOS JOSE',
    dateNaisDec1: { jour: '00', mois: '03', annee: '1985' },
    dptNaissDec1: '99',
    lieuNaissDec1: 'ESPAGNE',
    aft: '8 RUE DES LILAS 31000 TOULOUSE',
    aftDetail: {
      complementAdresse: 'APPARTEMENT 12',
      voie: '8 RUE DES LILAS',
      getcommune: 'TOULOUSE',
      getcodePostal: '31000 TOULOUSE',
    },
    revenuBrutGlobal: 35022,
    revImposable: 35022,
    mntRevbareme: 2456,
    impAvImput: 2456,
    montTotIr: 2456,
  }
  return {
    'impot-particulier': {
      [last]: situation,
      [last - 1]: { ...situation, rfr: 30110, mntRevbareme: 2298, impAvImput: 2298, montTotIr: 2298 },
    },
  }
}

/** Insured alone. */
function carlosInsurance(calendar: Calendar): SandboxData {
  const nir = '185039913404754'
  return {
    'droits-assurance-maladie': {
      me: {
        nir,
        nom_famille: 'GARCIA LOPEZ',
        nom_usage: 'MARTIN',
        prenom: 'CARLOS',
        date_naissance: '1985-03-01',
        qualite: 'assure',
        rang_naissance: 1,
        medecin_traitant_choisi: false,
        presence_CMUC_ACS: false,
      },
      beneficiaires: [],
      contrats: { [nir]: [droitsDeBase('2009-10-01', calendar)] },
    },
  }
}

/** Registered from May three years ago to January two years ago; no payment. */
function carlosJobSeeking(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  return {
    'france-travail-statut': {
      etatCivil: {
        civilite: 'M',
        nom: 'GARCIA LOPEZ',
        nomUsage: 'MARTIN',
        prenom: 'CARLOS',
        sexe: 'M',
        dateNaissance: parisDateTime('1985-03-01'),
        codeCertificationCNAV: null,
      },
      modalitesContact: null,
      adresse: {
        ligneNom: 'MONSIEUR CARLOS GARCIA LOPEZ',
        ligneComplementDestinataire: null,
        ligneComplementAdresse: 'APPARTEMENT 12',
        ligneVoie: '8 RUE DES LILAS',
        ligneComplementDistribution: null,
        codePostal: '31000',
        localite: 'TOULOUSE',
        inseecommune: '31555',
      },
      situationInscription: {
        dateInscription: parisDateTime(`${last - 2}-05-02`),
        dateCessationInscription: parisDateTime(`${last - 1}-01-31`),
        categorieInscription: '1',
        libellecategorieInscription: 'Personne sans emploi, à la recherche d’un CDI à temps plein',
      },
    },
    'france-travail-paiements': { statutInscription: false, listePaiement: [] },
  }
}

/** Carlos José GARCIA LOPEZ: born in Spain, taxpayer, insured, former job seeker. */
export function carlos(calendar: Calendar): SandboxIdentity {
  return {
    id: 'carlos-garcia-lopez',
    description: 'Né à l’étranger (lieu de naissance vide) ; impôts, Assurance Maladie, ancien demandeur d’emploi',
    given_name: 'Carlos José',
    given_name_array: ['Carlos', 'José'],
    family_name: 'GARCIA LOPEZ',
    gender: 'male',
    birthdate: '1985-03-01',
    birthplace: '',
    birthcountry: '99134',
    email: 'carlos.garcia@example.com',
    preferred_username: 'MARTIN',
    idp_birthdate: '1985-03-00',
    idp_id: 'fia1v2',
    usual_name: 'MARTIN',
    uid: 'carlos-garcia',
    siret: '13002526500013',
    phone: '0612345678',
    data: { ...carlosTaxes(calendar), ...carlosInsurance(calendar), ...carlosJobSeeking(calendar) },
  }
}

/** Pacsé, last year's income. */
function thomasTaxes(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  return {
    'impot-particulier': {
      [last]: {
        rfr: 27640,
        sitFam: 'O',
        nbPart: 2,
        pac: { nbPac: 0 },
        nmNaiDec1: 'LEROY',
        prnmDec1: 'THOMAS',
        dateNaisDec1: { jour: '11', mois: '03', annee: '1988' },
        nmNaiDec2: 'PETIT',
        prnmDec2: 'CAMILLE',
        dateNaisDec2: { jour: '27', mois: '09', annee: '1990' },
        aft: '3 PLACE DU GENERAL DE GAULLE 59000 LILLE',
        aftDetail: {
          complementAdresse: null,
          voie: '3 PLACE DU GENERAL DE GAULLE',
          getcommune: 'LILLE',
          getcodePostal: '59000 LILLE',
        },
        mntRevbareme: 610,
        impAvImput: 610,
        montTotIr: 610,
      },
    },
  }
}

/** Registered since September last year, paid the last three months. */
function thomasJobSeeking(calendar: Calendar): SandboxData {
  const last = calendar.year - 1
  return {
    'france-travail-statut': {
      etatCivil: {
        civilite: 'M',
        nom: 'LEROY',
        nomUsage: null,
        prenom: 'THOMAS',
        sexe: 'M',
        dateNaissance: parisDateTime('1988-03-11'),
        codeCertificationCNAV: 'VRSC',
      },
      modalitesContact: {
        telephone: '0698765432',
        telephone2: null,
        email: 'thomas.leroy@example.com',
        codeValiditeEmail: 'V',
      },
      adresse: {
        ligneNom: 'MONSIEUR THOMAS LEROY',
        ligneComplementDestinataire: null,
        ligneComplementAdresse: null,
        ligneVoie: '3 PLACE DU GENERAL DE GAULLE',
        ligneComplementDistribution: null,
        codePostal: '59000',
        localite: 'LILLE',
        inseecommune: '59350',
      },
      situationInscription: {
        dateInscription: parisDateTime(`${last}-09-16`),
        dateCessationInscription: null,
        categorieInscription: '1',
        libellecategorieInscription: 'Personne sans emploi, à la recherche d’un CDI à temps plein',
      },
    },
    'france-travail-paiements': { statutInscription: true, listePaiement: ftPaiements(calendar, [1096.78, 1133.34, 1096.78]) },
  }
}

/** Thomas LEROY: job seeker with payments, taxpayer. */
export function thomas(calendar: Calendar): SandboxIdentity {
  return {
    id: 'thomas-leroy',
    description: 'Demandeur d’emploi indemnisé (trois paiements)',
    given_name: 'Thomas',
    given_name_array: ['Thomas'],
    family_name: 'LEROY',
    gender: 'male',
    birthdate: '1988-03-11',
    birthplace: '59350',
    birthcountry: '99100',
    email: 'thomas.leroy@example.com',
    data: { ...thomasTaxes(calendar), ...thomasJobSeeking(calendar) },
  }
}
