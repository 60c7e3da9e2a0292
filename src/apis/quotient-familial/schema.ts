import * as v from 'valibot'
import { numeric } from '../shared/numeric.js'
import { partialIsoDate } from '../shared/partial-date.js'

// CNAF and INSEE write an unknown birth day or month `00` (`2020-00-00`): read as `YYYY-MM` or `YYYY`.
const isoDate = partialIsoDate
const integer = numeric(v.integer('an integer'))
const month = numeric(v.integer('an integer'), v.minValue(1, 'a month from 1 to 12'), v.maxValue(12, 'a month from 1 to 12'))
// The spec does not say which address lines may be null; staging sends null for empty ones, so every
// line accepts a string or null (⚠️).
const line = v.nullable(v.string())

const personne = v.looseObject({
  nom_naissance: v.string(),
  nom_usage: v.nullable(v.string()),
  prenoms: v.string(),
  date_naissance: isoDate,
  sexe: v.picklist(['F', 'M'], 'F or M'),
})

// Production removes the blocks whose scope was not granted (`cnaf_quotient_familial`,
// `cnaf_allocataires`, `cnaf_enfants`, `cnaf_adresse`), so each block is optional; inside a block,
// every field the spec lists is required.
/** API Particulier v3 `GET /v3/dss/quotient_familial/france_connect`. */
export const quotientFamilialSchema = v.looseObject({
  data: v.looseObject({
    quotient_familial: v.optional(
      v.looseObject({
        fournisseur: v.picklist(['CNAF', 'MSA'], 'CNAF or MSA'),
        valeur: integer,
        annee: integer,
        mois: month,
        annee_calcul: integer,
        mois_calcul: month,
      }),
    ),
    allocataires: v.optional(v.array(personne)),
    enfants: v.optional(v.array(personne)),
    adresse: v.optional(
      v.looseObject({
        destinataire: line,
        complement_information: line,
        complement_information_geographique: line,
        numero_libelle_voie: line,
        lieu_dit: line,
        code_postal_ville: line,
        pays: line,
      }),
    ),
  }),
})

export type QuotientFamilialPayload = v.InferOutput<typeof quotientFamilialSchema>
