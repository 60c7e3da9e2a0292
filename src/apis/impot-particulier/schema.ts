import * as v from 'valibot'
import { numeric } from '../shared/numeric.js'
import { partialDateFromParts } from '../shared/partial-date.js'

// Every field of `SituationsIRAssiettesJAXBbean` is optional in the published OpenAPI: DGFiP
// sends only what the habilitation covers. A field that is present must have its published type;
// `null` is read as absent (the 2019 example sends `"commune": null`).

const text = v.nullish(v.string())
// Numbers may come as decimal strings (FranceConnect's data-provider example sends `"rfr": "15000"`):
// read as numbers, with a warning on the result.
const int64 = v.nullish(numeric(v.integer('an integer')))
const count = v.nullish(numeric(v.integer('an integer'), v.minValue(0, 'a count (>= 0)')))

/** `M` marié, `O` pacsé, `C` célibataire, `D` divorcé, `V` veuf (DGFiP presentation v2.8 §7). */
export const situationFamilleCodes = ['M', 'O', 'C', 'D', 'V'] as const
export type SituationFamilleCode = (typeof situationFamilleCodes)[number]

/** `{ jour, mois, annee }`, all strings. `00` (or an absent part) is an unknown day or month. */
const dateNaissance = v.nullish(
  v.pipe(
    v.looseObject({
      jour: v.nullish(v.pipe(v.string(), v.regex(/^[0-9]{1,2}$/, 'a day of 1 or 2 digits'))),
      mois: v.nullish(v.pipe(v.string(), v.regex(/^[0-9]{1,2}$/, 'a month of 1 or 2 digits'))),
      annee: v.pipe(v.string(), v.regex(/^[0-9]{4}$/, 'a year of 4 digits')),
    }),
    v.check((date) => birthDateOf(date) !== undefined, 'a calendar date (00 for an unknown day or month)'),
  ),
)

/** Current names (`getcommune`, `getcodePostal`) and the 2019 ones (`commune`, `codePostal`) are both read. */
const aftDetail = v.nullish(
  v.looseObject({
    complementAdresse: text,
    voie: text,
    getcommune: text,
    getcodePostal: text,
    commune: text,
    codePostal: text,
  }),
)

const pac = v.nullish(
  v.looseObject({
    nbPac: count,
    nbPacF: count,
    nbPacG: count,
    nbPacH: count,
    nbPacI: count,
    nbPacJ: count,
    nbPacN: count,
    nbPacP: count,
    nbPacR: count,
  }),
)

/**
 * DGFiP Impôt particulier, `GET /impotparticulier/1.0/situations/ir/assiettes/annrev/{annrev}`
 * (`SituationsIRAssiettesJAXBbean`, FranceConnect's published documentation). Fields this connector does
 * not normalise (`rev`, `sitPart`, `datRec`, `metaInfo`…) are accepted as they come and kept in `raw`.
 */
export const situationIrSchema = v.looseObject({
  annRevenu: v.nullish(numeric(v.integer('an integer'))),
  rfr: int64,
  sitFam: v.nullish(v.picklist(situationFamilleCodes, 'a situation de famille code (M, O, C, D, V)')),
  nbPart: v.nullish(numeric(v.minValue(0, 'a number of parts (>= 0)'))),
  pac,
  nmNaiDec1: text,
  nmUsaDec1: text,
  prnmDec1: text,
  dateNaisDec1: dateNaissance,
  dptNaissDec1: text,
  lieuNaissDec1: text,
  nmNaiDec2: text,
  nmUsaDec2: text,
  prnmDec2: text,
  dateNaisDec2: dateNaissance,
  dptNaissDec2: text,
  lieuNaissDec2: text,
  aft: text,
  aftDetail,
  revenuBrutGlobal: int64,
  revImposable: int64,
  mntRevbareme: int64,
  impAvImput: int64,
  montTotIr: int64,
})

export type SituationIrPayload = v.InferOutput<typeof situationIrSchema>

/**
 * The ISO form of a DGFiP birth date `{ jour, mois, annee }` (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when
 * the day or month is `00` or missing), undefined when it is no calendar date.
 *
 * @example
 * ```ts
 * birthDateOf({ annee: '1962', mois: '08', jour: '00' }) // '1962-08'
 * ```
 */
export function birthDateOf(date: {
  annee: string
  mois?: string | null | undefined
  jour?: string | null | undefined
}): string | undefined {
  return partialDateFromParts(Number(date.annee), Number(date.mois ?? 0), Number(date.jour ?? 0))
}
