/**
 * The client's observability against the sandbox: one `logger` / `events` report per operation
 * (discovery, keys, authorize, callback, token, userinfo, every data API call, getAllData, revocation,
 * logout and its return, refresh), none carrying a token, a code, a secret, a claim or a personal
 * datum; and the OpenTelemetry spans of one sign-in and one `getAllData`, with their parentage, through
 * `@opentelemetry/api` and an in-memory exporter.
 */
import { context, type Span, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { decodeJwt } from 'jose'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AnyConnector,
  type Client,
  type ClientOptions,
  createClient,
  type FranceConnectEvent,
  franceConnect,
  type Session,
  type SettledApiResult,
} from '../../src/index.js'
import { type Sandbox, sandboxConnectors, startSandbox } from '../../src/testing/index.js'
import { leaks } from '../support/leaks.js'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox?.close())

const apiIds = () => Object.keys(sandbox.apis).sort()

/** A name a connector could put in its query (some APIs are asked by name): the event's URL must not carry it. */
const queriedName = 'Jean-Baptiste-Canari'

/** A connector whose request carries a personal value in its query, answered by the mock OP (404: nothing is read). */
const queryingConnector = (): AnyConnector => ({
  id: 'by-name',
  provider: 'Test',
  scopes: ['openid'],
  async read(connectorContext) {
    const url = `${new URL(sandbox.issuer).origin}/by-name?recipient=13002526500013&nom=${queriedName}`
    const response = await (connectorContext.fetch ?? fetch)(url, {
      headers: { authorization: `Bearer ${connectorContext.accessToken}` },
    })
    await response.body?.cancel()
    return { api: 'by-name', provider: 'Test', data: {}, scopes: [], raw: {}, fetchedAt: new Date().toISOString() }
  },
})

function clientFor(options: Partial<ClientOptions> = {}): Client {
  return createClient({
    provider: franceConnect({ issuer: sandbox.issuer }),
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    redirectUri: sandbox.redirectUri,
    postLogoutRedirectUri: sandbox.postLogoutRedirectUri,
    apis: Object.values(sandboxConnectors(sandbox)),
    ...options,
  })
}

/** A sign-in as `identity`, with what it exchanged that must never be reported: code, state, cookie. */
async function signIn(fc: Client, identity?: string) {
  const { url, cookie } = await fc.authorize()
  const callbackUrl = await sandbox.signIn(url, identity === undefined ? {} : { identity })
  const query = new URL(callbackUrl).searchParams
  const session = await fc.callback(callbackUrl, { cookie: cookie.value })
  const exchanged = { code: query.get('code') ?? '', state: query.get('state') ?? '', 'binding cookie': cookie.value }
  return { session, exchanged }
}

/** Every string of a value, at any depth. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out)
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsOf(item, out)
  return out
}

/** What must never be reported: the secrets of the sign-in, the claims, and every string the data APIs sent back. */
function canariesOf(session: Session, exchanged: Record<string, string>, results: SettledApiResult[]): Record<string, string> {
  const canaries: Record<string, string> = {
    'client secret': sandbox.clientSecret,
    'access token': session.accessToken,
    'ID token': session.idToken,
    'ID token signature': session.idToken.split('.').at(-1) ?? '',
    nonce: String(decodeJwt(session.idToken).nonce),
    sub: session.sub,
    ...exchanged,
  }
  for (const [claim, value] of Object.entries(session.claims)) canaries[`claim ${claim}`] = String(value)
  for (const entry of results) {
    if (entry.status !== 'fulfilled') continue
    stringsOf([entry.result.raw, entry.result.data]).forEach((value, i) => {
      canaries[`${entry.api} data #${i}`] = value
    })
  }
  return canaries
}

