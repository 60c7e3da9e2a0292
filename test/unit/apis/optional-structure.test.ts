/**
 * Issue 14, proof: for every connector, any answer its schema's optional and nullable structure
 * allows parses, and no published field present in it is lost in `data`. The tables below are the
 * "published field → normalised field" tables of the doc pages (docs/apis/*.md).
 */
import * as v from 'valibot'
import { normalizeBeneficiaire } from '../../../src/apis/droits-assurance-maladie/normalize.js'
import {
  beneficiaireSchema,
  caisseSchema,
  contratSchema,
  exonerationSchema,
  medecinTraitantSchema,
} from '../../../src/apis/droits-assurance-maladie/schema.js'
import { normalizeComplementaireSanteSolidaire } from '../../../src/apis/complementaire-sante-solidaire/normalize.js'
import { complementaireSanteSolidaireSchema } from '../../../src/apis/complementaire-sante-solidaire/schema.js'
import { normalizePaiements } from '../../../src/apis/france-travail-paiements/normalize.js'
import { paiementsSchema } from '../../../src/apis/france-travail-paiements/schema.js'
import { normalizeStatut } from '../../../src/apis/france-travail-statut/normalize.js'
import { statutSchema } from '../../../src/apis/france-travail-statut/schema.js'
import { normalizeSituationIr } from '../../../src/apis/impot-particulier/normalize.js'
import { situationIrSchema } from '../../../src/apis/impot-particulier/schema.js'
import { normalizeIndemnitesJournalieres } from '../../../src/apis/indemnites-journalieres/normalize.js'
import { buildIndemnitesJournalieresSchema, resolveMapping } from '../../../src/apis/indemnites-journalieres/schema.js'
import { normalizeQuotientFamilial } from '../../../src/apis/quotient-familial/normalize.js'
import { quotientFamilialSchema } from '../../../src/apis/quotient-familial/schema.js'
import { normalizeRevenuSolidariteActive } from '../../../src/apis/revenu-solidarite-active/normalize.js'
import { revenuSolidariteActiveSchema } from '../../../src/apis/revenu-solidarite-active/schema.js'
import { normalizeStatutEtudiant } from '../../../src/apis/statut-etudiant/normalize.js'
import { statutEtudiantSchema } from '../../../src/apis/statut-etudiant/schema.js'
import { normalizeBoursierV3, normalizeBoursierV4 } from '../../../src/apis/statut-etudiant-boursier/normalize.js'
import { boursierV3Schema, boursierV4Schema } from '../../../src/apis/statut-etudiant-boursier/schema.js'
import { describeOptionalStructureProperty, type DataLocation } from '../../support/connector-test-kit.js'
import {
  boursierV3Payload,
  cnamCaissePayload,
  cnamExonerationsPayload,
  cnamMedecinTraitantPayload,
  complementaireSanteSolidairePayload,
  franceTravailPaiementsPayload,
  franceTravailStatutPayload,
  quotientFamilialPayload,
  revenuSolidariteActiveWithEndPayload,
  statutEtudiantPayload,
} from '../../support/published-payloads.js'

/** `prefix.field` → `target.field` for each pair. */
const under = (raw: string, data: string, pairs: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(pairs).map(([from, to]) => [`${raw}${from}`, `${data}${to}`]))

describeOptionalStructureProperty({
  name: 'statut-etudiant',
  schema: statutEtudiantSchema,
  normalize: normalizeStatutEtudiant,
  complete: statutEtudiantPayload,
  fields: under('data.admissions[].', 'admissions[].', {
    date_debut: 'dateDebut',
    date_fin: 'dateFin',
    est_inscrit: 'estInscrit',
    'regime_formation.code': 'regimeFormation.code',
    'regime_formation.libelle': 'regimeFormation.libelle',
    code_cog_insee_commune: 'codeCommune',
    'etablissement_etudes.uai': 'etablissement.uai',
    'etablissement_etudes.nom': 'etablissement.nom',
  }),
})

