import { isFranceConnectSdkError } from '../errors/franceconnect-sdk-error.js'
import type { TransportHooks } from '../http/send-request.js'
import { defaultTracer, type OtelSpan } from './tracing.js'

/** The operations the client reports: one event, and one OpenTelemetry span, each. */
export type FranceConnectEventName =
  | 'franceconnect.discovery'
  | 'franceconnect.jwks'
  | 'franceconnect.authorize'
  | 'franceconnect.callback'
  | 'franceconnect.token'
  | 'franceconnect.userinfo'
  | 'franceconnect.logout'
  | 'franceconnect.logout_callback'
  | 'franceconnect.refresh'
  | 'franceconnect.revocation'
  | 'franceconnect.data'
  | 'franceconnect.all_data'

/** The level of an event: the method of the logger it is written with. */
export type FranceConnectLogLevel = 'debug' | 'info' | 'warn' | 'error'

/**
 * What the client reports of one operation, once it has ended. Never a token, a code, a secret, a
 * claim nor any personal datum: the fields below are all there is.
 */
export interface FranceConnectEvent {
  /** Which operation: `franceconnect.token`, `franceconnect.data`… */
  event: FranceConnectEventName
  /**
   * `debug` for the requests inside a sign-in (discovery, keys, token, userinfo), `info` for the
   * others; on failure `warn`, or `error` for a `TransportError` other than `aborted` (the server
   * could not be reached, did not answer in time, answered a redirect, a body too large or not what
   * the endpoint must send) and for an error not of the SDK.
   */
  level: FranceConnectLogLevel
  /** Whether it succeeded. */
  ok: boolean
  /** How long it took, in milliseconds. */
  durationMs: number
  /** The preset's id: `franceconnect`, `franceconnect-plus`, `franceconnect-v1`, `proconnect`, `oidc`. */
  provider: string
  /** For `franceconnect.data`: the connector's id. */
  api?: string | undefined
  /** The HTTP status of the last response, when there was one. */
  status?: number | undefined
  /** The URL of the last request, redacted: no credentials, no query value but a few harmless ones. */
  url?: string | undefined
  /** On failure, the SDK error's `code` (`token_error`, `api_not_found`…). */
  code?: string | undefined
  /** On failure, the provider's own code when it sent one (`invalid_grant`, `Y030007`, `26003`). */
  providerCode?: string | undefined
}

/**
 * A logger the client writes one line per operation to: pino, or anything with its methods (`console`
 * too). Each is called as `logger[level](fields, message)`, `fields` being the event without `level`.
 */
export interface FranceConnectLogger {
  debug?(fields: object, message: string): void
  info?(fields: object, message: string): void
  warn?(fields: object, message: string): void
  error?(fields: object, message: string): void
}

/** The client's observability options. */
export interface ObservabilityOptions {
  logger?: FranceConnectLogger | undefined
  events?: (event: FranceConnectEvent) => void
  tracing?: boolean | undefined
}

/** What an operation learns while it runs: its last response's status and redacted URL. */
export interface Observation {
  status?: number | undefined
  url?: string | undefined
  /** True when nothing reports the operation: what is written here is never read. */
  readonly unread?: true | undefined
}

/**
 * The observation an operation gets when nothing reports it (no logger, no events, no tracer
 * provider): what is written to it is never read, so a step may skip working it out. Recognised by
 * its `unread` flag, not by identity: the Node build has a copy of this module in each bundle.
 */
const unobserved: Observation = { unread: true }

/** Runs one operation, reporting it (event, log line, span); the operation's result or error passes through. */
export type Observe = <T>(name: FranceConnectEventName, run: (observation: Observation) => Promise<T>, api?: string) => Promise<T>

/**
 * Transport hooks that keep the status and the redacted URL of each response in `observation`
 * (none for an unread observation: the URL is then never redacted for nothing).
 *
 * @example
 * ```ts
 * await observe('franceconnect.discovery', (o) => loadProviderMetadata(provider, { ...transport, hooks: observationHooks(o) }))
 * ```
 */
export function observationHooks(observation: Observation): TransportHooks {
  if (observation.unread) return {}
  return {
    onResponse({ status, url }) {
      observation.status = status
      observation.url = url
    },
  }
}

// The requests within a sign-in are reported at `debug`; requests to a server are spans of kind
// CLIENT (2), the SDK's own steps INTERNAL (0).
const requestOfSignIn = /\.(discovery|jwks|token|userinfo)$/
const request = /\.(discovery|jwks|token|userinfo|revocation|data)$/

/** The object without its undefined members. */
function defined<T extends object>(object: T): T {
  for (const key in object) if (object[key] === undefined) delete object[key]
  return object
}

/**
 * The client's `observe`: for each operation, an event to `events`, a line to `logger`, and a span
 * through `@opentelemetry/api` when it is installed (and `tracing` is not `false`). What the app's
 * logger or callback throws is ignored: observing never changes an outcome.
 *
 * @example
 * ```ts
 * const observe = createObserver('franceconnect', { logger: pino() })
 * const metadata = await observe('franceconnect.discovery', (o) => loadProviderMetadata(provider, { ...transport, hooks: observationHooks(o) }))
 * ```
 */
export function createObserver(provider: string, options: ObservabilityOptions): Observe {
  const { logger, events } = options
  return async function observe<T>(
    name: FranceConnectEventName,
    run: (observation: Observation) => Promise<T>,
    api?: string,
  ): Promise<T> {
    const tracing = options.tracing === false ? undefined : await defaultTracer()
    const tracer = tracing?.registered() ? tracing.tracer : undefined
    if (!tracer && !logger && !events) return run(unobserved)
    const observation: Observation = {}
    const startedAt = performance.now()

    const report = (span: OtelSpan | undefined, failed: boolean, error?: unknown) => {
      const sdkError = isFranceConnectSdkError(error) ? error : undefined
      const status = observation.status ?? sdkError?.status
      const code = sdkError?.code
      const transportFailure = sdkError?.name === 'TransportError' && code !== 'aborted'
      const event = defined<FranceConnectEvent>({
        event: name,
        level: !failed ? (requestOfSignIn.test(name) ? 'debug' : 'info') : !sdkError || transportFailure ? 'error' : 'warn',
        ok: !failed,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        provider,
        api,
        status,
        url: observation.url,
        code,
        providerCode: sdkError?.providerCode,
      })
      if (span) {
        // OpenTelemetry's `error.type`: the SDK's code, `_OTHER` for an error not of the SDK.
        const type = failed ? (code ?? '_OTHER') : undefined
        span.setAttributes(
          defined({
            'http.response.status_code': status,
            'url.full': event.url,
            'franceconnect.provider_code': event.providerCode,
            'error.type': type,
          }),
        )
        if (type) span.setStatus({ code: 2, message: type })
        span.end()
      }
      const { level, ...fields } = event
      try {
        events?.(event)
      } catch {}
      try {
        logger?.[level]?.(fields, failed ? `${name} failed: ${code ?? 'unexpected error'}` : name)
      } catch {}
    }

    const attempt = async (span?: OtelSpan): Promise<T> => {
      try {
        const result = await run(observation)
        report(span, false)
        return result
      } catch (error) {
        report(span, true, error)
        throw error
      }
    }
    if (!tracer) return attempt()
    return tracer.startActiveSpan(
      api === undefined ? name : `${name}.${api}`,
      { kind: request.test(name) ? 2 : 0, attributes: defined({ 'franceconnect.provider': provider, 'franceconnect.api': api }) },
      attempt,
    )
  }
}
