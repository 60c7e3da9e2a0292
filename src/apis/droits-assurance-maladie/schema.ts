import * as v from 'valibot'
import { numeric } from '../shared/numeric.js'
import { partialIsoDate } from '../shared/partial-date.js'

// The published spec ("API des droits assurés", CNAM, 2019) lists no required property: every field
// is optional, and a field that is present must have its published type. `null` is read as absent.

const isoDate = v.nullish(partialIsoDate)
const text = v.nullish(v.string())

/** `Beneficiaire.qualite`, the enum of the spec. */
export const qualites = [
  'assure',
  'concubin',
  'concubin_en_rupture',
  'pacse',
  'ex_pacse',
  'conjoint',
  'conjoint_separe',
  'conjoint_divorce',
  'conjoint_veuf',
  'parent',
  'enfant',
  'autre',
] as const

/** `Beneficiaire`: the answer of `GET /me`, and each item of `GET /me/beneficiaires`. */
export const beneficiaireSchema = v.looseObject({
  date_naissance: isoDate,
  medecin_traitant_choisi: v.nullish(v.boolean()),
  nir: text,
  nom_famille: text,
  nom_usage: text,
  prenom: text,
  presence_CMUC_ACS: v.nullish(v.boolean()),
  qualite: v.nullish(v.picklist(qualites, `a qualite of the spec (${qualites.join(', ')})`)),
  rang_naissance: v.nullish(numeric(v.integer('an integer'))),
})

/** `Contrat`: each item of `GET /contrats` (header `nir`). */
export const contratSchema = v.looseObject({
  date_debut: isoDate,
  date_fin: isoDate,
  details: v.nullish(v.looseObject({ code_type_contrat: text, libelle_type_contrat: text })),
  nature_assurance: v.nullish(v.picklist(['AMO', 'AMC'], 'AMO or AMC')),
  periodes_droits: v.nullish(v.array(v.looseObject({ date_debut: isoDate, date_fin: isoDate }))),
})

/** `Adresse` (AFNOR XP Z 10-011), the address of a `Caisse`. */
const adresseSchema = v.looseObject({
  destinataire: text,
  point_remise: text,
  complement_adresse: text,
  numero_voie: text,
  indice_repetition: text,
  type_voie: text,
  nom_voie: text,
  mention_distribution: text,
  code_postal: text,
  commune: text,
})

/** `Caisse`: the answer of `GET /caisse` (header `nir`). */
export const caisseSchema = v.looseObject({
  adresse: v.nullish(adresseSchema),
  codeCentre: text,
  grandRegime: text,
  id: text,
  libelle: text,
  organisme: text,
})

/** `Exoneration.motif.code`, the enum of the spec. */
export const motifsExoneration = ['INV', 'MAT', 'LIS', 'EXP', 'EXC', 'A115_DET_PML', 'NE', 'STE', 'EDS'] as const

/** `Exoneration`: each item of `GET /exonerations` (header `nir`). */
export const exonerationSchema = v.looseObject({
  date_debut: isoDate,
  date_fin: isoDate,
  maternite: v.nullish(v.looseObject({ date_presumee_grossesse: isoDate, date_reelle_accouchement: isoDate })),
  motif: v.nullish(
    v.looseObject({
      code: v.nullish(v.picklist(motifsExoneration, 'a motif code of the spec')),
      libelle: text,
      libelle_long: text,
    }),
  ),
})

/** `MedecinTraitant`: the answer of `GET /medecin-traitant` (header `nir`). */
export const medecinTraitantSchema = v.looseObject({
  date_debut: isoDate,
  date_fin: isoDate,
  nom: text,
  prenom: text,
  numero_am: text,
})

/**
 * The answers of the per-person endpoints, one per distinct NIR in the order asked (the insured
 * person first): a mismatch reads `caisse.1.adresse.code_postal`, never the NIR.
 */
export const parPersonneSchema = v.object({
  contrats: v.optional(v.array(v.array(contratSchema))),
  caisse: v.optional(v.array(caisseSchema)),
  exonerations: v.optional(v.array(v.array(exonerationSchema))),
  medecinTraitant: v.optional(v.array(medecinTraitantSchema)),
})

/**
 * The two first answers, validated together so that a mismatch names its endpoint: `me.qualite`,
 * `beneficiaires.1.date_naissance`.
 */
export const personnesSchema = v.object({
  me: beneficiaireSchema,
  beneficiaires: v.array(beneficiaireSchema),
})

/**
 * The `/contrats` answers, one per distinct NIR in the order asked (the insured person first, then the
 * beneficiaries): a mismatch reads `contrats.0.1.periodes_droits.0.date_fin`, never the NIR.
 */
export const contratsSchema = v.object({ contrats: v.array(v.array(contratSchema)) })

export type BeneficiairePayload = v.InferOutput<typeof beneficiaireSchema>
export type ContratPayload = v.InferOutput<typeof contratSchema>
export type CaissePayload = v.InferOutput<typeof caisseSchema>
export type ExonerationPayload = v.InferOutput<typeof exonerationSchema>
export type MedecinTraitantPayload = v.InferOutput<typeof medecinTraitantSchema>
/** A motif of exemption (`Exoneration.motif.code`), as the spec lists them. */
export type MotifExoneration = (typeof motifsExoneration)[number]
/** A person's quality on the CNAM record (assuré, conjoint, enfant…), as the spec lists them. */
export type Qualite = (typeof qualites)[number]
