import * as v from 'valibot'
import { partialIsoDate } from '../shared/partial-date.js'

const isoDate = partialIsoDate

// Production removes what a scope not granted covers: `est_beneficiaire` and `date_debut_droit` need
// `revenu_solidarite_active`, `avec_majoration` needs `revenu_solidarite_active_majoration`. So each
// is optional; when present, its type is the spec's.
/** API Particulier v3 `GET /v3/dss/revenu_solidarite_active/france_connect`. */
export const revenuSolidariteActiveSchema = v.looseObject({
  data: v.looseObject({
    est_beneficiaire: v.optional(v.boolean()),
    avec_majoration: v.optional(v.nullable(v.boolean())),
    date_debut_droit: v.optional(v.nullable(isoDate)),
    // Not in the spec, but sent by the provider: read when there, with the type of its sibling.
    date_fin_droit: v.optional(v.nullable(isoDate)),
  }),
})

export type RevenuSolidariteActivePayload = v.InferOutput<typeof revenuSolidariteActiveSchema>
