/**
 * `npm run load`: sign-ins across several instances sharing a Redis store, as a public service runs
 * behind a load balancer. Starts a real redis-server and the sandbox, forks two client processes,
 * then runs complete sign-ins (each started on one process, finished on the other, the browser's
 * binding cookie carried from one to the other), replays of callbacks already used (with their
 * cookie) and callbacks with a forged state (with the cookie of the sign-in they were cut from).
 * Prints one line and exits non-zero
 * unless every flow succeeded and no replay nor forgery was accepted.
 *
 *   npm run load -- --flows 1000 --concurrency 50 --replays 100 --forged 100
 */
import { fork, type ChildProcess } from 'node:child_process'
import { parseArgs } from 'node:util'
import { startSandbox } from '../src/testing/index.js'
import { startRedis } from '../test/support/redis-server.js'

const { values } = parseArgs({
  options: {
    flows: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    replays: { type: 'string', default: '100' },
    forged: { type: 'string', default: '100' },
    workers: { type: 'string', default: '2' },
  },
})
const flows = Number(values.flows)
const concurrency = Number(values.concurrency)
const replays = Number(values.replays)
const forgedCount = Number(values.forged)
const workerCount = Math.max(2, Number(values.workers))

/** What a worker answers: the authorization URL and the binding cookie's value, or a session's sub, or an error code. */
interface Answer {
  ok: boolean
  url?: string
  cookie?: string
  code?: string
}

interface Worker {
  child: ChildProcess
  call(request: { kind: 'authorize' } | { kind: 'callback'; url: string; cookie: string }): Promise<Answer>
}

/** A callback URL and the binding cookie the browser that started it holds. */
interface BrowserReturn {
  url: string
  cookie: string
}

function startWorker(env: Record<string, string>): Promise<Worker> {
  const child = fork(new URL('./load-worker.ts', import.meta.url).pathname, [], {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map<number, (answer: Answer) => void>()
  let next = 0
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.on('message', (message: { ready?: boolean; id?: number; ok?: boolean }) => {
      if (message.ready) {
        resolve({
          child,
          call(request) {
            const id = next++
            return new Promise((done) => {
              pending.set(id, done)
              child.send({ id, ...request })
            })
          },
        })
        return
      }
      const done = pending.get(message.id as number)
      pending.delete(message.id as number)
      done?.(message as { ok: boolean })
    })
  })
}

/** Runs `total` tasks with at most `limit` in flight. */
async function pool(total: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, total) }, async () => {
      while (next < total) await task(next++)
    }),
  )
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}

const redis = await startRedis()
const sandbox = await startSandbox({ variant: 'v2' })
const workers: Worker[] = []
let exitCode = 1
try {
  const env = {
    REDIS_URL: redis.url,
    ISSUER: sandbox.issuer,
    CLIENT_ID: sandbox.clientId,
    CLIENT_SECRET: sandbox.clientSecret,
    REDIRECT_URI: sandbox.redirectUri,
  }
  for (let i = 0; i < workerCount; i++) workers.push(await startWorker(env))

  const usedCallbacks: BrowserReturn[] = []
  const errors: string[] = []
  const durations: number[] = []

  /** One complete sign-in: authorize on one instance, the user at FranceConnect, callback on another. */
  async function signIn(index: number, finish: boolean): Promise<BrowserReturn | undefined> {
    const first = workers[index % workers.length] as Worker
    const second = workers[(index + 1) % workers.length] as Worker
    const started = performance.now()
    const authorized = await first.call({ kind: 'authorize' })
    if (!authorized.ok || !authorized.url || !authorized.cookie) {
      errors.push(`authorize: ${authorized.code}`)
      return undefined
    }
    const callback = { url: await sandbox.signIn(authorized.url), cookie: authorized.cookie }
    if (!finish) return callback
    const finished = await second.call({ kind: 'callback', ...callback })
    if (!finished.ok) {
      errors.push(`callback: ${finished.code}`)
      return undefined
    }
    durations.push(performance.now() - started)
    usedCallbacks.push(callback)
    return callback
  }

  const started = performance.now()
  await pool(flows, concurrency, async (index) => {
    try {
      await signIn(index, true)
    } catch (error) {
      errors.push(String(error))
    }
  })
  const elapsedSec = (performance.now() - started) / 1000

  // Replays: a callback already accepted, sent again to either instance, from the same browser.
  let replaysAccepted = 0
  await pool(Math.min(replays, usedCallbacks.length), concurrency, async (index) => {
    const worker = workers[index % workers.length] as Worker
    const answer = await worker.call({ kind: 'callback', ...(usedCallbacks[index] as BrowserReturn) })
    if (answer.ok) replaysAccepted++
  })

  // Forgeries: a fresh code from FranceConnect, under a state no instance ever issued.
  let forgedAccepted = 0
  await pool(forgedCount, concurrency, async (index) => {
    const callback = await signIn(index, false)
    if (!callback) return
    const forged = new URL(callback.url)
    forged.searchParams.set('state', crypto.randomUUID().replaceAll('-', '') + crypto.randomUUID().replaceAll('-', ''))
    const answer = await (workers[(index + 1) % workers.length] as Worker).call({
      kind: 'callback',
      url: forged.href,
      cookie: callback.cookie,
    })
    if (answer.ok) forgedAccepted++
  })

  const sorted = [...durations].sort((a, b) => a - b)
  const throughput = usedCallbacks.length / elapsedSec
  console.log(
    `load: ${usedCallbacks.length} flows, ${errors.length} errors, ${replaysAccepted} replays accepted, ` +
      `${forgedAccepted} forged accepted, ${throughput.toFixed(1)} flows/s, ` +
      `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms`,
  )
  if (errors.length > 0) console.error(`first errors: ${[...new Set(errors)].slice(0, 5).join('; ')}`)
  exitCode = errors.length === 0 && replaysAccepted === 0 && forgedAccepted === 0 && usedCallbacks.length === flows ? 0 : 1
} finally {
  for (const worker of workers) worker.child.disconnect()
  await sandbox.close()
  await redis.stop()
}
process.exit(exitCode)
