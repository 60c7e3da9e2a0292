import {
  caisseSchema,
  exonerationSchema,
  medecinTraitantSchema,
  type BeneficiairePayload,
  type CaissePayload,
  type ContratPayload,
  type ExonerationPayload,
  type MedecinTraitantPayload,
  type MotifExoneration,
  type Qualite,
} from './schema.js'

export type { MotifExoneration, Qualite } from './schema.js'

/** The postal address of a fund, in the lines of AFNOR XP Z 10-011 (`Caisse.adresse`). */
export interface AdresseCaisse {
  /** `destinataire`. */
  destinataire?: string
  /** `point_remise`. */
  pointRemise?: string
  /** `complement_adresse`. */
  complementAdresse?: string
  /** `numero_voie`. */
  numeroVoie?: string
  /** `indice_repetition` (bis, ter…). */
  indiceRepetition?: string
  /** `type_voie`. */
  typeVoie?: string
  /** `nom_voie`. */
  nomVoie?: string
  /** `mention_distribution` (BP…). */
  mentionDistribution?: string
  /** `code_postal`. */
  codePostal?: string
  /** `commune`. */
  commune?: string
}

/** The fund managing a person's rights (`Caisse`, from `GET /caisse`; scope `cnam_caisse`). */
export interface Caisse {
  /** Fund id, grand régime then caisse, e.g. `01261` (`id`). */
  id?: string
  /** `codeCentre`. */
  codeCentre?: string
  /** `grandRegime`. */
  grandRegime?: string
  /** `libelle`. */
  libelle?: string
  /** `organisme`. */
  organisme?: string
  /** `adresse`. */
  adresse?: AdresseCaisse
}

/** An exemption from the patient's share (`Exoneration`, from `GET /exonerations`; scope `cnam_exonerations`). */
export interface Exoneration {
  /** `date_debut`, ISO. */
  dateDebut?: string
  /** `date_fin`, ISO. */
  dateFin?: string
  /** Maternity dates, ISO (`maternite.date_presumee_grossesse`, `maternite.date_reelle_accouchement`). */
  maternite?: { datePresumeeGrossesse?: string; dateReelleAccouchement?: string }
  /** Why (`motif.code`, `motif.libelle`, `motif.libelle_long`). */
  motif?: { code?: MotifExoneration; libelle?: string; libelleLong?: string }
}

/** The declared GP (`MedecinTraitant`, from `GET /medecin-traitant`; scope `cnam_medecin_traitant`). */
export interface MedecinTraitant {
  /** `nom`. */
  nom?: string
  /** `prenom`. */
  prenom?: string
  /** The doctor's Assurance Maladie number (`numero_am`). */
  numeroAm?: string
  /** `date_debut`, ISO. */
  dateDebut?: string
  /** `date_fin`, ISO. */
  dateFin?: string
}

/** What the per-person endpoints other than `/contrats` answered for one person; a key is there when its endpoint was called. */
export interface ParPersonne {
  caisse?: CaissePayload
  exonerations?: ExonerationPayload[]
  medecinTraitant?: MedecinTraitantPayload
}

/** A period of rights, ISO dates (`periodes_droits[]`). */
export interface PeriodeDroits {
  /** `date_debut`. */
  dateDebut?: string
  /** `date_fin`. */
  dateFin?: string
}

/** A health-insurance contract of a person (`Contrat`, from `GET /contrats`). */
export interface Contrat {
  /** `AMO` (assurance maladie obligatoire) or `AMC` (complémentaire, only CMU-C/ACS in v1) (`nature_assurance`). */
  natureAssurance?: 'AMO' | 'AMC'
  /** Start of the contract, ISO (`date_debut`). */
  dateDebut?: string
  /** End of the contract, ISO (`date_fin`). */
  dateFin?: string
  /** Contract type code, e.g. `BASE` (`details.code_type_contrat`). */
  codeType?: string
  /** Contract type label, e.g. "Droits de base (contrat sans spécificité)" (`details.libelle_type_contrat`). */
  libelleType?: string
  /** The periods of rights of the contract (`periodes_droits`). */
  periodesDroits: PeriodeDroits[]
}

