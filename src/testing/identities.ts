/**
 * The people of the sandbox and what each mock API knows of them. Every person and every datum is
 * fictitious, except the pivot identity of Angela Claire Louise DUBOIS, FranceConnect's public demo
 * identity (integration identity provider, `test` / `123`). Dates that must look current (school
 * year, rights, payments, quotient familial) are computed from the day the list is built.
 *
 * | # | id | Person | Data |
 * |---|----|--------|------|
 * | 0 | `angela-dubois` | Angela Claire Louise DUBOIS, F, 1962-08-24, Paris 7e (75107) | every API: impôt (divorcée, 1 enfant, 3 years of income), CNAM droits (+ 1 child) and IJ, MESRI (formation continue), CNOUS (échelon 4), C2S, RSA, QF (CNAF), France Travail statut (catégorie 1) and paiements |
 * | 1 | `carlos-garcia-lopez` | Carlos José GARCIA LOPEZ, M, 1985-03-01 (IdP: 1985-03-00), born in Spain (99134, birthplace "") | impôt (célibataire), CNAM droits (alone), France Travail statut (registration ended) and paiements (none, not registered) |
 * | 2 | `lea-martin` | Léa MARTIN, F, 2004-11-05, Bordeaux (33063) | MESRI only (two admissions, one inscrit); not boursière (CNOUS 404) |
 * | 3 | `karim-benali` | Karim BENALI, M, 2003-04-18, Lille (59350) | MESRI (inscrit), CNOUS (boursier, échelon 6) |
 * | 4 | `helene-rousseau` | Hélène ROUSSEAU, F, 1987-06-12, Lyon (69123) | impôt (mariée, 2 enfants, 2 déclarants), CNAM droits (conjoint + 2 children) and IJ (maternity), QF (CNAF, couple), C2S and RSA: not beneficiary |
 * | 5 | `nadia-hamidi` | Nadia HAMIDI, F, 1994-02-17, Marseille (13055) | C2S (with participation), RSA (majoré), QF (MSA, single parent, 2 children), CNAM droits (+ 2 children) |
 * | 6 | `thomas-leroy` | Thomas LEROY, M, 1988-03-11, Lille (59350) | France Travail statut (catégorie 1) and paiements (3 months), impôt |
 * | 7 | `lucie-fontaine` | Lucie FONTAINE, F, 1999-09-30, Nantes (44109) | nothing anywhere: every API answers 404 |
 */
import type { JsonObject, SandboxIdentity } from './types.js'

interface Calendar {
  /** The current year in Paris. */
  year: number
  /** The current month, 1 to 12. */
  month: number
  /** The start year of the current school year (September). */
  schoolYear: number
}

function calendarOf(now: Date): Calendar {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric' }).formatToParts(
    now,
  )
  const year = Number(parts.find((part) => part.type === 'year')?.value)
  const month = Number(parts.find((part) => part.type === 'month')?.value)
  return { year, month, schoolYear: month >= 9 ? year : year - 1 }
}

const pad = (value: number) => String(value).padStart(2, '0')

/** The first day of the month `offset` months from the current one, as `YYYY-MM`. */
function monthFrom(calendar: Calendar, offset: number): { year: number; month: number; ym: string } {
  const index = calendar.year * 12 + (calendar.month - 1) + offset
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return { year, month, ym: `${year}-${pad(month)}` }
}

/** A France Travail date-time in Paris time (offset +01:00 in winter, +02:00 in summer, roughly). */
function parisDateTime(date: string, time = '00:00:00'): string {
  const month = Number(date.slice(5, 7))
  return `${date}T${time}${month >= 4 && month <= 10 ? '+02:00' : '+01:00'}`
}

function droitsDeBase(since: string, calendar: Calendar): JsonObject {
  return {
    date_debut: since,
    date_fin: null,
    details: { code_type_contrat: 'BASE', libelle_type_contrat: 'Régime de base' },
    nature_assurance: 'AMO',
    periodes_droits: [{ date_debut: `${calendar.year}-01-01`, date_fin: `${calendar.year}-12-31` }],
  }
}

