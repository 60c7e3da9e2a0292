import { ConfigurationError } from '../../errors/configuration-error.js'
import { resolveBaseUrl } from './base-url.js'
import type { CommonConnectorOptions } from './connector-options.js'
import type { ConnectorRequest } from './exchange.js'
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
 * The request piece of an API Particulier FranceConnect route. The options are checked once, at the
 * factory: the recipient must be a valid SIRET (format and Luhn key), the base URL HTTPS or loopback.
 * Each call then sends the FranceConnect access token as the Bearer (and no API Particulier token),
 * `recipient` in the query, then what `query` makes of the call's params (it may throw to refuse them,
 * before any request).
 *
 * @example
 * ```ts
 * const request = apiParticulierRoute('statut-etudiant', options, '/v3/mesri/statut_etudiant/france_connect')
 * readOne(request, statutEtudiantSchema, normalizeStatutEtudiant)
 * ```
 */
export function apiParticulierRoute<Params = void>(
  api: string,
  options: ApiParticulierOptions,
  path: string,
  query?: (params: Params | undefined) => Record<string, string>,
): (exchange: { accessToken: string }, params: Params | undefined) => ConnectorRequest {
  const { recipient } = options
  if (typeof recipient !== 'string' || !isValidSiret(recipient)) {
    throw new ConfigurationError(
      'configuration_invalid',
      `${api}: recipient must be the SIRET (14 digits, valid key) of the receiving administration`,
    )
  }
  const baseUrl = resolveBaseUrl(api, apiParticulierHosts, options.env, options.baseUrl)
  return ({ accessToken }, params) => ({
    url: `${baseUrl}${path}?${new URLSearchParams({ recipient, ...query?.(params) })}`,
    headers: { authorization: `Bearer ${accessToken}` },
  })
}
