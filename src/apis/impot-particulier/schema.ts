import * as v from 'valibot'

// Every field of `SituationsIRAssiettesJAXBbean` is optional in the published OpenAPI (§2.4): DGFiP
// sends only what the habilitation covers. A field that is present must have its published type;
// `null` is read as absent (the 2019 example sends `"commune": null`).

const text = v.nullish(v.string())
const int64 = v.nullish(v.pipe(v.number(), v.integer('an integer')))
const count = v.nullish(v.pipe(v.number(), v.integer('an integer'), v.minValue(0, 'a count (>= 0)')))

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
    v.check((date) => isPlausibleDate(date.annee, date.mois, date.jour), 'a calendar date'),
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
 * (`SituationsIRAssiettesJAXBbean`, reference/franceconnect-apis.md §2.4). Fields this connector does
 * not normalise (`rev`, `sitPart`, `datRec`, `metaInfo`…) are accepted as they come and kept in `raw`.
 */
export const situationIrSchema = v.looseObject({
  annRevenu: v.nullish(v.pipe(v.number(), v.integer('an integer'))),
  rfr: int64,
  sitFam: v.nullish(v.picklist(situationFamilleCodes, 'a situation de famille code (M, O, C, D, V)')),
  nbPart: v.nullish(v.pipe(v.number(), v.finite('a finite number'), v.minValue(0, 'a number of parts (>= 0)'))),
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

/** Whether `annee-mois-jour` can be a birth date; a missing or `00` day or month stands for unknown. */
function isPlausibleDate(annee: string, mois: string | null | undefined, jour: string | null | undefined): boolean {
  const month = mois ? Number(mois) : 0
  const day = jour ? Number(jour) : 0
  if (month > 12 || (month === 0 && day !== 0)) return false
  if (day === 0) return true
  const last = new Date(Date.UTC(Number(annee), month, 0)).getUTCDate()
  return day <= last
}
