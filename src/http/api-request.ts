import ky, { HTTPError } from 'ky'
import { DataApiError } from '../errors/data-api-error.js'
import { TransportError } from '../errors/transport-error.js'
import { cleanProviderText } from '../internal/provider-text.js'
import { transportFetch } from './send-request.js'

/** Observability hooks: called with redacted data only (no token, no header value, no query secret). */
export interface HttpHooks {
  onRequest?(event: { api: string; method: string; url: string; attempt: number }): void
  onResponse?(event: { api: string; method: string; url: string; status: number; attempt: number; durationMs: number }): void
}

/** How a data API call is made; every field but `api` has a default fit for FranceConnect's 60 s tokens. */
export interface ApiRequestOptions {
  /** The connector id, for errors and hooks. */
  api: string
  headers: Record<string, string>
  /** Per-attempt timeout, body included (default 10 s). */
  timeoutMs?: number | undefined
  /** The whole call, retries and waits included, never lasts longer (default 20 s). */
  totalTimeoutMs?: number | undefined
  /** Retries of idempotent requests on network errors, 502, 503, 504 and 429 (default 2). */
  retries?: number | undefined
  /** The longest `Retry-After` honoured, in seconds (default 5); a longer one fails at once. */
  maxRetryAfterSec?: number | undefined
  /** Refuse bodies larger than this many bytes (default 2 MiB). */
  maxBodyBytes?: number | undefined
  signal?: AbortSignal | undefined
  fetch?: typeof fetch | undefined
  hooks?: HttpHooks | undefined
}

/** A successful data API answer: its status and its JSON body, parsed. */
export interface ApiResponse {
  status: number
  body: unknown
}

const retriedStatuses = [429, 502, 503, 504]

/**
 * GETs a data API: ky for the retries (bounded and jittered on network errors and 502/503/504,
 * `Retry-After` honoured on 429 and 503 up to a cap, none on any other 4xx) within a budget for the
 * whole call, each attempt sent through the SDK's one transport (`transportFetch`: a timeout
 * covering the body, the body cap, no redirect, redacted hooks), as the OpenID provider's requests
 * are. Error statuses become {@link DataApiError}s with the provider's code; transport failures
 * {@link TransportError}s; a body that is not JSON is refused.
 *
 * @example
 * ```ts
 * const { body } = await getJson('https://particulier.api.gouv.fr/v3/…?recipient=…', {
 *   api: 'statut-etudiant', headers: { authorization: `Bearer ${accessToken}` },
 * })
 * ```
 */
export async function getJson(url: string, options: ApiRequestOptions): Promise<ApiResponse> {
  const totalMs = options.totalTimeoutMs ?? 20_000
  const attemptMs = options.timeoutMs ?? 10_000
  const budget = AbortSignal.timeout(totalMs)
  const signal = options.signal ? AbortSignal.any([budget, options.signal]) : budget
  const maxRetryAfterMs = (options.maxRetryAfterSec ?? 5) * 1000
  const { api, hooks } = options
  // Values the SDK sends that must never come back in an error: tokens, keys (the transport records them).
  const sent: string[] = []
  let attempt = 0
  const send = transportFetch({
    name: `${api} API`,
    timeoutMs: attemptMs,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    sent,
    fetch: options.fetch,
    hooks: {
      onRequest: (event) => hooks?.onRequest?.({ api, ...event, attempt }),
      onResponse: (event) => hooks?.onResponse?.({ api, ...event, attempt }),
    },
  })
  try {
    const response = await ky.get(url, {
      headers: options.headers,
      // The transport's timeout covers each attempt, body included; the budget's signal, the whole call.
      timeout: false,
      signal,
      fetch: (input, init) => {
        attempt++
        return send(input, init)
      },
      retry: {
        limit: options.retries ?? 2,
        methods: ['get'],
        statusCodes: retriedStatuses,
        afterStatusCodes: [429, 503],
        backoffLimit: 2000,
        jitter: true,
        shouldRetry: ({ error }) => {
          // Of the transport's failures only a network error may pass on a second try: not a
          // timeout (a slow API is not asked again), a redirect, a body too large, nor an abort.
          if (error instanceof TransportError) return error.code === 'network_error' ? undefined : false
          if (!(error instanceof HTTPError)) return undefined
          const wait = retryAfterMs(error.response)
          if (error.response.status === 429 && wait === undefined) return false
          // A wait longer than the cap would outlive the access token: fail now, say how long.
          if (wait !== undefined && wait > maxRetryAfterMs) return false
          return undefined
        },
      },
    })
    if (response.status === 204) {
      // No Content: the provider has no data for this person or period (DGFiP answers so).
      throw new DataApiError(api, { status: 204, description: 'The provider has no data (HTTP 204)' })
    }
    return { status: response.status, body: parseJson(await response.text(), api, response.status) }
  } catch (error) {
    throw await toApiError(error, api, options, budget, sent)
  }
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after')
  if (header === null) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

function parseJson(text: string, api: string, status: number): unknown {
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new TransportError('response_invalid', `The ${api} response is not JSON`, { status, cause })
  }
}