function c2s(since: string, calendar: Calendar): JsonObject {
  return {
    date_debut: since,
    date_fin: `${calendar.year + 1}-03-31`,
    details: { code_type_contrat: 'C2S', libelle_type_contrat: 'Complémentaire santé solidaire' },
    nature_assurance: 'AMC',
    periodes_droits: [{ date_debut: since, date_fin: `${calendar.year + 1}-03-31` }],
  }
}

function caisse(
  id: string,
  libelle: string,
  voie: { numero: string; type: string; nom: string },
  codePostal: string,
  commune: string,
): JsonObject {
  return {
    id,
    codeCentre: id.slice(2),
    grandRegime: id.slice(0, 2),
    libelle,
    organisme: 'CPAM',
    adresse: {
      destinataire: libelle,
      point_remise: null,
      complement_adresse: null,
      numero_voie: voie.numero,
      indice_repetition: null,
      type_voie: voie.type,
      nom_voie: voie.nom,
      mention_distribution: null,
      code_postal: codePostal,
      commune,
    },
  }
}

function quotient(calendar: Calendar, fournisseur: 'CNAF' | 'MSA', valeur: number): JsonObject {
  return {
    fournisseur,
    valeur,
    annee: calendar.year,
    mois: calendar.month,
    annee_calcul: calendar.year,
    mois_calcul: calendar.month,
  }
}

function ftPaiements(calendar: Calendar, amounts: number[]): JsonObject[] {
  return amounts.map((montant, index) => {
    const { ym } = monthFrom(calendar, index - amounts.length)
    const aides = index === amounts.length - 1 ? 50 : 0
    return {
      date_paiement: parisDateTime(`${ym}-03`, '04:00:00'),
      montant_paiement: Math.round((montant + aides) * 100) / 100,
      allocations: montant,
      aides,
      autres_paiements: 0,
    }
  })
}

function angela(calendar: Calendar): SandboxIdentity {
  const { year, schoolYear } = calendar
  const last = year - 1
  const nir = '262087510712371'
  const nirLucas = '108057511504535'
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
    // ProConnect claims (§15)
    usual_name: 'DUBOIS',
    uid: 'angela-dubois',
    siret: '21750001600019',
    phone: '0123456789',
    data: {
      'impot-particulier': {
        [last]: situation(last, 11240),
        [last - 1]: situation(last - 1, 12870),
        [last - 2]: situation(last - 2, 19350),
      },
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
      'indemnites-journalieres': {
        paiements: [
          {
            date_debut: `${last}-02-03`,
            date_fin: `${last}-02-16`,
            montant_journalier: 41.2,
            nombre_jours: 14,
            montant_brut: 576.8,
            montant_csg: 38.07,
            montant_crds: 2.88,
            montant_net: 535.85,
            date_paiement: `${last}-02-20`,
          },
          {
            date_debut: `${last}-02-17`,
            date_fin: `${last}-03-02`,
            montant_journalier: 41.2,
            nombre_jours: 14,
            montant_brut: 576.8,
            montant_csg: 38.07,
            montant_crds: 2.88,
            montant_net: 535.85,
            date_paiement: `${last}-03-06`,
          },
        ],
      },
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
      'statut-etudiant-boursier': {
        statut_boursier: { est_boursier: true, est_radie: false, date_radiation: null },
        periode_versement_bourse: { date_rentree: `${schoolYear}-09-01`, duree: 10 },
        etablissement_etudes: { nom_commune: 'Paris', nom_etablissement: 'Université du bac à sable - Paris' },
        echelon_bourse: { echelon: '4', echelon_bourse_regionale_provisoire: false },
        email: 'wossewodda-3728@yopmail.com',
      },
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
    },
  }
}

function carlos(calendar: Calendar): SandboxIdentity {
  const last = calendar.year - 1
  const nir = '185039913404754'
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
    data: {
      'impot-particulier': {
        [last]: situation,
        [last - 1]: { ...situation, rfr: 30110, mntRevbareme: 2298, impAvImput: 2298, montTotIr: 2298 },
      },
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
    },
  }
}