describe('events and log lines: one per operation, nothing secret or personal', () => {
  it('a whole sign-in, getAllData, revocation, logout and its return, and a refused refresh', async () => {
    const events: FranceConnectEvent[] = []
    const lines: { method: string; fields: Record<string, unknown>; message: string }[] = []
    const line = (method: string) => (fields: object, message: string) =>
      lines.push({ method, fields: fields as Record<string, unknown>, message })
    const logger = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') }
    const apis = [...Object.values(sandboxConnectors(sandbox)), queryingConnector()]
    const fc = clientFor({ logger, events: (event) => events.push(event), apis })

    const { session, exchanged } = await signIn(fc)
    const results = await fc.getAllData(session, sandbox.allDataParams)
    expect(results.every((entry) => entry.status === 'fulfilled')).toBe(true)
    await fc.revoke(session)
    const { url: logoutUrl, cookie: logoutCookie } = await fc.logout(session)
    await fc.logoutCallback(await sandbox.signOut(logoutUrl), { cookie: logoutCookie.value })
    await expect(fc.refresh(session)).rejects.toMatchObject({ code: 'unsupported' })

    const named = (name: string) => events.filter((event) => event.event === name)
    for (const name of [
      'franceconnect.discovery',
      'franceconnect.jwks',
      'franceconnect.authorize',
      'franceconnect.callback',
      'franceconnect.token',
      'franceconnect.userinfo',
      'franceconnect.all_data',
      'franceconnect.revocation',
      'franceconnect.logout',
      'franceconnect.logout_callback',
    ]) {
      expect(named(name), name).toEqual([
        expect.objectContaining({ event: name, ok: true, provider: 'franceconnect', durationMs: expect.any(Number) }),
      ])
    }
    const data = named('franceconnect.data').filter((event) => event.api !== 'by-name')
    expect(data.map((event) => event.api).sort()).toEqual(apiIds())
    for (const event of data) {
      expect(event).toMatchObject({ ok: true, level: 'info', status: 200, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) })
    }
    // The URL as the connector asked it, its query values redacted but the harmless `recipient`.
    expect(named('franceconnect.data').find((event) => event.api === 'by-name')).toMatchObject({
      status: 404,
      url: `${new URL(sandbox.issuer).origin}/by-name?recipient=13002526500013&nom=%5Bredacted%5D`,
    })
    const origin = new URL(sandbox.issuer).origin
    expect(named('franceconnect.token')[0]).toMatchObject({ level: 'debug', status: 200, url: expect.stringContaining(origin) })
    expect(named('franceconnect.userinfo')[0]).toMatchObject({ level: 'debug', status: 200 })
    expect(named('franceconnect.revocation')[0]).toMatchObject({ level: 'info', status: 200 })
    expect(named('franceconnect.refresh')).toEqual([expect.objectContaining({ ok: false, level: 'warn', code: 'unsupported' })])

    // The logger got the same, one line each, at the event's level, without a `level` field (pino has its own).
    expect(lines).toHaveLength(events.length)
    lines.forEach(({ method, fields, message }, i) => {
      const { level, ...rest } = events[i] as FranceConnectEvent
      expect(method).toBe(level)
      expect(fields).toEqual(rest)
      expect(message).toContain(rest.event)
    })

    const canaries = { ...canariesOf(session, exchanged, results), 'name in a query': queriedName }
    expect(Object.keys(canaries).length).toBeGreaterThan(50)
    expect(leaks({ events: JSON.stringify(events), 'log lines': JSON.stringify(lines) }, canaries)).toEqual([])
  })

  it('a failed data call reports its code, status and provider code, and still nothing personal', async () => {
    const events: FranceConnectEvent[] = []
    const fc = clientFor({ events: (event) => events.push(event) })
    const { session, exchanged } = await signIn(fc, 'lucie-fontaine')
    const results = await fc.getAllData(session, sandbox.allDataParams)
    const failed = events.filter((event) => event.event === 'franceconnect.data')
    expect(failed).toHaveLength(apiIds().length)
    for (const event of failed) expect(event).toMatchObject({ ok: false, level: 'warn', code: 'api_not_found', status: 404 })
    expect(failed.find((event) => event.api === 'statut-etudiant')).toMatchObject({ providerCode: '25003' })
    expect(leaks({ events: JSON.stringify(events) }, canariesOf(session, exchanged, results))).toEqual([])
  })

  it('pino as the logger: one JSON line per operation, its own numeric level, the event fields, nothing secret', async () => {
    const raw: string[] = []
    const logger = pino({ level: 'debug', base: null }, { write: (line: string) => void raw.push(line) })
    const fc = clientFor({ logger })
    const { session, exchanged } = await signIn(fc)
    const results = await fc.getAllData(session, sandbox.allDataParams)
    const lines = raw.map((line) => JSON.parse(line) as Record<string, unknown>)
    const levels = Object.fromEntries(lines.map((line) => [line.event, line.level]))
    // pino's levels: 20 debug, 30 info; each line has one `level` key, pino's.
    expect(levels).toMatchObject({ 'franceconnect.token': 20, 'franceconnect.callback': 30, 'franceconnect.data': 30 })
    for (const line of raw) expect(line.match(/"level":/g)).toHaveLength(1)
    expect(lines.find((line) => line.event === 'franceconnect.token')).toMatchObject({
      msg: 'franceconnect.token',
      ok: true,
      provider: 'franceconnect',
      status: 200,
      durationMs: expect.any(Number),
    })
    expect(lines.filter((line) => line.event === 'franceconnect.data')).toHaveLength(apiIds().length)
    expect(leaks({ 'pino lines': raw.join('') }, canariesOf(session, exchanged, results))).toEqual([])
  })

  it('a logger or an events callback that throws changes no outcome', async () => {
    const throwing = () => {
      throw new Error('the log pipe is broken')
    }
    const fc = clientFor({ events: throwing, logger: { info: throwing, debug: throwing, warn: throwing, error: throwing } })
    const { session } = await signIn(fc)
    expect(session.claims.family_name).toBe('DUBOIS')
    await expect(fc.refresh(session)).rejects.toMatchObject({ code: 'unsupported' })
  })
})

