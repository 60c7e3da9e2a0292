import type * as v from 'valibot'
import type { Reading } from './define-connector.js'
import type { ConnectorRequest, Exchange } from './exchange.js'

/**
 * The `read` of a connector that makes one GET, from its three pieces: the request (URL and headers;
 * the call's params are checked there, before any request), the payload's schema, the normaliser.
 *
 * @example
 * ```ts
 * defineConnector({
 *   id: 'statut-etudiant',
 *   provider: 'MESRI',
 *   scopes,
 *   http: options,
 *   read: readOne(
 *     ({ accessToken }) => ({ url, headers: { authorization: `Bearer ${accessToken}` } }),
 *     statutEtudiantSchema,
 *     normalizeStatutEtudiant,
 *   ),
 * })
 * ```
 */
export function readOne<Params, S extends v.GenericSchema, Data>(
  request: (exchange: Exchange, params: Params | undefined) => ConnectorRequest,
  schema: S,
  normalize: (payload: v.InferOutput<S>) => Data,
): (exchange: Exchange, params: Params | undefined) => Promise<Reading<Data>> {
  return async (exchange, params) => {
    const { url, headers } = request(exchange, params)
    const raw = await exchange.get(url, headers)
    return { raw, data: normalize(exchange.parse(schema, raw)) }
  }
}