const boursierCommon = under('data.', '', {
  'periode_versement_bourse.date_rentree': 'periodeVersement.dateRentree',
  'periode_versement_bourse.duree': 'periodeVersement.dureeMois',
  'etablissement_etudes.nom_commune': 'etablissement.commune',
  'etablissement_etudes.nom_etablissement': 'etablissement.nom',
  'echelon_bourse.echelon': 'echelon.valeur',
  'echelon_bourse.echelon_bourse_regionale_provisoire': 'echelon.bourseRegionaleProvisoire',
  email: 'email',
})

describeOptionalStructureProperty({
  name: 'statut-etudiant-boursier (v3)',
  schema: boursierV3Schema,
  normalize: normalizeBoursierV3,
  complete: boursierV3Payload,
  fields: { 'data.est_boursier': 'estBoursier', ...boursierCommon },
})

// Both v4 shapes at once, agreeing: the generator leaves out either, or both. (`date_radiation` is
// null: a value on one side and null on the other disagree, which is refused by design.)
const status = { est_boursier: true, est_radie: false, date_radiation: null }
describeOptionalStructureProperty({
  name: 'statut-etudiant-boursier (v4, nested and flat)',
  schema: boursierV4Schema,
  normalize: normalizeBoursierV4,
  complete: { ...boursierV3Payload, data: { ...boursierV3Payload.data, ...status, statut_boursier: status } },
  fields: {
    'data.statut_boursier.est_boursier': 'estBoursier',
    'data.statut_boursier.est_radie': 'estRadie',
    'data.statut_boursier.date_radiation': 'dateRadiation',
    'data.est_boursier': 'estBoursier',
    'data.est_radie': 'estRadie',
    'data.date_radiation': 'dateRadiation',
    ...boursierCommon,
  },
})

describeOptionalStructureProperty({
  name: 'complementaire-sante-solidaire',
  schema: complementaireSanteSolidaireSchema,
  normalize: normalizeComplementaireSanteSolidaire,
  complete: complementaireSanteSolidairePayload,
  fields: under('data.', '', {
    est_beneficiaire: 'estBeneficiaire',
    avec_participation: 'avecParticipation',
    date_debut_droit: 'dateDebutDroit',
  }),
})

describeOptionalStructureProperty({
  name: 'revenu-solidarite-active',
  schema: revenuSolidariteActiveSchema,
  normalize: normalizeRevenuSolidariteActive,
  complete: revenuSolidariteActiveWithEndPayload,
  fields: under('data.', '', {
    est_beneficiaire: 'estBeneficiaire',
    avec_majoration: 'avecMajoration',
    date_debut_droit: 'dateDebutDroit',
    date_fin_droit: 'dateFinDroit',
  }),
})

const personne = {
  nom_naissance: 'nomNaissance',
  nom_usage: 'nomUsage',
  prenoms: 'prenoms',
  date_naissance: 'dateNaissance',
  sexe: 'sexe',
}
describeOptionalStructureProperty({
  name: 'quotient-familial',
  schema: quotientFamilialSchema,
  normalize: normalizeQuotientFamilial,
  complete: quotientFamilialPayload,
  fields: {
    ...under('data.quotient_familial.', 'quotientFamilial.', {
      fournisseur: 'fournisseur',
      valeur: 'valeur',
      annee: 'annee',
      mois: 'mois',
      annee_calcul: 'anneeCalcul',
      mois_calcul: 'moisCalcul',
    }),
    ...under('data.allocataires[].', 'allocataires[].', personne),
    ...under('data.enfants[].', 'enfants[].', personne),
    ...under('data.adresse.', 'adresse.', {
      destinataire: 'destinataire',
      complement_information: 'complementInformation',
      complement_information_geographique: 'complementInformationGeographique',
      numero_libelle_voie: 'numeroLibelleVoie',
      lieu_dit: 'lieuDit',
      code_postal_ville: 'codePostalVille',
      pays: 'pays',
    }),
  },
})

