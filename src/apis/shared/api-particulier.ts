import { ConfigurationError } from '../../errors/configuration-error.js'
import type { CommonConnectorOptions } from './connector-options.js'
import { resolveBaseUrl } from './run-connector.js'
import { isValidSiret } from './siret.js'

/** API Particulier's hosts (reference/franceconnect-apis.md §5.3). */
export const apiParticulierHosts = {
  production: 'https://particulier.api.gouv.fr',
  staging: 'https://staging.particulier.api.gouv.fr',
} as const

/** Options of every API Particulier connector in FranceConnect mode. */
export interface ApiParticulierOptions extends CommonConnectorOptions {
  /** The SIRET of the administration receiving the data (API Particulier's `recipient`, required). */
  recipient: string
  /** `production` (default) or `staging`. */
  env?: keyof typeof apiParticulierHosts
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
