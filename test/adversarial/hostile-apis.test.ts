/**
 * Each of the ten connectors against a hostile data API on loopback (`hostile-api.ts`). For every
 * connector and every behaviour of the table below, the call must:
 * - fail with the typed error the row names (an error of the SDK, never a result: no partial data);
 * - end within the 20 s budget of a data call, and well before it (2 s) when no retry is due;
 * - make no retry storm: at most 3 requests per route (1 try + 2 retries), exactly 1 when nothing
 *   may be retried (a 200 that cannot be read, a `Retry-After` past the 5 s cap); a body reset
 *   midway is a network error, retried like one;
 * - leave nothing behind: no unhandled promise rejection (in Node, one ends the process).
 * The control row (a valid payload) shows that each failure is caused by its behaviour.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { isFranceConnectSdkError } from '../../src/index.js'
import {
  collectGarbage,
  connectorCases,
  hostileBehaviours,
  serve,
  startHostileApi,
  type Behaviour,
  type ConnectorCase,
  type HostileApi,
  type HostileBehaviourName,
} from './hostile-api.js'

const budgetMs = 20_000
const noRetryDueMs = 2_000
const oneDaySec = 86_400

interface Expectation {
  code: string
  /** Requests on the busiest route: `exactly` 1 when no retry is due, at most 3 otherwise. */
  requests: { exactly: number } | { atMost: number }
  /** A retry may be due: the call may take longer than 2 s (still within the budget). */
  retryDue?: boolean
  /** What else the error must carry. */
  fields?: Record<string, unknown>
  /**
   * The connector's per-request timeout (default 500 ms): longer where the body cap must be reached
   * first, which a loaded machine (the whole suite on two cores) may take more than 500 ms to do.
   */
  timeoutMs?: number
}

/** What each hostile behaviour must produce, whatever the connector. */
const expectations: Record<HostileBehaviourName, Expectation> = {
  'html-with-200': { code: 'response_invalid', requests: { exactly: 1 } },
  'truncated-json': { code: 'response_invalid', requests: { exactly: 1 } },
  'valid-json-of-the-wrong-shape': { code: 'schema_mismatch', requests: { exactly: 1 } },
  'enormous-array': { code: 'response_too_large', requests: { exactly: 1 }, timeoutMs: 1_900 },
  'redirect-to-another-host': { code: 'redirect_refused', requests: { exactly: 1 } },
  'retry-after-one-day-503': {
    code: 'api_unavailable',
    requests: { exactly: 1 },
    fields: { status: 503, retryAfterSec: oneDaySec, retryable: true },
  },
  'retry-after-one-day-429-http-date': {
    code: 'api_rate_limited',
    requests: { exactly: 1 },
    fields: { status: 429, retryable: true },
  },
  'unavailable-forever': { code: 'api_unavailable', requests: { exactly: 3 }, retryDue: true, fields: { status: 503 } },
  'reset-mid-body': { code: 'network_error', requests: { atMost: 3 }, retryDue: true },
}