describeOptionalStructureProperty({
  name: 'france-travail-statut',
  schema: statutSchema,
  normalize: (raw) => normalizeStatut(raw, Date.parse('2025-01-01')),
  complete: {
    ...franceTravailStatutPayload,
    modalitesContact: { ...franceTravailStatutPayload.modalitesContact, telephone2: '0102030405' },
    adresse: {
      ...franceTravailStatutPayload.adresse,
      ligneComplementDestinataire: 'CHEZ M. MARTIN',
      ligneComplementDistribution: 'BP 12',
    },
    situationInscription: {
      ...franceTravailStatutPayload.situationInscription,
      dateCessationInscription: '2030-01-01T00:00:00Z',
    },
  },
  fields: {
    ...under('etatCivil.', 'identite.', {
      civilite: 'civilite',
      nom: 'nom',
      nomUsage: 'nomUsage',
      prenom: 'prenom',
      sexe: 'sexe',
      dateNaissance: 'dateNaissance',
      codeCertificationCNAV: 'codeCertificationCnav',
    }),
    ...under('modalitesContact.', 'contact.', {
      telephone: 'telephone',
      telephone2: 'telephone2',
      email: 'email',
      codeValiditeEmail: 'codeValiditeEmail',
    }),
    ...under('adresse.', 'adresse.', {
      ligneNom: 'ligneNom',
      ligneComplementDestinataire: 'complementDestinataire',
      ligneComplementAdresse: 'complementAdresse',
      ligneVoie: 'voie',
      ligneComplementDistribution: 'complementDistribution',
      codePostal: 'codePostal',
      localite: 'localite',
      inseecommune: 'codeInseeCommune',
    }),
    'situationInscription.dateInscription': 'dateInscription',
    'situationInscription.dateCessationInscription': 'dateCessation',
    'situationInscription.categorieInscription': 'categorie.code',
    'situationInscription.libellecategorieInscription': 'categorie.libelle',
  },
})

describeOptionalStructureProperty({
  name: 'france-travail-paiements',
  schema: paiementsSchema,
  normalize: normalizePaiements,
  complete: franceTravailPaiementsPayload,
  fields: {
    statutInscription: 'inscrit',
    ...under('listePaiement[].', 'paiements[].', {
      date_paiement: 'date',
      montant_paiement: 'montant',
      allocations: 'allocations',
      aides: 'aides',
      autres_paiements: 'autresPaiements',
    }),
  },
})

const ijMapping = resolveMapping('indemnites-journalieres', undefined)
describeOptionalStructureProperty({
  name: 'indemnites-journalieres',
  schema: buildIndemnitesJournalieresSchema('indemnites-journalieres', ijMapping),
  normalize: (raw) => normalizeIndemnitesJournalieres(raw, ijMapping),
  complete: {
    paiements: [
      {
        date_debut: '2025-01-06',
        date_fin: '2025-01-19',
        montant_journalier: 39.7,
        nombre_jours: 14,
        montant_csg: 37.24,
        montant_crds: 2.78,
        montant_brut: 555.8,
        montant_net: 515.78,
        date_paiement: '2025-01-24',
      },
    ],
  },
  fields: under('paiements[].', 'paiements[].', {
    date_debut: 'dateDebut',
    date_fin: 'dateFin',
    montant_journalier: 'montantJournalier',
    nombre_jours: 'nombreJours',
    montant_csg: 'csg',
    montant_crds: 'crds',
    montant_brut: 'montantBrut',
    montant_net: 'montantNet',
    date_paiement: 'datePaiement',
  }),
})

/** The déclarant of rank `rang` in `data.declarants`. */
const declarant =
  (rang: 1 | 2, field: string): DataLocation =>
  (data) =>
    (data as { declarants: Record<string, unknown>[] }).declarants.find((d) => d.rang === rang)?.[field]
