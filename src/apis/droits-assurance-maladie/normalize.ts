import type { BeneficiairePayload, ContratPayload, Qualite } from './schema.js'

export type { Qualite } from './schema.js'

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
}

/** The signed-in insured person and their beneficiaries, as the CNAM gives them. */
export interface DroitsAssuranceMaladie {
  /** The insured person (`GET /me`). */
  assure: BeneficiaireAssuranceMaladie
  /** Their beneficiaries (`GET /me/beneficiaires`), as the CNAM lists them. */
  beneficiaires: BeneficiaireAssuranceMaladie[]
}

/** `Beneficiaire` → {@link BeneficiaireAssuranceMaladie}; null fields are left out. */
export function normalizeBeneficiaire(raw: BeneficiairePayload, contrats?: ContratPayload[]): BeneficiaireAssuranceMaladie {
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

/** The object without its null or undefined fields. */
function compact<T extends object>(fields: { [K in keyof T]: T[K] | null | undefined }): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as T
}