function lea(calendar: Calendar): SandboxIdentity {
  const { schoolYear } = calendar
  return {
    id: 'lea-martin',
    description: 'Étudiante (deux admissions), non boursière',
    given_name: 'Léa',
    given_name_array: ['Léa'],
    family_name: 'MARTIN',
    gender: 'female',
    birthdate: '2004-11-05',
    birthplace: '33063',
    birthcountry: '99100',
    email: 'lea.martin@example.com',
    data: {
      'statut-etudiant': {
        admissions: [
          {
            date_debut: `${schoolYear}-09-01`,
            date_fin: `${schoolYear + 1}-08-31`,
            est_inscrit: true,
            regime_formation: { libelle: 'formation initiale', code: 'RF1' },
            code_cog_insee_commune: '33063',
            etablissement_etudes: { uai: '0339992B', nom: 'UNIVERSITE DU BAC A SABLE - BORDEAUX' },
          },
          {
            date_debut: `${schoolYear}-09-01`,
            date_fin: `${schoolYear + 1}-08-31`,
            est_inscrit: false,
            regime_formation: { libelle: 'formation initiale', code: 'RF1' },
            code_cog_insee_commune: '33522',
            etablissement_etudes: { uai: '0339993C', nom: 'ECOLE DU BAC A SABLE - TALENCE' },
          },
        ],
      },
    },
  }
}

function karim(calendar: Calendar): SandboxIdentity {
  const { schoolYear } = calendar
  return {
    id: 'karim-benali',
    description: 'Étudiant boursier (échelon 6)',
    given_name: 'Karim',
    given_name_array: ['Karim'],
    family_name: 'BENALI',
    gender: 'male',
    birthdate: '2003-04-18',
    birthplace: '59350',
    birthcountry: '99100',
    email: 'karim.benali@example.com',
    data: {
      'statut-etudiant': {
        admissions: [
          {
            date_debut: `${schoolYear}-09-01`,
            date_fin: `${schoolYear + 1}-08-31`,
            est_inscrit: true,
            regime_formation: { libelle: 'formation initiale', code: 'RF1' },
            code_cog_insee_commune: '59350',
            etablissement_etudes: { uai: '0599994D', nom: 'UNIVERSITE DU BAC A SABLE - LILLE' },
          },
        ],
      },
      'statut-etudiant-boursier': {
        statut_boursier: { est_boursier: true, est_radie: false, date_radiation: null },
        periode_versement_bourse: { date_rentree: `${schoolYear}-09-01`, duree: 10 },
        etablissement_etudes: { nom_commune: 'Lille', nom_etablissement: 'Université du bac à sable - Lille' },
        echelon_bourse: { echelon: '6', echelon_bourse_regionale_provisoire: false },
        email: 'karim.benali@example.com',
      },
    },
  }
}

function helene(calendar: Calendar): SandboxIdentity {
  const last = calendar.year - 1
  const nir = '287066912308883'
  const nirMarc = '186036912305471'
  const nirJules = '115066912307189'
  const nirLouis = '118086912302223'
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
      'impot-particulier': {
        [last]: situation(72450, 3120),
        [last - 1]: situation(69880, 2890),
        [last - 2]: situation(66120, 2640),
      },
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
    },
  }
}

function nadia(calendar: Calendar): SandboxIdentity {
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
    data: {
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
    },
  }
}

function thomas(calendar: Calendar): SandboxIdentity {
  const last = calendar.year - 1
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
    data: {
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
    },
  }
}

function lucie(): SandboxIdentity {
  return {
    id: 'lucie-fontaine',
    description: 'Aucune donnée dans les API (chaque API répond 404)',
    given_name: 'Lucie',
    given_name_array: ['Lucie'],
    family_name: 'FONTAINE',
    gender: 'female',
    birthdate: '1999-09-30',
    birthplace: '44109',
    birthcountry: '99100',
    email: 'lucie.fontaine@example.com',
    data: {},
  }
}

/**
 * The sandbox's people, in the order of the login page (see the table of this module). The first,
 * Angela Claire Louise DUBOIS, has data in every API; Lucie FONTAINE (last) has none. Dates that must
 * look current are computed from `now`.
 *
 * @example
 * ```ts
 * const people = sandboxIdentities()
 * const sandbox = await startSandbox({ identities: [...people, myOwnPerson] })
 * ```
 */
export function sandboxIdentities(now: Date = new Date()): SandboxIdentity[] {
  const calendar = calendarOf(now)
  return [
    angela(calendar),
    carlos(calendar),
    lea(calendar),
    karim(calendar),
    helene(calendar),
    nadia(calendar),
    thomas(calendar),
    lucie(),
  ]
}

