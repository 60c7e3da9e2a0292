/**
 * Every data scope FranceConnect v2 enables for the API FranceConnectées
 * (reference/franceconnect-protocol.md §9.5), as data: its French label, who serves it, the SDK
 * connector that asks for it, the response fields it unlocks, and the platforms that offer it.
 *
 * Labels come from reference/franceconnect-apis.md where it gives a French one (`labelSource:
 * 'reference'`, wording kept, capital added); otherwise they are written from the scope's name and
 * the API's documentation (`labelSource: 'derived'`). The C2S, RSA and quotient familial labels are
 * FranceConnect's own wording for those scopes. Fields are the provider's raw field names
 * (`a.b` a nested field, `a[]` an array, a capitalised name a whole object of the published
 * schema); where the reference does not say, `fields` is empty and `fieldsNote` says why. Mappings
 * marked ⚠️ in `fieldsNote` are inferred from names, not published.
 *
 * @module
 */

/** The platforms a data scope can be asked on. */
export type DataScopePlatform = 'franceconnect' | 'franceconnect-plus'

/** Who owns a data scope, as FranceConnect's scope registry groups them (§9.5). */
export type DataScopeProvider =
  | 'DGFiP'
  | 'CNAM'
  | 'CNOUS'
  | 'MESRI'
  | 'MI'
  | 'France Travail'
  | 'DSS'
  | 'DSNJ'
  | 'CNAF/MSA'
  | 'ANTS'
  | 'ASC'

/** The ids of the SDK's connectors (also their subpaths, `franceconnect-sdk/apis/<id>`). */
export type ConnectorId =
  | 'impot-particulier'
  | 'droits-assurance-maladie'
  | 'indemnites-journalieres'
  | 'statut-etudiant'
  | 'statut-etudiant-boursier'
  | 'complementaire-sante-solidaire'
  | 'revenu-solidarite-active'
  | 'quotient-familial'
  | 'france-travail-statut'
  | 'france-travail-paiements'

/** One data scope of FranceConnect. */
export interface DataScope {
  /** The scope string sent to FranceConnect, e.g. `cnous_statut_boursier`. */
  readonly scope: string
  /** Its French label, for consent screens and logs. */
  readonly label: string
  /** `reference`: the label of the APIs reference; `derived`: written from the scope's name. */
  readonly labelSource: 'reference' | 'derived'
  /** The data provider owning the scope. */
  readonly provider: DataScopeProvider
  /** The SDK connector that asks for it, when there is one. */
  readonly api?: ConnectorId
  /** The raw response fields it unlocks; empty when not known (see `fieldsNote`). */
  readonly fields: readonly string[]
  /** Why `fields` is empty, or how sure the mapping is. */
  readonly fieldsNote?: string
  /** Platforms that offer it: FranceConnect+ maps only the CNAM, CNOUS and DGFiP scopes (§9.5). */
  readonly platforms: readonly DataScopePlatform[]
}

const both = ['franceconnect', 'franceconnect-plus'] as const
const v2Only = ['franceconnect'] as const

const dgfipNote = '⚠️ Mapping inferred from the scope and field names (reference §2.2).'
const dgfipYearNote = 'Opens a year of income (the `annrev` that may be asked), not a response field (reference §2.2).'
const dgfip = (
  scope: string,
  label: string,
  labelSource: DataScope['labelSource'],
  fields: readonly string[],
  fieldsNote = dgfipNote,
): DataScope => ({
  scope,
  label,
  labelSource,
  provider: 'DGFiP',
  api: 'impot-particulier',
  fields,
  fieldsNote,
  platforms: both,
})

const cnamFineNote =
  '⚠️ FranceConnect registry only: whether this scope gates a route of the API is not documented (reference §3.2).'
const cnam = (scope: string, label: string, fields: readonly string[], fieldsNote = cnamFineNote): DataScope => ({
  scope,
  label,
  labelSource: 'reference',
  provider: 'CNAM',
  api: 'droits-assurance-maladie',
  fields,
  fieldsNote,
  platforms: both,
})

const cnous = (
  scope: string,
  label: string,
  labelSource: DataScope['labelSource'],
  fields: readonly string[],
  fieldsNote?: string,
): DataScope => ({
  scope,
  label,
  labelSource,
  provider: 'CNOUS',
  api: 'statut-etudiant-boursier',
  fields,
  ...(fieldsNote === undefined ? {} : { fieldsNote }),
  platforms: both,
})

