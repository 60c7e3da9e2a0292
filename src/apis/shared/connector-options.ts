import { ConfigurationError } from '../../errors/configuration-error.js'
import type { HttpHooks } from '../../http/api-request.js'

/** Options every connector factory takes besides its own. */
export interface CommonConnectorOptions {
  /** The API's base URL; overrides `env`. Loopback HTTP is allowed (the sandbox), anything else must be HTTPS. */
  baseUrl?: string | undefined
  /** Ask fewer scopes than the connector's full list (data minimisation). */
  scopes?: readonly string[] | undefined
  /** Per-attempt timeout in milliseconds (default 10 s, or the client's). */
  timeoutMs?: number | undefined
  /** Retries on network errors and 502/503/504 (default 2). */
  retries?: number | undefined
  /** Observability hooks; they receive redacted data only. */
  hooks?: HttpHooks | undefined
}

/**
 * The scopes a connector asks for: all it knows, or the subset the app chose. A scope the connector
 * does not know is refused: asking FranceConnect for it would be a mistake.
 *
 * @example
 * ```ts
 * chooseScopes('statut-etudiant', ['mesri_identite', 'mesri_admissions'], ['mesri_admissions'])
 * ```
 */
export function chooseScopes(api: string, all: readonly string[], asked: readonly string[] | undefined): readonly string[] {
  if (asked === undefined) return all
  const unknown = asked.filter((scope) => !all.includes(scope))
  if (unknown.length > 0 || asked.length === 0) {
    throw new ConfigurationError('configuration_invalid', `${api}: unknown or empty scopes (${unknown.join(', ')})`)
  }
  return asked
}
