import { ParameterError } from '../../errors/parameter-error.js'

/** An optional search window, ISO dates `YYYY-MM-DD`. */
export interface DateRangeParams {
  /** Start of the window (the CNAM's default: today). */
  dateDebut?: string | undefined
  /** End of the window (the CNAM's default: `dateDebut` + 1 year). */
  dateFin?: string | undefined
}

/**
 * The `dateDebut` / `dateFin` query of a CNAM call, checked before any request: real calendar dates
 * written `YYYY-MM-DD`, the end not before the start. Only the dates given are sent.
 *
 * @example
 * ```ts
 * dateRangeQuery('droits-assurance-maladie', { dateDebut: '2025-01-01' }) // { dateDebut: '2025-01-01' }
 * dateRangeQuery('droits-assurance-maladie', { dateDebut: '2025-02-30' }) // throws ParameterError parameter_invalid
 * ```
 */
export function dateRangeQuery(api: string, params: DateRangeParams | undefined): Record<string, string> {
  const query: Record<string, string> = {}
  for (const name of ['dateDebut', 'dateFin'] as const) {
    const value = params?.[name]
    if (value === undefined) continue
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw new ParameterError(`${api}: ${name} must be a date written YYYY-MM-DD`)
    }
    query[name] = value
  }
  if (query.dateDebut !== undefined && query.dateFin !== undefined && query.dateFin < query.dateDebut) {
    throw new ParameterError(`${api}: dateFin must not be before dateDebut`)
  }
  return query
}

function isCalendarDate(value: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}
