import type * as v from 'valibot'
import type { ApiResult, ConnectorContext } from '../../registry/connector.js'
import { getJson, type ApiRequestOptions } from '../../http/api-request.js'
import type { CommonConnectorOptions } from './connector-options.js'
import { collectNumericCoercions, numericCoercionWarning } from './numeric.js'
import { parsePayload } from './parse-payload.js'

export { resolveBaseUrl } from './base-url.js'
export { parsePayload } from './parse-payload.js'

/**
 * {@link parsePayload}, and the warnings the parse leaves: one for each number the provider sent as
 * a decimal string (read as that number rather than refused), naming its path, never its value.
 *
 * @example
 * ```ts
 * const { output, warnings } = parsePayloadWithWarnings('impot-particulier', situationIrSchema, { rfr: '15000' })
 * // output.rfr === 15000, warnings: ['numeric_string: rfr']
 * ```
 */
export function parsePayloadWithWarnings<S extends v.GenericSchema>(
  api: string,
  schema: S,
  body: unknown,
): { output: v.InferOutput<S>; warnings: string[] } {
  const output = parsePayload(api, schema, body)
  return { output, warnings: collectNumericCoercions(body, output).map(numericCoercionWarning) }
}

/** What one connector call needs: where, with which headers, how to read and normalise the answer. */
export interface ConnectorCall<S extends v.GenericSchema, D> {
  api: string
  provider: string
  /** The scopes the connector asked for; the result names those that were granted. */
  scopes: readonly string[]
  url: string
  headers: Record<string, string>
  schema: S
  normalize(raw: v.InferOutput<S>): D
  options: CommonConnectorOptions
}

/**
 * Runs one data API call: GET through the shared HTTP layer (timeouts, bounded retries, typed
 * errors, redacted hooks), validate, normalise, and wrap in the common {@link ApiResult}.
 *
 * @example
 * ```ts
 * return runConnector(context, { api: 'statut-etudiant', provider: 'MESRI', scopes, url, headers, schema, normalize, options })
 * ```
 */
export async function runConnector<S extends v.GenericSchema, D>(
  context: ConnectorContext,
  call: ConnectorCall<S, D>,
): Promise<ApiResult<D>> {
  const request: ApiRequestOptions = {
    api: call.api,
    headers: { accept: 'application/json', ...call.headers },
    ...((call.options.timeoutMs ?? context.timeoutMs)
      ? { timeoutMs: (call.options.timeoutMs ?? context.timeoutMs) as number }
      : {}),
    ...(call.options.retries === undefined ? {} : { retries: call.options.retries }),
    ...(call.options.hooks ? { hooks: call.options.hooks } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
    ...(context.fetch ? { fetch: context.fetch } : {}),
  }
  const { body } = await getJson(call.url, request)
  const { output, warnings } = parsePayloadWithWarnings(call.api, call.schema, body)
  const granted = context.grantedScopes
  return {
    api: call.api,
    provider: call.provider,
    data: call.normalize(output),
    scopes: granted ? call.scopes.filter((scope) => granted.includes(scope)) : [...call.scopes],
    raw: body,
    fetchedAt: new Date().toISOString(),
    ...(warnings.length > 0 ? { warnings } : {}),
  }
}