const mesriNote = '⚠️ Mapping inferred from the labels; API Particulier v3 `data.admissions[]` (reference §5.4).'
const mesri = (scope: string, label: string, fields: readonly string[], fieldsNote = mesriNote): DataScope => ({
  scope,
  label,
  labelSource: 'reference',
  provider: 'MESRI',
  api: 'statut-etudiant',
  fields,
  fieldsNote,
  platforms: v2Only,
})

const unknownFields = (what: string) => `Not known: ${what}.`
const v2Scope = (
  scope: string,
  label: string,
  provider: DataScopeProvider,
  api: ConnectorId | undefined,
  fields: readonly string[],
  fieldsNote?: string,
  labelSource: DataScope['labelSource'] = 'derived',
): DataScope => ({
  scope,
  label,
  labelSource,
  provider,
  ...(api === undefined ? {} : { api }),
  fields,
  ...(fieldsNote === undefined ? {} : { fieldsNote }),
  platforms: v2Only,
})

const ants = (suffix: string, label: string): DataScope =>
  v2Scope(
    `ants_extrait_immatriculation_vehicule_${suffix}`,
    `Extrait d’immatriculation du véhicule : ${label}`,
    'ANTS',
    undefined,
    [],
    unknownFields('the APIs reference documents no ANTS API'),
  )
const asc = (suffix: string, label: string): DataScope =>
  v2Scope(
    `gip_mds_service_civique_${suffix}`,
    `Service civique : ${label}`,
    'ASC',
    undefined,
    [],
    unknownFields('the APIs reference documents no service civique API'),
  )