async function toApiError(
  error: unknown,
  api: string,
  options: ApiRequestOptions,
  budget: AbortSignal,
  sentSecrets: readonly string[],
): Promise<unknown> {
  const timedOut = () => new TransportError('timeout', `The ${api} API did not answer in time`)
  // The budget ended while a request was on its way: the transport saw its signal abort.
  if (error instanceof TransportError && error.code === 'aborted' && budget.aborted) return timedOut()
  if (error instanceof TransportError || error instanceof DataApiError) return error
  if (error instanceof HTTPError) {
    const { response } = error
    let body: unknown
    try {
      // The transport read the body within its limits; an error body is only looked into when small.
      const text = await response.text()
      body = text.length <= 64 * 1024 ? JSON.parse(text) : undefined
    } catch {
      body = undefined
    }
    const wait = retryAfterMs(response)
    return new DataApiError(api, {
      status: response.status,
      ...cleanProviderText(describeProviderError(body), sentSecrets),
      ...(wait === undefined ? {} : { retryAfterSec: Math.ceil(wait / 1000) }),
    })
  }
  // What ky throws itself (the abort of a wait between two tries) may hold the request, headers and
  // tokens included: never kept as a cause.
  if (budget.aborted) return timedOut()
  if (options.signal?.aborted) return new TransportError('aborted', `The ${api} request was aborted`)
  return new TransportError('network_error', `The ${api} API could not be reached`, { cause: error })
}

/**
 * The provider's code and description from any of the error bodies the API FranceConnectées use:
 * API Particulier `{ errors: [{ code, title, detail }] }`, DGFiP `{ erreur: { code, message } }` or
 * `{ codeapp }`, OAuth `{ error, error_description }`, API Particulier v2 `{ error, reason }`.
 *
 * @example
 * ```ts
 * describeProviderError({ errors: [{ code: '26003', title: 'Dossier non trouvé' }] })
 * // { providerCode: '26003', description: 'Dossier non trouvé' }
 * ```
 */
export function describeProviderError(body: unknown): { providerCode?: string; description?: string } {
  if (typeof body !== 'object' || body === null) return {}
  const record = body as Record<string, unknown>
  const pick = (code: unknown, description: unknown) => ({
    ...(typeof code === 'string' || typeof code === 'number' ? { providerCode: String(code) } : {}),
    ...(typeof description === 'string' ? { description } : {}),
  })
  if (Array.isArray(record.errors) && typeof record.errors[0] === 'object' && record.errors[0] !== null) {
    const first = record.errors[0] as Record<string, unknown>
    return pick(first.code, first.detail ?? first.title)
  }
  if (typeof record.erreur === 'object' && record.erreur !== null) {
    const erreur = record.erreur as Record<string, unknown>
    return pick(erreur.code, erreur.message)
  }
  if (record.codeapp !== undefined) return pick(record.codeapp, record.message ?? record.libelle)
  if (record.error !== undefined) return pick(record.error, record.error_description ?? record.reason ?? record.message)
  return {}
}