const declarantFields = (rang: 1 | 2): Record<string, DataLocation> => ({
  [`nmNaiDec${rang}`]: declarant(rang, 'nomNaissance'),
  [`nmUsaDec${rang}`]: declarant(rang, 'nomUsage'),
  [`prnmDec${rang}`]: declarant(rang, 'prenoms'),
  [`dateNaisDec${rang}.jour`]: declarant(rang, 'dateNaissance'),
  [`dateNaisDec${rang}.mois`]: declarant(rang, 'dateNaissance'),
  [`dateNaisDec${rang}.annee`]: declarant(rang, 'dateNaissance'),
  [`dptNaissDec${rang}`]: declarant(rang, 'departementNaissance'),
  [`lieuNaissDec${rang}`]: declarant(rang, 'lieuNaissance'),
})
describeOptionalStructureProperty({
  name: 'impot-particulier',
  schema: situationIrSchema,
  normalize: (raw) => normalizeSituationIr(raw, 2023),
  complete: {
    annRevenu: 2023,
    rfr: 61250,
    sitFam: 'M',
    nbPart: 2.5,
    pac: { nbPac: 4, nbPacF: 1, nbPacG: 1, nbPacH: 1, nbPacI: 1, nbPacJ: 0, nbPacN: 0, nbPacP: 0, nbPacR: 0 },
    nmNaiDec1: 'DUBOIS',
    nmUsaDec1: 'MARTIN',
    prnmDec1: 'ANGELA CLAIRE',
    // A known day in an unknown month is no date (refused by design): the days here are unknown.
    dateNaisDec1: { jour: '00', mois: '08', annee: '1962' },
    dptNaissDec1: '75',
    lieuNaissDec1: 'PARIS',
    nmNaiDec2: 'MARTIN',
    nmUsaDec2: 'MARTIN',
    prnmDec2: 'PIERRE',
    dateNaisDec2: { jour: '00', mois: '03', annee: '1960' },
    dptNaissDec2: '69',
    lieuNaissDec2: 'LYON',
    aft: '12 AVENUE DE LA REPUBLIQUE 75011 PARIS',
    aftDetail: {
      complementAdresse: 'BAT A',
      voie: '12 AVENUE DE LA REPUBLIQUE',
      getcommune: 'PARIS',
      getcodePostal: '75011 PARIS',
      commune: 'PARIS',
      codePostal: '75011 PARIS',
    },
    revenuBrutGlobal: 64000,
    revImposable: 63000,
    mntRevbareme: 4100,
    impAvImput: 4200,
    montTotIr: 4000,
  },
  fields: {
    annRevenu: 'annee',
    rfr: 'revenuFiscalReference',
    sitFam: 'situationFamiliale',
    nbPart: 'nombreParts',
    'pac.nbPac': 'nombrePersonnesACharge',
    ...under('pac.', 'personnesACharge.', {
      nbPacF: 'caseF',
      nbPacG: 'caseG',
      nbPacH: 'caseH',
      nbPacI: 'caseI',
      nbPacJ: 'caseJ',
      nbPacN: 'caseN',
      nbPacP: 'caseP',
      nbPacR: 'caseR',
    }),
    ...declarantFields(1),
    ...declarantFields(2),
    aft: 'adresseFiscale.libelle',
    'aftDetail.complementAdresse': 'adresseFiscale.complement',
    'aftDetail.voie': 'adresseFiscale.voie',
    'aftDetail.getcommune': 'adresseFiscale.commune',
    'aftDetail.commune': 'adresseFiscale.commune',
    'aftDetail.getcodePostal': 'adresseFiscale.ligneAcheminement',
    'aftDetail.codePostal': 'adresseFiscale.ligneAcheminement',
    revenuBrutGlobal: 'revenuBrutGlobal',
    revImposable: 'revenuImposable',
    mntRevbareme: 'impotRevenusBareme',
    impAvImput: 'impotAvantImputations',
    montTotIr: 'montantTotalImpot',
  },
})

