/**
 * `@opentelemetry/api` is an optional peer dependency: when it cannot be loaded (not installed, a
 * runtime without dynamic import), tracing is a no-op and nothing else changes. Here the module
 * fails to load as an absent package does; the sandbox sign-in still succeeds and the events still come.
 */
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createClient, type FranceConnectEvent, franceConnect } from '../../src/index.js'
import { defaultTracer, tracerFrom } from '../../src/observability/tracing.js'
import { type Sandbox, startSandbox } from '../../src/testing/index.js'

vi.mock('@opentelemetry/api', () => {
  throw new Error("Cannot find package '@opentelemetry/api'")
})

describe('tracerFrom', () => {
  it('is undefined when the module cannot be loaded, or is not OpenTelemetry', async () => {
    await expect(tracerFrom(() => Promise.reject(new Error("Cannot find package '@opentelemetry/api'")))).resolves.toBeUndefined()
    await expect(
      tracerFrom(() => {
        throw new TypeError('dynamic import is not supported here')
      }),
    ).resolves.toBeUndefined()
    await expect(tracerFrom(() => Promise.resolve({}))).resolves.toBeUndefined()
  })

  it("is the global tracer's proxy when the module loads, registered only while the app has a tracer provider", async () => {
    const api = await vi.importActual<typeof import('@opentelemetry/api')>('@opentelemetry/api')
    const tracing = await tracerFrom(async () => api)
    expect(typeof tracing?.tracer.startActiveSpan).toBe('function')
    expect(tracing?.registered()).toBe(false)
    api.trace.setGlobalTracerProvider(new BasicTracerProvider())
    try {
      expect(tracing?.registered()).toBe(true)
    } finally {
      api.trace.disable()
    }
    expect(tracing?.registered()).toBe(false)
  })
})

describe('a client without @opentelemetry/api', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox?.close())

  it('signs in and reports its events, with no tracer', async () => {
    await expect(defaultTracer()).resolves.toBeUndefined()
    const events: FranceConnectEvent[] = []
    const fc = createClient({
      provider: franceConnect({ issuer: sandbox.issuer }),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      events: (event) => events.push(event),
    })
    const { url, cookie } = await fc.authorize()
    const session = await fc.callback(await sandbox.signIn(url), { cookie: cookie.value })
    expect(session.claims.family_name).toBe('DUBOIS')
    expect(events.map((event) => event.event)).toContain('franceconnect.callback')
  })
})
