import type * as v from 'valibot'
import type { ConnectorContext } from '../../registry/connector.js'
import { getJson } from '../../http/api-request.js'
import type { CommonConnectorOptions } from './connector-options.js'
import { parsePayload } from './parse-payload.js'
import { collectNumericCoercions, numericCoercionWarning } from './numeric.js'

/** What a connector's calls take from its factory's options: the timeout, the retries, the hooks. */
export type HttpOptions = Pick<CommonConnectorOptions, 'timeoutMs' | 'retries' | 'hooks'>

/** One GET of a data API: where, and with which headers (`accept: application/json` unless given). */
export interface ConnectorRequest {
  url: string
  headers: Record<string, string>
}

/**
 * What a connector's `read` works with during one call: the caller's context (`accessToken`,
 * `grantedScopes`, `signal`…) and the pieces it composes. One exchange per call: the warnings of
 * its parses end up in the result.
 */
export interface Exchange extends ConnectorContext {
  /**
   * GETs a data API through the shared HTTP layer (the call's signal, `fetch` and timeout, the
   * factory's retries and hooks) and resolves to its JSON body; a failure is a typed error.
   */
  get(url: string, headers: Record<string, string>): Promise<unknown>
  /**
   * Validates a payload against a schema (a mismatch is a `SchemaError` naming its path) and keeps
   * its warnings for the result.
   */
  parse<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S>
  /**
   * The same exchange, its requests also aborted when `signal` aborts (see `allOrAbort`).
   */
  within(signal: AbortSignal): Exchange
}

/**
 * Opens the exchange of one call of connector `api`; `warnings` receives what its parses accept
 * although the spec says otherwise.
 *
 * @example
 * ```ts
 * const warnings: string[] = []
 * const exchange = openExchange({ accessToken }, 'statut-etudiant', options, warnings)
 * const body = await exchange.get(url, { authorization: `Bearer ${exchange.accessToken}` })
 * ```
 */
export function openExchange(context: ConnectorContext, api: string, http: HttpOptions, warnings: string[]): Exchange {
  return {
    ...context,
    // getJson reads an undefined option as an absent one: its default applies.
    get: async (url, headers) =>
      (
        await getJson(url, {
          api,
          headers: { accept: 'application/json', ...headers },
          timeoutMs: (http.timeoutMs ?? context.timeoutMs) || undefined,
          retries: http.retries,
          hooks: http.hooks,
          signal: context.signal,
          fetch: context.fetch,
        })
      ).body,
    parse: (schema, body) => {
      const output = parsePayload(api, schema, body)
      warnings.push(...collectNumericCoercions(body, output).map(numericCoercionWarning))
      return output
    },
    within: (signal) =>
      openExchange(
        { ...context, signal: context.signal ? AbortSignal.any([context.signal, signal]) : signal },
        api,
        http,
        warnings,
      ),
  }
}
