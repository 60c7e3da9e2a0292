/**
 * API Indemnités journalières (CNAM). ⚠️ PROVISIONAL CONNECTOR.
 * Reference: the provider's published documentation.
 *
 * The CNAM's technical spec (SwaggerHub `meeoen/apij/1.0-apim`) is not public. Verified: the data it
 * serves (period indemnified, daily amount, number of days, CSG and CRDS deducted), its audience, and
 * the FranceConnect scope `cnam_paiements_ij`.
 *
 * ⚠️ Not verified, hence configurable: the base URL (required), the path (`path`, provisional default
 * `/paiements`), the field names and nesting of the answer (`mapping`), the query parameters (the
 * `dateDebut` / `dateFin` params are sent only when given, by analogy with the CNAM droits API), the
 * headers (sent by analogy with that API: `Authorization: Bearer <FranceConnect access token>`, and
 * `X-API-Key` when `apiKey` is given), the units (euros presumed) and the error answers.
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { ConfigurationError } from '../../errors/configuration-error.js'
import { chooseScopes, type CommonConnectorOptions } from '../shared/connector-options.js'
import { resolveBaseUrl } from '../shared/base-url.js'
import { defineConnector } from '../shared/define-connector.js'
import { readOne } from '../shared/read-one.js'
import { dateRangeQuery, type DateRangeParams } from '../shared/date-range.js'
import { normalizeIndemnitesJournalieres, type IndemnitesJournalieres } from './normalize.js'
import { buildIndemnitesJournalieresSchema, resolveMapping, type IndemnitesJournalieresMapping } from './schema.js'
import { scopeNames } from './manifest.js'

export type { IndemnitesJournalieres, PaiementIndemnitesJournalieres } from './normalize.js'
export { defaultIndemnitesJournalieresMapping, type IndemnitesJournalieresMapping } from './schema.js'

/** The FranceConnect scope of the API: "Paiements d'indemnités journalières versées par l'Assurance Maladie". */
export const indemnitesJournalieresScopes = scopeNames

/** ⚠️ Provisional default path, to be replaced by the one of the CNAM's spec. */
export const defaultIndemnitesJournalieresPath = '/paiements'

/** Options of {@link indemnitesJournalieres}. */
export interface IndemnitesJournalieresOptions extends CommonConnectorOptions {
  /** The API's base URL, given by the CNAM with the convention (⚠️ no public host). */
  baseUrl: string
  /** The CNAM API key, sent as `X-API-Key` when given (⚠️ by analogy with the droits API). */
  apiKey?: string | undefined
  /** The path under `baseUrl` (default {@link defaultIndemnitesJournalieresPath}, ⚠️ provisional). */
  path?: string | undefined
  /** Where each datum is in the answer; only the fields given replace the defaults (⚠️ guessed names). */
  mapping?: Partial<IndemnitesJournalieresMapping> | undefined
}

/** Params of the connector: an optional period, sent as `dateDebut` / `dateFin` only when given (⚠️). */
export type IndemnitesJournalieresParams = DateRangeParams

const api = 'indemnites-journalieres'
const provider = 'CNAM'

/**
 * The connector of the API Indemnités journalières: the daily allowances (sick leave, maternity…) the
 * Assurance Maladie paid the signed-in person, each with its period, daily amount, number of days,
 * CSG and CRDS. ⚠️ Provisional: the CNAM's spec is not public, so the path and the field mapping are
 * options with guessed defaults; the answer is checked strictly against the mapping (a field the
 * public description promises missing, or of another type, is a `schema_mismatch` naming its path),
 * which is how a wrong guess shows.
 *
 * @example
 * ```ts
 * import { indemnitesJournalieres } from 'franceconnect-sdk/apis/indemnites-journalieres'
 *
 * const ij = indemnitesJournalieres({
 *   baseUrl: process.env.CNAM_IJ_URL!,
 *   apiKey: process.env.CNAM_API_KEY,
 *   path: '/v1/paiements',                        // from the CNAM's spec
 *   mapping: { csg: 'csg', crds: 'crds' },        // where the CNAM's names differ from the defaults
 * })
 * const { data } = await fc.getData(ij, session, { dateDebut: '2025-01-01', dateFin: '2025-06-30' })
 * const total = data.paiements.reduce((sum, p) => sum + (p.montantNet ?? 0), 0)
 * ```
 */
export function indemnitesJournalieres(
  options: IndemnitesJournalieresOptions,
): Connector<IndemnitesJournalieresParams, IndemnitesJournalieres, 'indemnites-journalieres'> {
  if (typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new ConfigurationError('configuration_invalid', `${api}: baseUrl (given by the CNAM) is required`)
  }
  const baseUrl = resolveBaseUrl(api, {}, undefined, options.baseUrl)
  const path = options.path ?? defaultIndemnitesJournalieresPath
  if (typeof path !== 'string' || !/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(path) || path.split('/').includes('..')) {
    throw new ConfigurationError('configuration_invalid', `${api}: path must be an absolute path without query, e.g. /paiements`)
  }
  if (options.apiKey !== undefined && (typeof options.apiKey !== 'string' || options.apiKey.trim() === '')) {
    throw new ConfigurationError('configuration_invalid', `${api}: apiKey, when given, must not be empty`)
  }
  const mapping = resolveMapping(api, options.mapping)
  const schema = buildIndemnitesJournalieresSchema(api, mapping)
  const scopes = chooseScopes(api, indemnitesJournalieresScopes, options.scopes)

  return defineConnector({
    id: api,
    provider,
    scopes,
    http: options,
    read: readOne(
      (exchange, params: IndemnitesJournalieresParams | undefined) => {
        const url = new URL(`${baseUrl}${path}`)
        for (const [name, value] of Object.entries(dateRangeQuery(api, params))) url.searchParams.set(name, value)
        return {
          url: url.href,
          headers: {
            authorization: `Bearer ${exchange.accessToken}`,
            ...(options.apiKey === undefined ? {} : { 'x-api-key': options.apiKey }),
          },
        }
      },
      schema,
      (raw) => normalizeIndemnitesJournalieres(raw, mapping),
    ),
  })
}
