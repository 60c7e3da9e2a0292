import { ConfigurationError } from '../../errors/configuration-error.js'
import { assertSecureUrl } from '../../http/secure-url.js'

/**
 * The base URL of a connector: `baseUrl` when given, else the host of `env`; HTTPS or loopback only,
 * without a trailing slash.
 *
 * @example
 * ```ts
 * resolveBaseUrl('statut-etudiant', { production: 'https://particulier.api.gouv.fr' }, 'production', undefined)
 * ```
 */
export function resolveBaseUrl(
  api: string,
  hosts: Record<string, string>,
  env: string | undefined,
  baseUrl: string | undefined,
): string {
  const chosen = baseUrl ?? hosts[env ?? 'production']
  if (chosen === undefined) {
    throw new ConfigurationError(
      'configuration_invalid',
      `${api}: unknown env "${env}" and no baseUrl (known: ${Object.keys(hosts).join(', ')})`,
    )
  }
  return assertSecureUrl(chosen, `${api} baseUrl`).href.replace(/\/+$/, '')
}
