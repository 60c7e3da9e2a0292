import { ConfigurationError } from '../../errors/configuration-error.js'
import * as v from 'valibot'
import type { Connector } from '../../registry/connector.js'
import { chooseScopes, type CommonConnectorOptions } from './connector-options.js'
import { normalizePartialDate } from './partial-date.js'
import { resolveBaseUrl, runConnector } from './run-connector.js'

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
 * Checks a France Travail connector's options once, at the factory, and returns the URL it calls:
 * the base URL (HTTPS, or HTTP on loopback; required) followed by the documented path or the
 * app's replacement.
 *
 * @example
 * ```ts
 * franceTravailUrl('france-travail-statut', { baseUrl: 'https://api.emploi-store.fr' }, '/partenaire/fc-statutaugmente/v1/statut')
 * // 'https://api.emploi-store.fr/partenaire/fc-statutaugmente/v1/statut'
 * ```
 */
export function franceTravailUrl(api: string, options: FranceTravailOptions, documentedPath: string): string {
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
  return `${resolveBaseUrl(api, {}, undefined, options.baseUrl)}${path}`
}

/**
 * The headers of a France Travail FranceConnected call: the FranceConnect access token as the
 * Bearer. ⚠️ The documentation says `Authorization: Bearer [Access token]` and calls it the
 * "jeton France Connect" only for the paiements route.
 *
 * @example
 * ```ts
 * franceTravailHeaders(session.accessToken) // { authorization: 'Bearer …' }
 * ```
 */
export function franceTravailHeaders(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` }
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

/** What distinguishes one France Travail FranceConnect route from another. */
export interface FranceTravailRoute<S extends v.GenericSchema, D, Id extends string = string> {
  api: Id
  /** The documented path, appended to `baseUrl` (replaced by `options.path`). */
  path: string
  scopes: readonly string[]
  schema: S
  normalize(raw: v.InferOutput<S>): D
}

/**
 * Builds the connector of a France Travail FranceConnect route: options checked once (base URL,
 * path, scopes), then on each call the FranceConnect token as the Bearer, the shared HTTP layer, the
 * schema and the normaliser.
 *
 * @example
 * ```ts
 * export const franceTravailStatut = (options: FranceTravailOptions) =>
 *   franceTravailConnector(options, { api: 'france-travail-statut', path, scopes, schema, normalize })
 * ```
 */
export function franceTravailConnector<S extends v.GenericSchema, D, Id extends string>(
  options: FranceTravailOptions,
  route: FranceTravailRoute<S, D, Id>,
): Connector<void, D, Id> {
  const { api } = route
  const provider = 'France Travail'
  const url = franceTravailUrl(api, options, route.path)
  const scopes = chooseScopes(api, route.scopes, options.scopes)
  return {
    id: api,
    provider,
    scopes,
    read(context) {
      const headers = franceTravailHeaders(context.accessToken)
      return runConnector(context, {
        api,
        provider,
        scopes,
        url,
        headers,
        schema: route.schema,
        normalize: route.normalize,
        options,
      })
    },
  }
}
