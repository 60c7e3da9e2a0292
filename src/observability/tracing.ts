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

/**
 * The SDK's tracer from a loaded `@opentelemetry/api`, or `undefined` when it cannot be loaded
 * (not installed, a runtime without dynamic import): tracing is then a no-op, never an error. The
 * tracer is the global one, so spans go wherever the app registered its tracer provider, even after
 * this call.
 *
 * @example
 * ```ts
 * const tracer = await tracerFrom(() => import('@opentelemetry/api'))
 * ```
 */
export async function tracerFrom(load: () => Promise<unknown>): Promise<OtelTracer | undefined> {
  try {
    const api = (await load()) as { trace?: { getTracer(name: string): OtelTracer } }
    return api.trace?.getTracer('franceconnect-sdk')
  } catch {
    return undefined
  }
}

let loaded: Promise<OtelTracer | undefined> | undefined

/**
 * {@link tracerFrom} the installed `@opentelemetry/api`, loaded once, on the first operation.
 *
 * @example
 * ```ts
 * const tracer = await defaultTracer() // undefined without @opentelemetry/api
 * ```
 */
export function defaultTracer(): Promise<OtelTracer | undefined> {
  loaded ??= tracerFrom(() => import(/* webpackIgnore: true */ /* @vite-ignore */ otelApi))
  return loaded
}
