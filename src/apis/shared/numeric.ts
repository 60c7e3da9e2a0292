import * as v from 'valibot'

// Some providers serve numbers as strings: FranceConnect's own data-provider example answers the
// DGFiP route with `"rfr": "15000"` where DGFiP's spec types a number. A strict decimal string is
// read as the number it writes; `collectNumericCoercions` then lists where this happened, so the
// result can say so in `warnings` instead of failing.

// At most 300 integer digits: the number read is always finite, as a JSON number is.
const decimalString = /^[+-]?[0-9]{1,300}(?:\.[0-9]+)?$/

/**
 * The schema of a number field: a JSON number, or a strict decimal string (digits, an optional sign,
 * an optional decimal point followed by digits) read as that number. The actions given (integer,
 * bounds) then apply to the number, so `"2.5"` where an integer is due is still a mismatch.
 *
 * @example
 * ```ts
 * const count = numeric(v.integer('an integer'), v.minValue(0, 'a count (>= 0)'))
 * v.parse(count, '3') // 3
 * ```
 */
export function numeric(
  ...actions: v.PipeAction<number, number, v.BaseIssue<unknown>>[]
): v.GenericSchema<number | string, number> {
  // a custom check then a transform: lighter in the bundle than a union of two schemas
  const lenient = v.pipe(
    v.custom<number | string>(
      (input) => typeof input === 'number' || (typeof input === 'string' && decimalString.test(input)),
      'a number',
    ),
    v.transform(Number),
  )
  return v.pipe(lenient, ...actions) as unknown as v.GenericSchema<number | string, number>
}

/**
 * Where a payload's strings became numbers once parsed: the dotted paths of the fields whose raw value
 * is a string and parsed value a number (the payload and its parsed copy are walked side by side).
 * The values themselves are never returned.
 *
 * @example
 * ```ts
 * collectNumericCoercions({ rfr: '15000', pac: { nbPac: 2 } }, { rfr: 15000, pac: { nbPac: 2 } }) // ['rfr']
 * ```
 */
export function collectNumericCoercions(raw: unknown, parsed: unknown, path = ''): string[] {
  if (typeof raw === 'string' && typeof parsed === 'number') return [path]
  if (typeof raw !== 'object' || raw === null || typeof parsed !== 'object' || parsed === null) return []
  const paths: string[] = []
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(raw, key)) continue
    const child = path === '' ? key : `${path}.${key}`
    paths.push(...collectNumericCoercions((raw as Record<string, unknown>)[key], value, child))
  }
  return paths
}

/**
 * The warning a result carries for a number the provider sent as a decimal string (and the SDK read
 * as that number): `numeric_string: ` and the field's path.
 *
 * @example
 * ```ts
 * numericCoercionWarning('rfr') // 'numeric_string: rfr'
 * ```
 */
export function numericCoercionWarning(path: string): string {
  return `numeric_string: ${path}`
}