/**
 * The year of income the sandbox has for everyone who pays tax: last year, in Paris time.
 *
 * @example
 * ```ts
 * await fc.fetchAll(session, { 'impot-particulier': { annee: sandboxIncomeYear() } })
 * ```
 */
export function sandboxIncomeYear(now: Date = new Date()): number {
  return calendarOf(now).year - 1
}

// ------------------------------------------------------------------------------------------------
// ProConnect agents

/**
 * The agents of the ProConnect sandbox (`startSandbox({ variant: 'proconnect' })`), in the order of
 * its login page. Each carries the claims ProConnect releases per scope (core-fca-low: `given_name`,
 * `usual_name`, `email`, `uid`, `siret`, `siren`, `organizational_unit`, `belonging_population`,
 * `phone` → `phone_number`, `idp_id`, `idp_acr`, `custom`); the pivot identity members are there for
 * the type only and never leave ProConnect. Every agent, organisation and SIRET but DINUM's
 * (13002526500013, the one API Particulier's staging uses) is fictitious.
 *
 * | # | id | Agent | Organisation |
 * |---|----|-------|--------------|
 * | 0 | `marie-lambert` | Marie LAMBERT | DINUM (13002526500013), identity provider level eidas1 |
 * | 1 | `paul-moreau` | Paul MOREAU | a town hall (33189457200014), phone number, eidas1-mfa |
 * | 2 | `sophie-durand` | Sophie DURAND | a company she heads (85234176900010), certification-dirigeant |
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox({ variant: 'proconnect', identities: sandboxAgents() })
 * ```
 */
export function sandboxAgents(): SandboxIdentity[] {
  const agent = (fields: SandboxIdentity): SandboxIdentity => fields
  return [
    agent({
      id: 'marie-lambert',
      given_name: 'Marie',
      family_name: 'LAMBERT',
      usual_name: 'LAMBERT',
      gender: 'female',
      birthdate: '1980-05-14',
      birthplace: '75056',
      birthcountry: '99100',
      email: 'marie.lambert@agents.example.fr',
      uid: 'c0a8f3e2-5b1d-4c7e-9a2f-1d3e5f7a9b01',
      siret: '13002526500013',
      siren: '130025265',
      organizational_unit: 'Direction interministérielle du numérique',
      belonging_population: 'agent',
      phone_number: '0140000000',
      idp_id: 'proconnect-identite',
      idp_acr: 'eidas1',
      custom: {},
      description: 'Agente de l’État (DINUM)',
    }),
    agent({
      id: 'paul-moreau',
      given_name: 'Paul',
      family_name: 'MOREAU',
      usual_name: 'MOREAU',
      gender: 'male',
      birthdate: '1975-11-02',
      birthplace: '33063',
      birthcountry: '99100',
      email: 'paul.moreau@mairie.example.fr',
      uid: '7d2e9c41-0f6a-4b3d-8e5c-2a4b6c8d0e12',
      siret: '33189457200014',
      siren: '331894572',
      organizational_unit: 'Service de l’état civil',
      belonging_population: 'agent',
      phone_number: '0123456789',
      idp_id: 'agents-territoriaux',
      idp_acr: 'eidas1-mfa',
      custom: { matricule: 'T-4521' },
      description: 'Agent territorial, authentification à deux facteurs',
    }),
    agent({
      id: 'sophie-durand',
      given_name: 'Sophie',
      family_name: 'DURAND',
      usual_name: 'DURAND',
      gender: 'female',
      birthdate: '1969-02-27',
      birthplace: '69123',
      birthcountry: '99100',
      email: 'sophie.durand@entreprise.example.fr',
      uid: 'e4b7a2c9-3d8f-4e1a-b6c5-9f0e1d2c3b24',
      siret: '85234176900010',
      siren: '852341769',
      organizational_unit: 'Direction générale',
      belonging_population: 'dirigeant',
      phone_number: '0612345678',
      idp_id: 'proconnect-identite',
      idp_acr: 'https://proconnect.gouv.fr/assurance/certification-dirigeant',
      custom: {},
      description: 'Dirigeante d’entreprise',
    }),
  ]
}