/** A person known to the CNAM: the insured person or one of their beneficiaries (`Beneficiaire`). */
export interface BeneficiaireAssuranceMaladie {
  /** How the person relates to the insured person (`qualite`): `assure`, `conjoint`, `enfant`… */
  qualite?: Qualite
  /** NIR (numéro de sécurité sociale) of the person (`nir`). */
  nir?: string
  /** Nom de famille (`nom_famille`). */
  nomFamille?: string
  /** Nom d'usage (`nom_usage`). */
  nomUsage?: string
  /** Prénom (`prenom`). */
  prenom?: string
  /** Date de naissance, ISO (`date_naissance`). */
  dateNaissance?: string
  /** Rang de naissance, to tell twins apart (`rang_naissance`). */
  rangNaissance?: number
  /** Whether a médecin traitant was declared (`medecin_traitant_choisi`). */
  medecinTraitantChoisi?: boolean
  /** Whether the person has CMU-C or ACS, now complémentaire santé solidaire (`presence_CMUC_ACS`). */
  presenceCmucAcs?: boolean
  /**
   * The person's contracts and their periods of rights (`GET /contrats` with the person's NIR),
   * when the connector fetched them (option `contrats`, default on) and the person has a NIR.
   */
  contrats?: Contrat[]
  /** The person's fund (`GET /caisse`), when `cnam_caisse` was granted. */
  caisse?: Caisse
  /** The person's exemptions (`GET /exonerations`), when `cnam_exonerations` was granted. */
  exonerations?: Exoneration[]
  /** The person's GP (`GET /medecin-traitant`), when `cnam_medecin_traitant` was granted. */
  medecinTraitant?: MedecinTraitant
}

/** The signed-in insured person and their beneficiaries, as the CNAM gives them. */
export interface DroitsAssuranceMaladie {
  /** The insured person (`GET /me`). */
  assure: BeneficiaireAssuranceMaladie
  /** Their beneficiaries (`GET /me/beneficiaires`), as the CNAM lists them. */
  beneficiaires: BeneficiaireAssuranceMaladie[]
}

/**
 * `Beneficiaire`, and what the per-person endpoints answered for them, → {@link BeneficiaireAssuranceMaladie};
 * null fields are left out.
 *
 * @example
 * ```ts
 * normalizeBeneficiaire({ prenom: 'ANGELA', qualite: 'assure' }, undefined, { caisse: { id: '01751' } })
 * // { prenom: 'ANGELA', qualite: 'assure', caisse: { id: '01751' } }
 * ```
 */
export function normalizeBeneficiaire(
  raw: BeneficiairePayload,
  contrats?: ContratPayload[],
  parPersonne: ParPersonne = {},
): BeneficiaireAssuranceMaladie {
  const result = compact<BeneficiaireAssuranceMaladie>({
    qualite: raw.qualite,
    nir: raw.nir,
    nomFamille: raw.nom_famille,
    nomUsage: raw.nom_usage,
    prenom: raw.prenom,
    dateNaissance: raw.date_naissance,
    rangNaissance: raw.rang_naissance,
    medecinTraitantChoisi: raw.medecin_traitant_choisi,
    presenceCmucAcs: raw.presence_CMUC_ACS,
  })
  if (contrats) result.contrats = contrats.map(normalizeContrat)
  if (parPersonne.caisse) result.caisse = camelFields(parPersonne.caisse, caisseSchema) as Caisse
  if (parPersonne.exonerations) {
    result.exonerations = parPersonne.exonerations.map((item) => camelFields(item, exonerationSchema) as Exoneration)
  }
  if (parPersonne.medecinTraitant) {
    result.medecinTraitant = camelFields(parPersonne.medecinTraitant, medecinTraitantSchema) as MedecinTraitant
  }
  return result
}

/** `Contrat` → {@link Contrat}. */
export function normalizeContrat(raw: ContratPayload): Contrat {
  return {
    ...compact<Omit<Contrat, 'periodesDroits'>>({
      natureAssurance: raw.nature_assurance,
      dateDebut: raw.date_debut,
      dateFin: raw.date_fin,
      codeType: raw.details?.code_type_contrat,
      libelleType: raw.details?.libelle_type_contrat,
    }),
    periodesDroits: (raw.periodes_droits ?? []).map((periode) =>
      compact<PeriodeDroits>({ dateDebut: periode.date_debut, dateFin: periode.date_fin }),
    ),
  }
}

/**
 * The fields a schema knows of a CNAM object, their names camelCased (`numero_am` → `numeroAm`),
 * null ones left out, nested objects alike: `Caisse`, `Exoneration` and `MedecinTraitant` map one to
 * one, so one reader serves the three.
 */
function camelFields(raw: unknown, schema: unknown): unknown {
  const node = schema as { wrapped?: unknown; entries?: Record<string, unknown> }
  const entries = (node.wrapped as typeof node | undefined)?.entries ?? node.entries
  if (!entries || typeof raw !== 'object' || raw === null) return raw
  const result: Record<string, unknown> = {}
  for (const [key, entry] of Object.entries(entries)) {
    const value = (raw as Record<string, unknown>)[key]
    if (value !== null && value !== undefined) {
      result[key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())] = camelFields(value, entry)
    }
  }
  return result
}

/** The object without its null or undefined fields. */
function compact<T extends object>(fields: { [K in keyof T]: T[K] | null | undefined }): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as T
}
