import type { Connector } from '../../registry/connector.js'
import { openExchange, type Exchange, type HttpOptions } from './exchange.js'

/** What a connector's `read` gives back: the provider's payload as received, and its normalised data. */
export interface Reading<Data> {
  raw: unknown
  data: Data
}

/** A connector as its pieces: who it is, what it asks, and how it reads. */
export interface ConnectorDefinition<Params, Data, Id extends string> {
  /** The id of its manifest, as a literal: `Client.getAllData` is typed by it. */
  id: Id
  /** Who serves it (its manifest's `provider`). */
  provider: string
  /** The scopes it asks for, chosen from the options (`chooseScopes`). */
  scopes: readonly string[]
  /** Scopes without which a call cannot succeed; absent: any one of `scopes`. */
  requiredScopes?: readonly string[]
  /** The factory's options: their `timeoutMs`, `retries` and `hooks` go to every GET. */
  http: HttpOptions
  /** One call: its params checked, its requests made through `exchange`, its answer parsed and normalised. */
  read(exchange: Exchange, params: Params | undefined): Promise<Reading<Data>>
}

/**
 * Builds a connector from its pieces: on each call, `read` gets an exchange over the caller's
 * context (token, signal, `fetch`, timeout) and the factory's HTTP options, and what it reads becomes
 * the common `ApiResult`: the connector's id and provider, the granted scopes among `scopes`, the raw
 * payload, the time, and the parse warnings when there are any.
 *
 * @example
 * ```ts
 * const id = 'exemple'
 * return defineConnector({
 *   id,
 *   provider: 'DSS',
 *   scopes: chooseScopes(id, scopeNames, options.scopes),
 *   http: options,
 *   read: async (exchange) => {
 *     const raw = await exchange.get(`${baseUrl}/statut`, { authorization: `Bearer ${exchange.accessToken}` })
 *     return { raw, data: normalizeExemple(exchange.parse(exempleSchema, raw)) }
 *   },
 * })
 * ```
 */
export function defineConnector<Params, Data, Id extends string>(
  definition: ConnectorDefinition<Params, Data, Id>,
): Connector<Params, Data, Id> {
  // The connector is its definition's identity (id, provider, scopes, requiredScopes) and one `read`.
  const { http, read, ...connector } = definition
  const { id, provider, scopes } = connector
  return {
    ...connector,
    async read(context, params) {
      const warnings: string[] = []
      const { raw, data } = await read(openExchange(context, id, http, warnings), params)
      return {
        api: id,
        provider,
        data,
        // those of its scopes the session was granted; all of them when the caller does not say
        scopes: scopes.filter((scope) => context.grantedScopes?.includes(scope) ?? true),
        raw,
        fetchedAt: new Date().toISOString(),
        ...(warnings.length > 0 ? { warnings } : {}),
      }
    },
  }
}
