import * as v from 'valibot'
import { numeric } from '../shared/numeric.js'
import { partialIsoDate } from '../shared/partial-date.js'

const isoDate = partialIsoDate
const echelon = v.picklist(['0bis', '1', '2', '3', '4', '5', '6', '7'], 'an échelon from 0bis to 7')

// Production removes the blocks whose scope was not granted, so each block is optional;
// inside a block, every field the spec lists is required.
const commonBlocks = {
  periode_versement_bourse: v.optional(v.looseObject({ date_rentree: isoDate, duree: numeric() })),
  etablissement_etudes: v.optional(v.looseObject({ nom_commune: v.string(), nom_etablissement: v.string() })),
  echelon_bourse: v.optional(v.looseObject({ echelon, echelon_bourse_regionale_provisoire: v.boolean() })),
  email: v.optional(v.string()),
}

/** API Particulier v3 `GET /v3/cnous/etudiant_boursier/france_connect`. */
export const boursierV3Schema = v.looseObject({
  data: v.looseObject({ est_boursier: v.optional(v.boolean()), ...commonBlocks }),
})

const sameAsNested = 'as in statut_boursier'

const flatStatus = {
  est_boursier: v.optional(v.boolean()),
  est_radie: v.optional(v.boolean()),
  date_radiation: v.optional(v.nullable(isoDate)),
}

/**
 * API Particulier v4: the status in `statut_boursier` with `est_radie` and `date_radiation`; v4 has
 * also shipped them flat, at `data` level (`est_boursier`, `est_radie`, `date_radiation`). Both shapes
 * are read; when both carry a field, they must agree, or the answer is refused at the flat field.
 */
export const boursierV4Schema = v.looseObject({
  data: v.pipe(
    v.looseObject({
      statut_boursier: v.optional(
        v.looseObject({ est_boursier: v.boolean(), est_radie: v.boolean(), date_radiation: v.nullable(isoDate) }),
      ),
      ...flatStatus,
      ...commonBlocks,
    }),
    v.forward(
      v.check((data) => agrees(data, 'est_boursier'), sameAsNested),
      ['est_boursier'],
    ),
    v.forward(
      v.check((data) => agrees(data, 'est_radie'), sameAsNested),
      ['est_radie'],
    ),
    v.forward(
      v.check((data) => agrees(data, 'date_radiation'), sameAsNested),
      ['date_radiation'],
    ),
  ),
})

type StatusField = 'est_boursier' | 'est_radie' | 'date_radiation'

/** Whether the flat and the nested status say the same of `field`, or only one of them says it. */
function agrees(
  data: { statut_boursier?: Record<StatusField, unknown> | undefined } & Partial<Record<StatusField, unknown>>,
  field: StatusField,
): boolean {
  return data.statut_boursier === undefined || data[field] === undefined || data[field] === data.statut_boursier[field]
}

export type BoursierV3Payload = v.InferOutput<typeof boursierV3Schema>
export type BoursierV4Payload = v.InferOutput<typeof boursierV4Schema>
