import { TransportError } from '../errors/transport-error.js'
import { redactUrl } from './redact.js'

/**
 * What the transport tells about each request: the method, the URL redacted by `redactUrl` (no
 * credentials, no query value but a few harmless ones), never a header or a body.
 */
export interface TransportHooks {
  onRequest?(event: { method: string; url: string }): void
  /** Once the status is known (before the body is read); `durationMs` since the request was sent. */
  onResponse?(event: { method: string; url: string; status: number; durationMs: number }): void
}

/** What every outgoing call of the SDK accepts. */
export interface TransportOptions {
  /** A `fetch` implementation (for a proxy, a custom agent, or tests). Default: the global `fetch`. */
  fetch?: typeof fetch | undefined
  /** Abort the call after this many milliseconds, body included. */
  timeoutMs: number
  /** Abort the call when this signal fires. */
  signal?: AbortSignal | undefined
  /** Refuse bodies larger than this many bytes (default 1 MiB). */
  maxBodyBytes?: number | undefined
  /** Who is called, for error messages (`statut-etudiant API`; default `server`). */
  name?: string | undefined
  /** Observability hooks, called with redacted data only. */
  hooks?: TransportHooks | undefined
  /**
   * Where to record every value sent that the server could echo back (form values, tokens, keys,
   * credentials), so that its error texts can be redacted (`cleanProviderText`).
   */
  sent?: string[] | undefined
}

/** A response whose body has been read in full, within the size and time limits. */
export interface ReceivedResponse {
  status: number
  headers: Headers
  body: string
}

const defaultMaxBodyBytes = 1024 * 1024

/**
 * The SDK's one way out, for the OpenID provider (oauth4webapi's `customFetch`, discovery, keys) and
 * the data APIs (ky's `fetch`, through {@link transportFetch}) alike: sends one request with the
 * transport's rules (timeout covering the body, abort signals, body cap, no redirect, typed
 * {@link TransportError}s, redacted hooks, the values sent recorded for redaction) and answers its
 * status, headers and whole body.
 *
 * @example
 * ```ts
 * const { status, body } = await sendRequest('https://oidc.franceconnect.gouv.fr/api/v2/jwks', {}, { timeoutMs: 10_000 })
 * ```
 */
export async function sendRequest(
  url: string | URL | Request,
  init: RequestInit,
  options: TransportOptions,
): Promise<ReceivedResponse> {
  const { hooks, name = 'server' } = options
  const request = url instanceof Request ? url : undefined
  const timeout = AbortSignal.timeout(options.timeoutMs)
  // The caller's signals: the options', the init's, and the Request's own (ky passes one).
  const callers = [options.signal, init.signal, request?.signal].filter((s): s is AbortSignal => s instanceof AbortSignal)
  const signal = callers.length === 0 ? timeout : AbortSignal.any([timeout, ...callers])
  const method = init.method ?? request?.method ?? 'GET'
  const href = request ? request.url : String(url)
  // Redacted only when a hook reads it: a parse of the URL per request otherwise spent for nothing.
  let redacted: string | undefined
  const redactedUrl = () => {
    redacted ??= redactUrl(href)
    return redacted
  }
  options.sent?.push(...sentValues(init, request))
  hooks?.onRequest?.({
    method,
    get url() {
      return redactedUrl()
    },
  })
  const startedAt = performance.now()
  const doFetch = options.fetch ?? fetch
  try {
    const response = await doFetch(url, { ...init, signal, redirect: 'manual' })
    hooks?.onResponse?.({
      method,
      get url() {
        return redactedUrl()
      },
      status: response.status,
      durationMs: performance.now() - startedAt,
    })
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel()
      throw new TransportError('redirect_refused', `The ${name} answered with a redirect (HTTP ${response.status})`, {
        status: response.status,
      })
    }
    const body = await readBody(response, options.maxBodyBytes ?? defaultMaxBodyBytes, name)
    return { status: response.status, headers: response.headers, body }
  } catch (error) {
    if (error instanceof TransportError) throw error
    if (timeout.aborted) throw new TransportError('timeout', `The ${name} did not answer in time`, { cause: error })
    if (callers.some((s) => s.aborted)) throw new TransportError('aborted', 'The request was aborted', { cause: error })
    throw new TransportError('network_error', `The ${name} could not be reached`, { cause: error })
  }
}

/**
 * {@link sendRequest} as a `fetch` (ky's): the same rules, and a Response whose body is already read
 * in full, so whoever processes it never waits on the network again.
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
    const { status, headers, body } = await sendRequest(url, init, options)
    // A Response cannot carry a body with these statuses.
    const empty = status === 204 || status === 205 || status === 304
    return new Response(empty ? null : body, { status, headers })
  }
}

// Headers that never carry a secret: left out of the values recorded for redaction.
const plainHeaders = new Set(['accept', 'content-type', 'content-length', 'user-agent'])

/**
 * What a request carries that the server could echo back in an error: the form values of its body,
 * and every header value but the plain ones (a bearer token without its scheme; Basic credentials
 * also decoded, and encoded the way other clients do, in case the server re-encodes what it echoes).
 */
function sentValues(init: RequestInit, request: Request | undefined): string[] {
  const values = init.body instanceof URLSearchParams ? [...init.body.values()] : []
  const record = (value: string, header: string) => {
    if (plainHeaders.has(header)) return
    const [scheme = '', credentials] = value.split(' ')
    if (header !== 'authorization' || credentials === undefined) {
      values.push(value)
      return
    }
    values.push(credentials)
    if (scheme.toLowerCase() === 'basic') {
      const decoded = atob(credentials)
      const [id = '', secret = ''] = decoded.split(':').map((part) => decodeURIComponent(part.replace(/\+/g, ' ')))
      const plain = `${encodeURIComponent(id)}:${encodeURIComponent(secret)}`
      values.push(decoded, secret, plain, btoa(plain))
    }
  }
  // Both the Request's headers and the init's (which a fetch would let override them): a superset
  // of what was sent, which is what redaction needs.
  request?.headers.forEach(record)
  ;(init.headers instanceof Headers ? init.headers : new Headers(init.headers)).forEach(record)
  return values.filter((value) => value.length > 0)
}

/**
 * Reads a response body as UTF-8 text, refusing it as soon as it passes `maxBytes`, whether the size
 * was declared or not.
 */
async function readBody(response: Response, maxBytes: number, name: string): Promise<string> {
  const tooLarge = () =>
    new TransportError('response_too_large', `The ${name}'s response is larger than ${maxBytes} bytes`, {
      status: response.status,
    })
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    text += decoder.decode(value, { stream: true })
  }
  return text + decoder.decode()
}