describe('OpenTelemetry spans of one sign-in and one getAllData', () => {
  const exporter = new InMemorySpanExporter()
  const contextManager = new AsyncLocalStorageContextManager()
  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable())
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }))
  })
  afterAll(() => {
    trace.disable()
    context.disable()
  })

  /** Runs `work` inside an app span, as a request handler instrumented by the app would; returns the spans recorded. */
  async function traced(work: () => Promise<void>): Promise<{ app: ReadableSpan; spans: ReadableSpan[] }> {
    exporter.reset()
    await trace.getTracer('app').startActiveSpan('app.request', async (span: Span) => {
      try {
        await work()
      } finally {
        span.end()
      }
    })
    const spans = exporter.getFinishedSpans()
    const app = spans.find((span) => span.name === 'app.request') as ReadableSpan
    return { app, spans: spans.filter((span) => span !== app) }
  }
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId
  const idOf = (span: ReadableSpan | undefined) => span?.spanContext().spanId

  it('names, parentage, kinds and attributes; nothing secret or personal in any', async () => {
    const fc = clientFor()
    let signedIn: Awaited<ReturnType<typeof signIn>> | undefined
    let results: SettledApiResult[] = []
    const { app, spans } = await traced(async () => {
      signedIn = await signIn(fc)
      results = await fc.getAllData(signedIn.session, sandbox.allDataParams)
    })
    const one = (name: string) => {
      const found = spans.filter((span) => span.name === name)
      expect(found.map((span) => span.name)).toEqual([name])
      return found[0] as ReadableSpan
    }
    const authorize = one('franceconnect.authorize')
    const discovery = one('franceconnect.discovery')
    const callback = one('franceconnect.callback')
    const token = one('franceconnect.token')
    const jwks = one('franceconnect.jwks')
    const userinfo = one('franceconnect.userinfo')
    const getAllData = one('franceconnect.all_data')
    // The app's span is the parent of the client's operations; discovery happened within the first one.
    expect([authorize, callback, getAllData].map(parentOf)).toEqual([idOf(app), idOf(app), idOf(app)])
    expect(parentOf(discovery)).toBe(idOf(authorize))
    expect([token, jwks, userinfo].map(parentOf)).toEqual(Array(3).fill(idOf(callback)))
    const data = spans.filter((span) => span.name.startsWith('franceconnect.data.'))
    expect(data.map((span) => span.name.slice('franceconnect.data.'.length)).sort()).toEqual(apiIds())
    expect(data.every((span) => parentOf(span) === idOf(getAllData))).toBe(true)
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([app.spanContext().traceId]))

    expect(spans).toHaveLength(7 + apiIds().length)
    expect(callback.kind).toBe(0) // INTERNAL
    expect(token.kind).toBe(2) // CLIENT
    expect(token.attributes).toMatchObject({
      'franceconnect.provider': 'franceconnect',
      'http.response.status_code': 200,
      'url.full': expect.stringContaining(new URL(sandbox.issuer).origin),
    })
    for (const span of data) {
      expect(span.attributes).toMatchObject({ 'franceconnect.api': span.name.slice(19), 'http.response.status_code': 200 })
      expect(span.status.code).toBe(0) // UNSET: succeeded
    }

    const everything = JSON.stringify(
      spans.map((span) => ({ name: span.name, attributes: span.attributes, status: span.status })),
    )
    const { session, exchanged } = signedIn as Awaited<ReturnType<typeof signIn>>
    expect(leaks({ spans: everything }, canariesOf(session, exchanged, results))).toEqual([])
  })

  it('a failed call: status ERROR with the SDK code', async () => {
    const fc = clientFor()
    const { spans } = await traced(async () => {
      const { session } = await signIn(fc, 'lucie-fontaine')
      await fc.getAllData(session, sandbox.allDataParams)
    })
    const data = spans.filter((span) => span.name.startsWith('franceconnect.data.'))
    expect(data).toHaveLength(apiIds().length)
    for (const span of data) {
      expect(span.status).toEqual({ code: 2, message: 'api_not_found' })
      expect(span.attributes).toMatchObject({ 'error.type': 'api_not_found', 'http.response.status_code': 404 })
    }
  })

  it('tracing: false records no span', async () => {
    const { spans } = await traced(async () => {
      await signIn(clientFor({ tracing: false }))
    })
    expect(spans).toEqual([])
  })
})
