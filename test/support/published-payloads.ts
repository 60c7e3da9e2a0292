/**
 * The payloads the API FranceConnectées publish (or, where none is published, built from their
 * schema, as each comment says), shared by the connector tests, the benchmarks and the adversarial
 * suite so that each is written once. Sections refer to reference/franceconnect-apis.md.
 */

// The published v3 staging fixture (reference/franceconnect-apis.md §6.3).
export const boursierV3Payload = {
  data: {
    est_boursier: true,
    periode_versement_bourse: { date_rentree: '2020-09-01', duree: 12 },
    etablissement_etudes: { nom_commune: 'Bordeaux', nom_etablissement: 'Camille Jullian' },
    echelon_bourse: { echelon: '5', echelon_bourse_regionale_provisoire: false },
    email: 'wossewodda-3728@yopmail.com ',
  },
  links: {},
  meta: {},
}

export const boursierV4Payload = {
  ...boursierV3Payload,
  data: {
    statut_boursier: { est_boursier: true, est_radie: false, date_radiation: null },
    periode_versement_bourse: boursierV3Payload.data.periode_versement_bourse,
    etablissement_etudes: boursierV3Payload.data.etablissement_etudes,
    echelon_bourse: boursierV3Payload.data.echelon_bourse,
    email: boursierV3Payload.data.email,
  },
}

// The published v3 staging statutEtudiantPayload (reference/franceconnect-apis.md §5.4).
export const statutEtudiantPayload = {
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
}

// The published FranceConnect staging complementaireSanteSolidairePayload (reference/franceconnect-apis.md §7).
export const complementaireSanteSolidairePayload = {
  data: { est_beneficiaire: true, avec_participation: false, date_debut_droit: '2023-02-01' },
  links: {},
  meta: {},
}

// The reference publishes no RSA revenuSolidariteActivePayload: this one is built from the v3 schema of §7
// (`est_beneficiaire` bool, `avec_majoration` bool|null, `date_debut_droit` date|null).
export const revenuSolidariteActivePayload = {
  data: { est_beneficiaire: true, avec_majoration: true, date_debut_droit: '2024-03-01' },
  links: {},
  meta: {},
}

// The reference publishes no quotient familial quotientFamilialPayload: this one is built from the v3 schema of §7
// (a couple and one child; empty address lines as null, as staging sends them).
export const quotientFamilialPayload = {
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
}

// The published example (reference/franceconnect-apis.md §8.1) has the documented shape but
// placeholder values ("string"); this one keeps its shape and fields and fills in plausible values,
// dates written as France Travail shows them (ISO date-times).
export const franceTravailStatutPayload = {
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
}

// The documented example (reference/franceconnect-apis.md §8.2) is not valid JSON (a missing comma
// and a "../.." ellipsis between items); its first payment is used verbatim, the second one is
// built from the reference's field list, and `statutInscription` is the documented boolean.
export const franceTravailPaiementsPayload = {
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
}

// ——— Issue 14: the cases a real answer may take, each from the spec or example it follows ———

// API Particulier 3.0.0 (etalab/siade_staging_data `openapi_files/api_particulier.yaml`), quotient
// familial v3, FranceConnect route: a child whose birth day and month are unknown (`00`), as CNAF
// and INSEE write it, and one whose day only is unknown.
export const quotientFamilialPartialDatesPayload = {
  ...quotientFamilialPayload,
  data: {
    ...quotientFamilialPayload.data,
    enfants: [
      ...quotientFamilialPayload.data.enfants,
      { nom_naissance: 'MOREAU', nom_usage: null, prenoms: 'NOAH', date_naissance: '2020-00-00', sexe: 'M' },
      { nom_naissance: 'MOREAU', nom_usage: null, prenoms: 'INES', date_naissance: '2022-05-00', sexe: 'F' },
    ],
  },
}

// DGFiP Impôt particulier, FranceConnect's data-provider example (france-connect/data-provider-example,
// mock of the DGFiP route, 2022): numbers served as strings (`"rfr": "15000"`) where the DGFiP OpenAPI
// `Impôt_Particulier` 1.0 types them as numbers; a déclarant born on an unknown day (`jour: '00'`).
export const impotParticulierNumericStringsPayload = {
  rfr: '15000',
  nbPart: '2.5',
  sitFam: 'M',
  pac: { nbPac: '1' },
  nmNaiDec1: 'DUBOIS',
  prnmDec1: 'ANGELA',
  dateNaisDec1: { jour: '00', mois: '08', annee: '1962' },
  aft: '10 RUE DU CENTRE 75007 PARIS',
}

// France Travail, "API Indemnisation" guide (api.gouv.fr, 2024): every payment field is (0,1); this
// payment leaves out `aides` and `autres_paiements`, and sends `allocations` as null.
export const franceTravailPaiementsPartialPayload = {
  statutInscription: true,
  listePaiement: [{ date_paiement: '2021-05-03T04:00:00+02:00', montant_paiement: 1096.78, allocations: null }],
}

// API Particulier 3.0.0, CNOUS v4 FranceConnect route, the flat shape v4 has shipped: the status at
// `data` level (`est_boursier`, `est_radie`, `date_radiation`) instead of `statut_boursier`.
export const boursierV4FlatPayload = {
  ...boursierV4Payload,
  data: {
    est_boursier: true,
    est_radie: true,
    date_radiation: '2024-03-00',
    periode_versement_bourse: boursierV3Payload.data.periode_versement_bourse,
    etablissement_etudes: boursierV3Payload.data.etablissement_etudes,
    echelon_bourse: boursierV3Payload.data.echelon_bourse,
    email: boursierV3Payload.data.email,
  },
}

// API Particulier 3.0.0, RSA v3 FranceConnect route: `date_fin_droit` as the provider sends it beside
// the spec's fields (it is not in the spec).
export const revenuSolidariteActiveWithEndPayload = {
  data: { est_beneficiaire: true, avec_majoration: false, date_debut_droit: '2024-03-01', date_fin_droit: '2025-02-28' },
  links: {},
  meta: {},
}

// CNAM "API des droits assurés" v1 OpenAPI (assurance-maladie-digital/api-droits-fs-doc, 2019),
// `Caisse`, `Exoneration[]` and `MedecinTraitant`, from the spec's example values.
export const cnamCaissePayload = {
  id: '01261',
  codeCentre: '261',
  grandRegime: '01',
  libelle: 'CPAM de Maine-et-Loire',
  organisme: 'CPAM',
  adresse: {
    destinataire: 'Audrey Fournier',
    point_remise: 'Appartement 24',
    complement_adresse: 'Résidence les Lilas',
    numero_voie: '13',
    indice_repetition: 'Bis',
    type_voie: 'boulevard',
    nom_voie: 'Charles de Gaule',
    mention_distribution: 'BP',
    code_postal: '49100',
    commune: 'Angers',
  },
}

export const cnamExonerationsPayload = [
  {
    date_debut: '2018-01-15',
    date_fin: '2018-11-20',
    maternite: { date_presumee_grossesse: '2017-11-00', date_reelle_accouchement: '2018-08-03' },
    motif: { code: 'MAT', libelle: 'Maternité', libelle_long: 'Assurance maternité' },
  },
]

export const cnamMedecinTraitantPayload = {
  nom: 'MOREAU',
  prenom: 'CLAIRE',
  numero_am: '751234567',
  date_debut: '2015-02-01',
  date_fin: '2030-12-31',
}
