import type * as v from 'valibot'
import type { Connector } from '../../registry/connector.js'
import { ConfigurationError } from '../../errors/configuration-error.js'
import { chooseScopes, type CommonConnectorOptions } from './connector-options.js'
import { resolveBaseUrl, runConnector } from './run-connector.js'
import { isValidSiret } from './siret.js'

/** API Particulier's hosts. */
export const apiParticulierHosts = {
  production: 'https://particulier.api.gouv.fr',
  staging: 'https://staging.particulier.api.gouv.fr',
} as const

/** Options of every API Particulier connector in FranceConnect mode. */
export interface ApiParticulierOptions extends CommonConnectorOptions {
  /** The SIRET of the administration receiving the data (API Particulier's `recipient`, required). */
  recipient: string
  /** `production` (default) or `staging`. */
  env?: keyof typeof apiParticulierHosts | undefined
}

/**
 * Checks an API Particulier connector's options once, at the factory: the recipient must be a valid
 * SIRET (format and Luhn key), the base URL HTTPS or loopback.
 *
 * @example
 * ```ts
 * const { baseUrl, recipient } = prepareApiParticulier('statut-etudiant', options)
 * ```
 */
export function prepareApiParticulier(api: string, options: ApiParticulierOptions): { baseUrl: string; recipient: string } {
  if (typeof options.recipient !== 'string' || !isValidSiret(options.recipient)) {
    throw new ConfigurationError(
      'configuration_invalid',
      `${api}: recipient must be the SIRET (14 digits, valid key) of the receiving administration`,
    )
  }
  return { baseUrl: resolveBaseUrl(api, apiParticulierHosts, options.env, options.baseUrl), recipient: options.recipient }
}

/**
 * The request of an API Particulier FranceConnect route: the FranceConnect access token as the
 * Bearer (and no API Particulier token), `recipient` in the query.
 */
export function apiParticulierRequest(
  baseUrl: string,
  path: string,
  recipient: string,
  accessToken: string,
  query: Record<string, string> = {},
): { url: string; headers: Record<string, string> } {
  const url = new URL(`${baseUrl}${path}`)
  url.searchParams.set('recipient', recipient)
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
  return { url: url.href, headers: { authorization: `Bearer ${accessToken}` } }
}

/** What distinguishes one API Particulier FranceConnect route from another. */
export interface ApiParticulierRoute<S extends v.GenericSchema, D, Id extends string = string> {
  api: Id
  provider: string
  /** The route, e.g. `/v3/dss/complementaire_sante_solidaire/france_connect`. */
  path: string
  /** Every FranceConnect scope of the API; the app may ask fewer through `options.scopes`. */
  scopes: readonly string[]
  schema: S
  normalize(raw: v.InferOutput<S>): D
}

/**
 * Builds the connector of an API Particulier FranceConnect route that takes no parameter: options
 * checked once (SIRET, base URL, scopes), then on each call the FranceConnect token as the Bearer,
 * `recipient` in the query, the shared HTTP layer, the schema and the normaliser.
 *
 * @example
 * ```ts
 * export const complementaireSanteSolidaire = (options: ApiParticulierOptions) =>
 *   apiParticulierConnector(options, { api: 'complementaire-sante-solidaire', provider: 'DSS', path, scopes, schema, normalize })
 * ```
 */
export function apiParticulierConnector<S extends v.GenericSchema, D, Id extends string>(
  options: ApiParticulierOptions,
  route: ApiParticulierRoute<S, D, Id>,
): Connector<void, D, Id> {
  const { api, provider } = route
  const { baseUrl, recipient } = prepareApiParticulier(api, options)
  const scopes = chooseScopes(api, route.scopes, options.scopes)
  return {
    id: api,
    provider,
    scopes,
    read(context) {
      const { url, headers } = apiParticulierRequest(baseUrl, route.path, recipient, context.accessToken)
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
