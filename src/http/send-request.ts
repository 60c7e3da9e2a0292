import { TransportError } from '../errors/transport-error.js'

/** What every outgoing call of the SDK accepts. */
export interface TransportOptions {
  /** A `fetch` implementation (for a proxy, a custom agent, or tests). Default: the global `fetch`. */
  fetch?: typeof fetch
  /** Abort the call after this many milliseconds, body included. */
  timeoutMs: number
  /** Abort the call when this signal fires. */
  signal?: AbortSignal
  /** Refuse bodies larger than this many bytes (default 1 MiB). */
  maxBodyBytes?: number
}

/** A response whose body has been read in full, within the size and time limits. */
export interface ReceivedResponse {
  status: number
  headers: Headers
  body: string
}

const defaultMaxBodyBytes = 1024 * 1024

/**
 * The SDK's one way out: sends one HTTP request with a timeout covering the body, an optional abort
 * signal, a cap on the body size and no redirect following; failures become {@link TransportError}s.
 *
 * @example
 * ```ts
 * const { status, body } = await sendRequest('https://oidc.franceconnect.gouv.fr/api/v2/jwks', {}, { timeoutMs: 10_000 })
 * ```
 */
export async function sendRequest(url: string, init: RequestInit, options: TransportOptions): Promise<ReceivedResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs)
  const signals = [timeout, options.signal, init.signal].filter((s): s is AbortSignal => s instanceof AbortSignal)
  const signal = signals.length === 1 ? timeout : AbortSignal.any(signals)
  const doFetch = options.fetch ?? fetch
  try {
    const response = await doFetch(url, { ...init, signal, redirect: 'manual' })
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel()
      throw new TransportError('redirect_refused', `The server answered with a redirect (HTTP ${response.status})`, {
        status: response.status,
      })
    }
    const body = await readBody(response, options.maxBodyBytes ?? defaultMaxBodyBytes)
    return { status: response.status, headers: response.headers, body }
  } catch (error) {
    throw toTransportError(error, timeout, options.signal ?? (init.signal as AbortSignal | undefined))
  }
}

/**
 * {@link sendRequest} as a `fetch`: the same rules, and a Response whose body is already read in
 * full, so whoever processes it (ky, an app's code) never waits on the network again.
 *
 * @example
 * ```ts
 * const response = await transportFetch({ timeoutMs: 10_000 })('https://example.fr/.well-known/openid-configuration')
 * ```
 */
export function transportFetch(
  options: TransportOptions,
): (url: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (url, init = {}) => {
    const { status, headers, body } = await sendRequest(String(url), init, options)
    // A Response cannot carry a body with these statuses.
    const empty = status === 204 || status === 205 || status === 304
    return new Response(empty ? null : body, { status, headers })
  }
}

async function readBody(response: Response, maxBytes: number): Promise<string> {
  return readBodyWithin(response, maxBytes, () => tooLarge(response.status, maxBytes))
}

/**
 * Reads a response body as UTF-8 text, refusing it (with the error `tooLarge` makes) as soon as it
 * passes `maxBytes`, whether the size was declared or not; with `deadline`, a body still arriving
 * after `deadline.ms` is cancelled and refused with `deadline.error()` (a server trickling bytes
 * cannot hold the call).
 *
 * @example
 * ```ts
 * const text = await readBodyWithin(response, 1024 * 1024, () => new Error('too large'))
 * ```
 */
export async function readBodyWithin(
  response: Response,
  maxBytes: number,
  tooLarge: () => Error,
  deadline?: { ms: number; error: () => Error },
): Promise<string> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  let timedOut = false
  const timer = deadline
    ? setTimeout(
        () => {
          timedOut = true
          reader.cancel().catch(() => undefined)
        },
        Math.max(0, deadline.ms),
      )
    : undefined
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (timedOut && deadline) throw deadline.error()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        throw tooLarge()
      }
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    clearTimeout(timer)
  }
  return text + decoder.decode()
}

function tooLarge(status: number, maxBytes: number): TransportError {
  return new TransportError('response_too_large', `The response body is larger than ${maxBytes} bytes`, { status })
}

function toTransportError(error: unknown, timeout: AbortSignal, userSignal: AbortSignal | undefined): unknown {
  if (error instanceof TransportError) return error
  if (timeout.aborted) return new TransportError('timeout', 'The server did not answer in time', { cause: error })
  if (userSignal?.aborted) return new TransportError('aborted', 'The request was aborted', { cause: error })
  return new TransportError('network_error', 'The server could not be reached', { cause: error })
}