/** The data scopes of FranceConnect v2, grouped by provider in the order of protocol §9.5. */
export const dataScopes: readonly DataScope[] = [
  // DGFiP — API Impôt particulier (reference §2.2).
  dgfip('dgfip_rfr', 'Revenu fiscal de référence', 'reference', ['rfr']),
  dgfip('dgfip_nbpart', 'Nombre de parts', 'reference', ['nbPart']),
  dgfip('dgfip_sitfam', 'Situation de famille', 'reference', ['sitFam']),
  dgfip('dgfip_aft', 'Adresse déclarée au 1er janvier', 'reference', ['aft', 'aftDetail']),
  dgfip('dgfip_nbpac', 'Nombre de personnes à charge', 'reference', ['pac.nbPac']),
  dgfip('dgfip_pac', 'Détail des personnes à charge et rattachées', 'reference', ['pac']),
  dgfip('dgfip_pac_nbPac', 'Nombre de personnes à charge', 'reference', ['pac.nbPac']),
  dgfip('dgfip_decl', 'État-civil des déclarants', 'reference', [
    'nmNaiDec1',
    'nmUsaDec1',
    'prnmDec1',
    'dateNaisDec1',
    'nmNaiDec2',
    'nmUsaDec2',
    'prnmDec2',
    'dateNaisDec2',
  ]),
  dgfip('dgfip_inddeficit', 'Indicateur de déficit', 'reference', ['indDeficit']),
  dgfip('dgfip_pariso', 'Parent isolé (case T)', 'reference', ['sitParIso']),
  dgfip('dgfip_annee_n_moins_1', 'Dernière année de revenu', 'reference', [], dgfipYearNote),
  dgfip('dgfip_annee_n_moins_2', 'Avant-dernière année de revenu', 'reference', [], dgfipYearNote),
  dgfip('dgfip_annee_n_moins_3', 'Avant-avant-dernière année de revenu', 'reference', [], dgfipYearNote),
  dgfip(
    'dgfip_annee_n_moins_2_si_indispo_n_moins_1',
    'Avant-dernière année de revenu, si la dernière n’est pas disponible',
    'derived',
    [],
    'Changes which year the `dernieresituation` resources return (reference §2.2), not a response field.',
  ),
  dgfip('dgfip_locaux_th', 'Données du local (taxe d’habitation)', 'reference', ['regimeTax', 'locaux']),
  dgfip('dgfip_locaux_th_ident', 'Données du local : identifiant', 'reference', ['locaux.invariant']),
  dgfip('dgfip_locaux_th_Nat', 'Données du local : nature', 'reference', ['locaux.natureLocal']),
  dgfip('dgfip_locaux_th_Tax', 'Données du local : régime de taxation', 'reference', ['regimeTax']),
  dgfip('dgfip_locaux_th_Aff', 'Données du local : affectation', 'reference', ['locaux.affectation']),
  dgfip('dgfip_nmUsaDec1', 'Nom d’usage du déclarant 1', 'reference', ['nmUsaDec1']),
  dgfip('dgfip_nmUsaDec2', 'Nom d’usage du déclarant 2', 'reference', ['nmUsaDec2']),
  dgfip('dgfip_nmNaiDec1', 'Nom de naissance du déclarant 1', 'reference', ['nmNaiDec1']),
  dgfip('dgfip_nmNaiDec2', 'Nom de naissance du déclarant 2', 'reference', ['nmNaiDec2']),
  dgfip('dgfip_prnmDec1', 'Prénoms du déclarant 1', 'reference', ['prnmDec1']),
  dgfip('dgfip_prnmDec2', 'Prénoms du déclarant 2', 'reference', ['prnmDec2']),
  dgfip('dgfip_dateNaisDec1', 'Date de naissance du déclarant 1', 'reference', ['dateNaisDec1']),
  dgfip('dgfip_dateNaisDec2', 'Date de naissance du déclarant 2', 'reference', ['dateNaisDec2']),
  dgfip('dgfip_mntRevbareme', 'Montant de l’impôt sur les revenus soumis au barème (ligne 14)', 'reference', ['mntRevbareme']),
  dgfip('dgfip_indiIFI', 'Indicateur ISF/IFI', 'reference', ['indicateurIfiIsf']),
  dgfip('dgfip_RevDecl_Cat1_Tspr', 'Revenus déclarés : traitements, salaires, pensions et rentes', 'derived', ['rev.tspr']),
  dgfip(
    'dgfip_RevDecl_Cat1_RentOn',
    'Revenus déclarés : rentes viagères à titre onéreux',
    'derived',
    [],
    `${dgfipNote} The \`rev\` array holding them is not known.`,
  ),
  dgfip('dgfip_RevDecl_Cat2_Rcm', 'Revenus déclarés : revenus de capitaux mobiliers', 'derived', ['rev.rcm']),
  dgfip('dgfip_RevDecl_Cat3_PMV', 'Revenus déclarés : plus-values et moins-values', 'derived', ['rev.pv']),
  dgfip('dgfip_RevDecl_Cat4_Ref', 'Revenus déclarés : revenus fonciers', 'derived', ['rev.fonc']),
  dgfip('dgfip_RevDecl_Cat5_NonSal', 'Revenus déclarés : revenus des professions non salariées', 'derived', ['rev.pro']),
  // §9.5 writes the net-income scopes `dgfip_RevNets_Cat{…same}`: the six names are expanded from the declared ones ⚠️.
  dgfip('dgfip_RevNets_Cat1_Tspr', 'Revenus nets : traitements, salaires, pensions et rentes', 'derived', ['rev.tspr']),
  dgfip(
    'dgfip_RevNets_Cat1_RentOn',
    'Revenus nets : rentes viagères à titre onéreux',
    'derived',
    [],
    `${dgfipNote} The \`rev\` array holding them is not known.`,
  ),
  dgfip('dgfip_RevNets_Cat2_Rcm', 'Revenus nets : revenus de capitaux mobiliers', 'derived', ['rev.rcm']),
  dgfip('dgfip_RevNets_Cat3_PMV', 'Revenus nets : plus-values et moins-values', 'derived', ['rev.pv']),
  dgfip('dgfip_RevNets_Cat4_Ref', 'Revenus nets : revenus fonciers', 'derived', ['rev.fonc']),
  dgfip('dgfip_RevNets_Cat5_NonSal', 'Revenus nets : revenus des professions non salariées', 'derived', ['rev.pro']),
  dgfip('dgfip_PaDeduc_EnfMaj', 'Pensions alimentaires déductibles versées aux enfants majeurs', 'derived', ['rev.chges']),
  dgfip('dgfip_PaDeduc_Autres', 'Autres pensions alimentaires déductibles', 'derived', ['rev.chges']),
  dgfip('dgfip_EpargRetrDeduc', 'Épargne retraite déductible', 'derived', ['rev.chges']),

  // CNAM — API de droits à l'Assurance Maladie (reference §3.2, §3.4) and Indemnités journalières (§4).
  cnam(
    'droits_assurance_maladie',
    'Droits Assurance Maladie',
    ['Beneficiaire', 'Caisse', 'Contrat', 'Exoneration', 'MedecinTraitant'],
    'The scope the API requires for every route (reference §3.2); fields are its schemas (§3.4).',
  ),
  cnam('cnam_beneficiaires', 'Liste de vos ayant-droits', ['Beneficiaire']),
  cnam('cnam_contrats', 'Vos droits de base', ['Contrat']),
  cnam('cnam_caisse', 'Votre caisse gestionnaire', ['Caisse']),
  cnam('cnam_exonerations', 'Vos exonérations ou modulations éventuelles', ['Exoneration']),
  cnam('cnam_medecin_traitant', 'Votre médecin traitant', ['MedecinTraitant']),
  cnam('cnam_presence_medecin_traitant', 'Présence d’un médecin traitant', ['medecin_traitant_choisi']),
  {
    scope: 'cnam_paiements_ij',
    label: 'Paiements d’indemnités journalières versées par l’Assurance Maladie',
    labelSource: 'reference',
    provider: 'CNAM',
    api: 'indemnites-journalieres',
    fields: [],
    fieldsNote: unknownFields('the API Indemnités journalières has no public spec (reference §4, §11.1)'),
    platforms: both,
  },

  // CNOUS — API Statut étudiant boursier through API Particulier (reference §6.1, §6.3).
  cnous(
    'cnous_statut_boursier',
    'Statut boursier',
    'derived',
    ['est_boursier', 'statut_boursier'],
    'v3 `est_boursier`, v4 `statut_boursier`.',
  ),
  cnous('cnous_echelon_bourse', 'Échelon de la bourse', 'derived', ['echelon_bourse']),
  cnous('cnous_email', 'Adresse électronique', 'derived', ['email']),
  cnous('cnous_periode_versement', 'Période de versement de la bourse', 'derived', ['periode_versement_bourse']),
  cnous(
    'cnous_statut_bourse',
    'Statut de la bourse (définitif ou provisoire)',
    'derived',
    ['statut', 'statutLibelle'],
    'API Particulier v2 field names; the v3/v4 payloads have no such field (reference §6.3).',
  ),
  cnous('cnous_ville_etudes', 'Ville d’études et établissement', 'reference', ['etablissement_etudes']),
  cnous(
    'cnous_identite',
    'Identité',
    'reference',
    [],
    'The v3/v4 payloads carry no identity block (v2 had nom, prenom, prenom2, dateNaissance, lieuNaissance, sexe) (reference §6.3).',
  ),

  // MESRI — API Statut étudiant through API Particulier (reference §5.2, §5.4).
  mesri(
    'mesri_identite',
    'Identité de l’étudiant',
    [],
    'The published v3 schema has no identity block (reference §5.4); ⚠️ API Particulier may add one under this scope, left in `raw`.',
  ),
  mesri('mesri_admissions', 'Liste des admissions de l’étudiant', [
    'admissions',
    'admissions[].date_debut',
    'admissions[].date_fin',
  ]),
  mesri('mesri_admission_inscrit', 'Pour chaque admission, indique si l’étudiant est passé à inscrit', [
    'admissions[].est_inscrit',
  ]),
  mesri('mesri_admission_regime_formation', 'Régime de formation', ['admissions[].regime_formation']),
  mesri('mesri_admission_commune_etudes', 'Code COG Insee de la commune de l’établissement', [
    'admissions[].code_cog_insee_commune',
  ]),
  mesri(
    'mesri_admission_etablissement_etude',
    'Appellation et code UAI de l’établissement',
    ['admissions[].etablissement_etudes'],
    `${mesriNote} ⚠️ FranceConnect spells the scope without the final "s" that API Particulier and DataPass use (reference §5.2).`,
  ),

  // MI.
  v2Scope(
    'mi_siv_carte_grise',
    'Certificat d’immatriculation (carte grise) du système d’immatriculation des véhicules',
    'MI',
    undefined,
    [],
    unknownFields('the APIs reference documents no MI API'),
  ),

  // France Travail — served by France Travail itself (reference §8).
  v2Scope(
    'api_fc-liste-paiementsv1',
    'Liste des paiements de France Travail pour la période d’inscription en cours',
    'France Travail',
    'france-travail-paiements',
    ['statutInscription', 'listePaiement'],
    '`listePaiement[]` holds date_paiement, montant_paiement, allocations, aides, autres_paiements (reference §8.2).',
  ),
  v2Scope(
    'api_fc-statutaugmentev1',
    'Statut demandeur d’emploi et identité',
    'France Travail',
    'france-travail-statut',
    ['etatCivil', 'modalitesContact', 'adresse', 'situationInscription'],
    'Label derived: the reference quotes FranceConnect’s label with an ellipsis ("Statut demandeur d’emploi ou … et identité", §8.1).',
  ),

  // DSS — complémentaire santé solidaire through API Particulier (reference §7).
  v2Scope('complementaire_sante_solidaire', 'Statut bénéficiaire C2S', 'DSS', 'complementaire-sante-solidaire', [
    'est_beneficiaire',
    'avec_participation',
    'date_debut_droit',
  ]),

  // DSNJ.
  v2Scope(
    'dsnj_statut_service_national',
    'Statut au regard du service national',
    'DSNJ',
    undefined,
    [],
    unknownFields('the APIs reference documents no DSNJ API'),
  ),

  // CNAF/MSA — through API Particulier (reference §7).
  v2Scope(
    'allocation_adulte_handicape',
    'Allocation aux adultes handicapés (AAH)',
    'CNAF/MSA',
    undefined,
    [],
    unknownFields('the route exists in API Particulier v3 but its schema is not in the reference (§7)'),
  ),
  v2Scope(
    'allocation_soutien_familial',
    'Allocation de soutien familial (ASF)',
    'CNAF/MSA',
    undefined,
    [],
    unknownFields('the route exists in API Particulier v3 but its schema is not in the reference (§7)'),
  ),
  v2Scope(
    'prime_activite',
    'Prime d’activité',
    'CNAF/MSA',
    undefined,
    [],
    unknownFields('the route exists in API Particulier v3 but its schema is not in the reference (§7)'),
  ),
  v2Scope(
    'prime_activite_majoration',
    'Majoration de la prime d’activité',
    'CNAF/MSA',
    undefined,
    [],
    unknownFields('the route exists in API Particulier v3 but its schema is not in the reference (§7)'),
  ),
  v2Scope(
    'cnaf_quotient_familial',
    'Quotient familial CAF & MSA et composition familiale',
    'CNAF/MSA',
    'quotient-familial',
    ['quotient_familial'],
    '⚠️ Mapping inferred from the scope names (reference §7).',
  ),
  v2Scope(
    'cnaf_allocataires',
    'Identités allocataire et conjoint',
    'CNAF/MSA',
    'quotient-familial',
    ['allocataires'],
    '⚠️ Mapping inferred from the scope names (reference §7).',
  ),
  v2Scope(
    'cnaf_enfants',
    'Identités enfants',
    'CNAF/MSA',
    'quotient-familial',
    ['enfants'],
    '⚠️ Mapping inferred from the scope names (reference §7).',
  ),
  v2Scope(
    'cnaf_adresse',
    'Adresse du foyer',
    'CNAF/MSA',
    'quotient-familial',
    ['adresse'],
    '⚠️ Mapping inferred from the scope names (reference §7).',
  ),
  v2Scope(
    'revenu_solidarite_active',
    'Statut bénéficiaire RSA',
    'CNAF/MSA',
    'revenu-solidarite-active',
    ['est_beneficiaire', 'date_debut_droit'],
    '⚠️ Mapping inferred from the scope names (reference §7).',
  ),
  v2Scope(
    'revenu_solidarite_active_majoration',
    'Statut bénéficiaire majoration',
    'CNAF/MSA',
    'revenu-solidarite-active',
    ['avec_majoration'],
    '⚠️ Mapping inferred from the scope names (reference §7).',
  ),

  // ANTS.
  ants('identite_particulier', 'identité du titulaire'),
  ants('adresse_particulier', 'adresse du titulaire'),
  ants('statut_rattachement', 'statut de rattachement au véhicule'),
  ants('donnees_immatriculation_vehicule', 'données d’immatriculation du véhicule'),
  ants('caracteristiques_techniques_vehicule', 'caractéristiques techniques du véhicule'),

  // ASC — service civique.
  asc('statut_actuel', 'statut actuel'),
  asc('statut_passe', 'statuts passés'),
  asc('organisme_accueil', 'organisme d’accueil'),
  asc('dates', 'dates de la mission'),
]
