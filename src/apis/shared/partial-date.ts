import * as v from 'valibot'

// Providers write a date whose day or month is unknown with `00` parts: API Particulier's CNAF and
// INSEE sourced routes send `2020-00-00` or `2020-05-00`, DGFiP splits a birth date into
// `{ jour: '00', mois: '00', annee }`. The SDK gives every such date in one shape: `YYYY-MM-DD`,
// `YYYY-MM` when the day is unknown, `YYYY` when the month is unknown too.

const partialDatePattern = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/

/**
 * The ISO form of a date given by its parts, a missing or `0` part standing for unknown: `YYYY-MM-DD`,
 * `YYYY-MM` (day unknown) or `YYYY` (month unknown). Returns undefined when the parts are no calendar
 * date (month 13, 30 February, a known day in an unknown month).
 *
 * @example
 * ```ts
 * partialDateFromParts(1962, 8, 24) // '1962-08-24'
 * partialDateFromParts(2020, 5, 0) // '2020-05'
 * partialDateFromParts(2020, 0, 0) // '2020'
 * partialDateFromParts(2021, 2, 30) // undefined
 * ```
 */
export function partialDateFromParts(year: number, month = 0, day = 0): string | undefined {
  // the parts come from digit-only strings: whole numbers, never negative
  if (month > 12 || (month === 0 && day !== 0)) return undefined
  const yyyy = String(year).padStart(4, '0')
  if (month === 0) return yyyy
  const mm = String(month).padStart(2, '0')
  if (day === 0) return `${yyyy}-${mm}`
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined
  return `${yyyy}-${mm}-${String(day).padStart(2, '0')}`
}

/**
 * A date written `YYYY-MM-DD` whose day, or day and month, may be `00` (unknown), in its ISO form:
 * `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Undefined when it is not such a date.
 *
 * @example
 * ```ts
 * normalizePartialDate('2020-00-00') // '2020'
 * normalizePartialDate('2020-05-00') // '2020-05'
 * normalizePartialDate('2020-05-17') // '2020-05-17'
 * normalizePartialDate('2020-00-17') // undefined
 * ```
 */
export function normalizePartialDate(value: string): string | undefined {
  const match = partialDatePattern.exec(value)
  if (!match) return undefined
  return partialDateFromParts(Number(match[1]), Number(match[2]), Number(match[3]))
}

/**
 * The schema of a date field: a calendar date `YYYY-MM-DD`, or one with unknown (`00`) parts, turned
 * into its ISO form by {@link normalizePartialDate}. Anything else is a mismatch naming the field.
 *
 * @example
 * ```ts
 * const personne = v.looseObject({ date_naissance: partialIsoDate })
 * v.parse(personne, { date_naissance: '2020-00-00' }) // { date_naissance: '2020' }
 * ```
 */
export const partialIsoDate = v.pipe(
  v.string(),
  v.transform(normalizePartialDate),
  // what is no date, even partly, became undefined: refused here, at the field's path
  v.string('a date YYYY-MM-DD (00 for an unknown day or month)'),
)
