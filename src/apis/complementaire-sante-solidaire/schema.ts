import * as v from 'valibot'
import { partialIsoDate } from '../shared/partial-date.js'

const isoDate = partialIsoDate

// One scope covers the three fields, so all three are required; the two that the spec makes
// nullable (no right, or no participation known) accept null and nothing else.
/** API Particulier v3 `GET /v3/dss/complementaire_sante_solidaire/france_connect`. */
export const complementaireSanteSolidaireSchema = v.looseObject({
  data: v.looseObject({
    est_beneficiaire: v.boolean(),
    avec_participation: v.nullable(v.boolean()),
    date_debut_droit: v.nullable(isoDate),
  }),
})

export type ComplementaireSanteSolidairePayload = v.InferOutput<typeof complementaireSanteSolidaireSchema>
