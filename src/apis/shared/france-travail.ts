import { ConfigurationError } from '../../errors/configuration-error.js'
import * as v from 'valibot'
import { resolveBaseUrl } from './base-url.js'
import type { CommonConnectorOptions } from './connector-options.js'
import type { ConnectorRequest } from './exchange.js'
import { normalizePartialDate } from './partial-date.js'

/**
 * Options of the France Travail connectors. France Travail serves its FranceConnected APIs itself,
 * not through API Particulier, and the host it serves them on
 * today is not verified: the base URL is therefore required.
 */
export interface FranceTravailOptions extends CommonConnectorOptions {
  /**
   * The France Travail partner API host, e.g. `https://api.emploi-store.fr` (the host in the
   * published documentation, ⚠️ legacy: it may have moved to francetravail.io). The connector
   * appends the documented path (`/partenaire/…`). Required: the SDK knows no verified host.
   */
  baseUrl: string
  /**
   * Replaces the documented path (it starts with `/partenaire/…`). An escape hatch while the path
   * is unverified; it must start with `/` and carry no query, fragment or `..` segment.
   */
  path?: string | undefined
}

const safePath = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/

/**
 * The request piece of a France Travail FranceConnect route. The options are checked once, at the
 * factory: the base URL (HTTPS, or HTTP on loopback; required) followed by the documented path or
 * the app's replacement. Each call then sends the FranceConnect access token as the Bearer. ⚠️ The
 * documentation says `Authorization: Bearer [Access token]` and calls it the "jeton France Connect"
 * only for the paiements route.
 *
 * @example
 * ```ts
 * const request = franceTravailRoute('france-travail-statut', { baseUrl: 'https://api.emploi-store.fr' }, '/partenaire/fc-statutaugmente/v1/statut')
 * request({ accessToken }) // { url: 'https://api.emploi-store.fr/partenaire/fc-statutaugmente/v1/statut', headers: { authorization: 'Bearer …' } }
 * ```
 */
export function franceTravailRoute(
  api: string,
  options: FranceTravailOptions,
  documentedPath: string,
): (exchange: { accessToken: string }) => ConnectorRequest {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl.length === 0) {
    throw new ConfigurationError(
      'configuration_invalid',
      `${api}: baseUrl is required (the France Travail host is not verified, so the SDK sets none)`,
    )
  }
  const path = options.path ?? documentedPath
  if (!safePath.test(path) || path.split('/').includes('..')) {
    throw new ConfigurationError('configuration_invalid', `${api}: path must start with "/" and carry no query, fragment or ".."`)
  }
  const url = `${resolveBaseUrl(api, {}, undefined, options.baseUrl)}${path}`
  return ({ accessToken }) => ({ url, headers: { authorization: `Bearer ${accessToken}` } })
}

// The month and the day may be `00` (unknown), as other providers write a partial date.
const isoDateOrDateTime =
  /^(\d{4}-(?:0\d|1[0-2])-(?:0\d|[12]\d|3[01]))(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/

/** The regular expression both France Travail schemas check their dates with: an ISO date, or an ISO date-time. */
export const franceTravailDatePattern: RegExp = isoDateOrDateTime

/**
 * The schema of a France Travail date: an ISO date or date-time whose date part is a calendar date,
 * or one with an unknown (`00`) day or month.
 */
export const franceTravailDate = v.pipe(
  v.string(),
  v.regex(isoDateOrDateTime, 'an ISO date or date-time'),
  v.check((value) => normalizePartialDate(value.slice(0, 10)) !== undefined, 'an ISO date or date-time'),
)

/**
 * The calendar day of a France Travail date, as the provider wrote it: France Travail types these
 * fields as dates but sends ISO date-times with an offset. The written day is
 * kept, not converted to UTC (`2021-05-03T00:30:00+02:00` is the 3rd of May, not the 2nd); an unknown
 * (`00`) day or month shortens it to `YYYY-MM` or `YYYY`, as for every connector.
 *
 * @example
 * ```ts
 * calendarDay('2021-05-03T04:00:00+02:00') // '2021-05-03'
 * calendarDay('1962-00-00') // '1962'
 * ```
 */
export function calendarDay(value: string): string {
  const day = value.slice(0, 10)
  return normalizePartialDate(day) ?? day
}
