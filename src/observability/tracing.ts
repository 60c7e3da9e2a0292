/** The little of an OpenTelemetry span the SDK uses (`Span` of `@opentelemetry/api`). */
export interface OtelSpan {
  setAttributes(attributes: Record<string, string | number | undefined>): unknown
  setStatus(status: { code: number; message?: string }): unknown
  end(): void
}

/** The little of an OpenTelemetry tracer the SDK uses (`Tracer` of `@opentelemetry/api`). */
export interface OtelTracer {
  startActiveSpan<T>(
    name: string,
    options: { kind?: number; attributes?: Record<string, string | undefined> },
    run: (span: OtelSpan) => Promise<T>,
  ): Promise<T>
}

// A name in a variable: no bundler (esbuild, webpack, vite) tries to bundle the optional peer, nor
// fails to build where it is not installed.
const otelApi = '@opentelemetry/api'

/** The little of `@opentelemetry/api` the SDK reads. */
interface OtelApi {
  trace?: { getTracer(name: string): OtelTracer; getTracerProvider?(): { getDelegate?(): unknown } }
  ProxyTracerProvider?: new () => { getDelegate(): unknown }
}

/** The SDK's tracer, and whether the app has registered a tracer provider to record its spans. */
export interface Tracing {
  tracer: OtelTracer
  /** False while no tracer provider is registered: a span would be recorded nowhere, so none is started. */
  registered(): boolean
}

/**
 * The SDK's tracing from a loaded `@opentelemetry/api`, or `undefined` when it cannot be loaded
 * (not installed, a runtime without dynamic import): tracing is then a no-op, never an error. The
 * tracer is the global one, so spans go wherever the app registered its tracer provider, even after
 * this call; until one is registered, `registered()` says so and the SDK starts no span (an
 * installed API without an SDK costs nothing per operation).
 *
 * @example
 * ```ts
 * const tracing = await tracerFrom(() => import('@opentelemetry/api'))
 * if (tracing?.registered()) await tracing.tracer.startActiveSpan('name', {}, async (span) => span.end())
 * ```
 */
export async function tracerFrom(load: () => Promise<unknown>): Promise<Tracing | undefined> {
  try {
    const api = (await load()) as OtelApi
    const trace = api.trace
    if (!trace) return undefined
    // With no provider registered, the global provider delegates to OpenTelemetry's no-op provider:
    // the object a new ProxyTracerProvider delegates to. An API without these members: always trace.
    const noop = api.ProxyTracerProvider ? new api.ProxyTracerProvider().getDelegate() : undefined
    return {
      tracer: trace.getTracer('franceconnect-sdk'),
      registered: () => noop === undefined || trace.getTracerProvider?.().getDelegate?.() !== noop,
    }
  } catch {
    return undefined
  }
}

let loaded: Promise<Tracing | undefined> | undefined

/**
 * {@link tracerFrom} the installed `@opentelemetry/api`, loaded once, on the first operation.
 *
 * @example
 * ```ts
 * const tracing = await defaultTracer() // undefined without @opentelemetry/api
 * ```
 */
export function defaultTracer(): Promise<Tracing | undefined> {
  loaded ??= tracerFrom(() => import(/* webpackIgnore: true */ /* @vite-ignore */ otelApi))
  return loaded
}