/** Promise rejections nobody handled: in a Node process (default `--unhandled-rejections=throw`) each one is a crash. */
const unhandled: unknown[] = []
const recordUnhandled = (reason: unknown) => void unhandled.push(reason)
beforeAll(() => {
  process.on('unhandledRejection', recordUnhandled)
})
afterAll(() => {
  process.off('unhandledRejection', recordUnhandled)
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const describeUnhandled = () => unhandled.map((reason) => `${(reason as Error)?.name}: ${(reason as Error)?.message}`)

/**
 * Calls the connector against a server of its own playing the behaviour; returns what settled, how
 * long it took, and — counted 100 ms after the call ended, so that a late request is not missed —
 * the requests of each route. A server per call lets the calls run side by side.
 */
async function call(
  connectorCase: ConnectorCase,
  behaviour: Behaviour,
  options: { signal?: AbortSignal; deadlineMs?: number; timeoutMs?: number | undefined } = {},
) {
  const api: HostileApi = await startHostileApi()
  try {
    api.answer(behaviour)
    const connector = connectorCase.make(api.origin, { timeoutMs: options.timeoutMs ?? 500 })
    const startedAt = performance.now()
    const deadline = new Promise<{ hung: true }>((resolve) =>
      setTimeout(() => resolve({ hung: true }), options.deadlineMs ?? budgetMs + 1_000).unref(),
    )
    const context = { accessToken: 'fc-access-token', ...(options.signal ? { signal: options.signal } : {}) }
    const settled = await Promise.race([
      connector.read(context, connectorCase.params).then(
        (value: unknown) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      deadline,
    ])
    const elapsedMs = performance.now() - startedAt
    await sleep(100)
    return { settled, elapsedMs, perRoute: [...api.requests.values()], followed: api.requests.get('/stolen') ?? 0 }
  } finally {
    await api.close()
  }
}

const cnam = connectorCases.find((c) => c.id === 'droits-assurance-maladie') as ConnectorCase
/** The CNAM routes answer their valid payloads, except `route`. */
function failing(route: string, behaviour: Behaviour): Behaviour {
  const ok = serve(cnam.payloads)
  return (req, res) => (new URL(req.url ?? '/', 'http://x').pathname.endsWith(route) ? behaviour(req, res) : ok(req, res))
}

const trickle: Behaviour = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.write('{"data":')
  const timer = setInterval(() => res.write(' '), 100)
  res.on('close', () => clearInterval(timer))
}

// Every call has a server of its own, so the rows run side by side.
describe.concurrent('each connector against each hostile data API', () => {
  it(
    'a body that trickles forever: every connector gives up within the 20 s budget',
    async () => {
      // The garbage collector runs meanwhile, as it does in any busy process.
      const gc = setInterval(collectGarbage, 250)
      const outcomes = await Promise.all(
        connectorCases.map(async (connectorCase) => {
          const { settled, elapsedMs } = await call(connectorCase, trickle)
          const outcome = 'hung' in settled ? 'hung' : 'value' in settled ? 'accepted' : (settled.error as { code?: string }).code
          return `${connectorCase.id}: ${outcome} after ${Math.round(elapsedMs / 1000)} s`
        }),
      ).finally(() => clearInterval(gc))
      expect(outcomes).toEqual(connectorCases.map((c) => expect.stringMatching(new RegExp(`^${c.id}: timeout after `))))
    },
    budgetMs + 10_000,
  )

  for (const connectorCase of connectorCases) {
    describe(connectorCase.id, () => {
      it('control: the valid payload is read', async () => {
        const { settled } = await call(connectorCase, serve(connectorCase.payloads))
        expect(settled, JSON.stringify(settled)).toHaveProperty('value.api', connectorCase.id)
      })

      for (const [name, expectation] of Object.entries(expectations) as [HostileBehaviourName, Expectation][]) {
        it(`${name} → ${expectation.code}`, async () => {
          const { settled, elapsedMs, perRoute, followed } = await call(connectorCase, hostileBehaviours[name], {
            timeoutMs: expectation.timeoutMs,
          })
          expect(followed, 'a redirect was followed').toBe(0)
          expect('hung' in settled, `still running after the ${budgetMs} ms budget`).toBe(false)
          expect('value' in settled, 'a result (partial data) instead of a refusal').toBe(false)
          const error = 'error' in settled ? settled.error : undefined
          expect(isFranceConnectSdkError(error), `not an SDK error: ${String(error)}`).toBe(true)
          expect(error).toMatchObject({ code: expectation.code, ...expectation.fields })
          if (name === 'retry-after-one-day-429-http-date') {
            expect((error as { retryAfterSec: number }).retryAfterSec).toBeGreaterThan(oneDaySec - 60)
          }
          expect(elapsedMs).toBeLessThan(expectation.retryDue ? budgetMs : noRetryDueMs)
          const busiest = Math.max(...perRoute)
          if ('exactly' in expectation.requests)
            expect(busiest, `requests per route: ${perRoute}`).toBe(expectation.requests.exactly)
          else expect(busiest, `requests per route: ${perRoute}`).toBeLessThanOrEqual(expectation.requests.atMost)
          expect(Math.max(...perRoute)).toBeLessThanOrEqual(3)
        })
      }
    })
  }

  describe('no partial data from the CNAM droits API (several routes per call)', () => {
    it('contrats of the wrong shape → schema_mismatch naming the route, no result', async () => {
      const wrong: Behaviour = (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('[{"date_debut": 20200101}]')
      const { settled } = await call(cnam, failing('/contrats', wrong))
      expect(settled).toMatchObject({ error: { code: 'schema_mismatch', path: 'contrats.0.0.date_debut' } })
    })
  })
})

// One call at a time, so that an unhandled rejection is charged to the call that caused it.
describe('nothing is left behind: no unhandled promise rejection (in Node, each one ends the process)', () => {
  beforeEach(() => {
    unhandled.length = 0
  })

  for (const connectorCase of connectorCases) {
    it(`${connectorCase.id}: aborted by the app while waiting to retry a 503 → aborted, at once`, async () => {
      // 503 with Retry-After: 2 (under the 5 s cap): the call waits 2 s to retry; the app aborts meanwhile.
      const comeBackSoon: Behaviour = (_req, res) =>
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' }).end('{"error":"busy"}')
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 300)
      const { settled, elapsedMs } = await call(connectorCase, comeBackSoon, { signal: controller.signal })
      const error = 'error' in settled ? (settled.error as { code?: string; message?: string }) : undefined
      expect(error?.code, error?.message).toBe('aborted')
      expect(elapsedMs).toBeLessThan(noRetryDueMs)
      expect(describeUnhandled()).toEqual([])
    })
  }

  it('droits-assurance-maladie: both persons routes unavailable → api_unavailable', async () => {
    const { settled } = await call(cnam, hostileBehaviours['unavailable-forever'])
    expect(settled).toMatchObject({ error: { code: 'api_unavailable' } })
    expect(describeUnhandled()).toEqual([])
  })

  it('droits-assurance-maladie: beneficiaires reset mid-body while /me succeeds → network_error, no result', async () => {
    const { settled } = await call(cnam, failing('/me/beneficiaires', hostileBehaviours['reset-mid-body']))
    expect(settled).toMatchObject({ error: { code: 'network_error' } })
    expect(describeUnhandled()).toEqual([])
  })

  it('droits-assurance-maladie: contrats unavailable after both persons were read → api_unavailable, no result', async () => {
    const { settled, perRoute } = await call(cnam, failing('/contrats', hostileBehaviours['unavailable-forever']))
    expect(settled).toMatchObject({ error: { code: 'api_unavailable' } })
    expect(Math.max(...perRoute)).toBeLessThanOrEqual(3)
    expect(describeUnhandled()).toEqual([])
  })
})
