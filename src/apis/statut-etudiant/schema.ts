import * as v from 'valibot'
import { partialIsoDate } from '../shared/partial-date.js'

// A date with an unknown day or month (`00`) is read as `YYYY-MM` or `YYYY`.
const isoDate = partialIsoDate
const regimeCode = v.picklist(['RF1', 'RF2', 'RF3', 'RF4', 'RF5', 'RF6', 'RF7'], 'a régime de formation code from RF1 to RF7')
// The published spec gives the UAI's pattern: seven digits and one word character.
const uai = v.pipe(v.string(), v.regex(/^[0-9]{7}[A-Za-z0-9_]$/, 'a UAI code (7 digits and a letter)'))

// Production removes what a scope not granted covers: `admissions` needs `mesri_admissions`, and
// inside an admission `est_inscrit`, `regime_formation`, `code_cog_insee_commune` and
// `etablissement_etudes` each need their own scope. So those are optional; `date_debut` and
// `date_fin` come with every admission.
const admission = v.looseObject({
  date_debut: isoDate,
  date_fin: isoDate,
  est_inscrit: v.optional(v.boolean()),
  // The spec lists the labels as an enum whose exact spelling the reference does not give (⚠️):
  // the code is checked against its list, the label only as a string.
  regime_formation: v.optional(v.looseObject({ code: regimeCode, libelle: v.string() })),
  code_cog_insee_commune: v.optional(v.string()),
  etablissement_etudes: v.optional(v.looseObject({ uai, nom: v.string() })),
})

/** API Particulier v3 `GET /v3/mesri/statut_etudiant/france_connect`. */
export const statutEtudiantSchema = v.looseObject({
  data: v.looseObject({ admissions: v.optional(v.array(admission)) }),
})

export type StatutEtudiantPayload = v.InferOutput<typeof statutEtudiantSchema>