// The CNAM droits connector reads several answers; for one person they are validated as below and
// normalised by the same function the connector uses.
const personneCnam = v.object({
  me: beneficiaireSchema,
  contrats: v.array(contratSchema),
  caisse: caisseSchema,
  exonerations: v.array(exonerationSchema),
  medecinTraitant: medecinTraitantSchema,
})
describeOptionalStructureProperty({
  name: 'droits-assurance-maladie',
  schema: personneCnam,
  normalize: (raw) =>
    normalizeBeneficiaire(raw.me, raw.contrats, {
      caisse: raw.caisse,
      exonerations: raw.exonerations,
      medecinTraitant: raw.medecinTraitant,
    }),
  complete: {
    me: {
      nir: '262087510700000',
      nom_famille: 'DUBOIS',
      nom_usage: 'MARTIN',
      prenom: 'ANGELA',
      date_naissance: '1962-08-24',
      qualite: 'assure',
      rang_naissance: 1,
      medecin_traitant_choisi: true,
      presence_CMUC_ACS: false,
    },
    contrats: [
      {
        date_debut: '2020-01-15',
        date_fin: '2025-01-15',
        details: { code_type_contrat: 'BASE', libelle_type_contrat: 'Droits de base' },
        nature_assurance: 'AMO',
        periodes_droits: [{ date_debut: '2021-01-01', date_fin: '2022-01-01' }],
      },
    ],
    caisse: cnamCaissePayload,
    exonerations: cnamExonerationsPayload,
    medecinTraitant: cnamMedecinTraitantPayload,
  },
  fields: {
    ...under('me.', '', {
      date_naissance: 'dateNaissance',
      medecin_traitant_choisi: 'medecinTraitantChoisi',
      nir: 'nir',
      nom_famille: 'nomFamille',
      nom_usage: 'nomUsage',
      prenom: 'prenom',
      presence_CMUC_ACS: 'presenceCmucAcs',
      qualite: 'qualite',
      rang_naissance: 'rangNaissance',
    }),
    ...under('contrats[].', 'contrats[].', {
      date_debut: 'dateDebut',
      date_fin: 'dateFin',
      'details.code_type_contrat': 'codeType',
      'details.libelle_type_contrat': 'libelleType',
      nature_assurance: 'natureAssurance',
      'periodes_droits[].date_debut': 'periodesDroits[].dateDebut',
      'periodes_droits[].date_fin': 'periodesDroits[].dateFin',
    }),
    ...under('caisse.', 'caisse.', {
      id: 'id',
      codeCentre: 'codeCentre',
      grandRegime: 'grandRegime',
      libelle: 'libelle',
      organisme: 'organisme',
      'adresse.destinataire': 'adresse.destinataire',
      'adresse.point_remise': 'adresse.pointRemise',
      'adresse.complement_adresse': 'adresse.complementAdresse',
      'adresse.numero_voie': 'adresse.numeroVoie',
      'adresse.indice_repetition': 'adresse.indiceRepetition',
      'adresse.type_voie': 'adresse.typeVoie',
      'adresse.nom_voie': 'adresse.nomVoie',
      'adresse.mention_distribution': 'adresse.mentionDistribution',
      'adresse.code_postal': 'adresse.codePostal',
      'adresse.commune': 'adresse.commune',
    }),
    ...under('exonerations[].', 'exonerations[].', {
      date_debut: 'dateDebut',
      date_fin: 'dateFin',
      'maternite.date_presumee_grossesse': 'maternite.datePresumeeGrossesse',
      'maternite.date_reelle_accouchement': 'maternite.dateReelleAccouchement',
      'motif.code': 'motif.code',
      'motif.libelle': 'motif.libelle',
      'motif.libelle_long': 'motif.libelleLong',
    }),
    ...under('medecinTraitant.', 'medecinTraitant.', {
      nom: 'nom',
      prenom: 'prenom',
      numero_am: 'numeroAm',
      date_debut: 'dateDebut',
      date_fin: 'dateFin',
    }),
  },
})
