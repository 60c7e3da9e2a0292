/**
 * Figure 5: `getAllData` over five connectors, each on its own loopback server that answers after
 * 100 ms: the wall time of two consecutive calls (goal ≤ 150 ms each: the five run in parallel)
 * and the TCP connections the servers accepted over both (goal: one per server, i.e. the second
 * call reuses every connection of the first).
 *
 * The connectors are those of src/apis/ present when this runs (bench/lib/connectors.ts), probed
 * first against separate servers (which also warms the code); fewer than five working ones are
 * completed with instances of statut-etudiant-boursier on other base URLs, as the output says.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AnyConnector } from '../../src/registry/connector.js'
import { createClient, franceConnect, type Session } from '../../src/index.js'
import { parseArgs } from '../lib/args.js'
import { adapters, boursierAdapter, buildConnector, connectorPresent, type ConnectorAdapter } from '../lib/connectors.js'
import { emitRow, formatNumber, log, verdict } from '../lib/report.js'

parseArgs()
const wanted = 5
const delayMs = 100

interface ApiServer {
  server: Server
  baseUrl: string
  connections: number
  requests: number
}

async function startApiServer(payload: unknown): Promise<ApiServer> {
  const body = JSON.stringify(payload)
  const api: ApiServer = { server: createServer(), baseUrl: '', connections: 0, requests: 0 }
  api.server.on('connection', () => api.connections++)
  api.server.on('request', (_req, res) => {
    api.requests++
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(body)
    }, delayMs)
  })
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve))
  api.baseUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`
  return api
}

function stopAll(servers: readonly ApiServer[]): Promise<unknown> {
  return Promise.all(
    servers.map(
      ({ server }) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    ),
  )
}

const session = (connectors: readonly AnyConnector[]): Session => ({
  sub: 'b'.repeat(64) + 'v1',
  claims: { sub: 'b'.repeat(64) + 'v1' },
  idToken: 'unused',
  accessToken: 'fc-access-token',
  scopes: ['openid', ...new Set(connectors.flatMap((connector) => [...connector.scopes]))],
  expiresAt: Math.floor(Date.now() / 1000) + 60,
})

// 1. Which adapters work now: probe each once on its own server.
const chosen: ConnectorAdapter[] = []
const skipped: string[] = []
const probes: ApiServer[] = []
try {
  for (const adapter of adapters) {
    if (chosen.length === wanted) break
    if (!connectorPresent(adapter.dir)) {
      skipped.push(`${adapter.dir} (absent)`)
      continue
    }
    try {
      const probe = await startApiServer(adapter.payload)
      probes.push(probe)
      const connector = await buildConnector(adapter, probe.baseUrl)
      const client = createClient({
        provider: franceConnect({ issuer: 'http://127.0.0.1:9/api/v2' }),
        clientId: 'bench',
        clientSecret: 'bench',
        redirectUri: 'http://127.0.0.1:9/callback',
        apis: [connector],
      })
      const [entry] = await client.getAllData(session([connector]))
      if (entry?.status !== 'fulfilled') throw entry?.error ?? new Error('no result')
      chosen.push(adapter)
    } catch (error) {
      skipped.push(`${adapter.dir} (${(error as { code?: string }).code ?? (error as Error).message})`)
    }
  }
} finally {
  await stopAll(probes)
}
const distinct = chosen.map((adapter) => adapter.dir)
while (chosen.length < wanted) chosen.push(boursierAdapter)
const fallback = chosen.length - distinct.length
log(`[fetch-all] connectors: ${chosen.map((a) => a.dir).join(', ')}${skipped.length ? `; not used: ${skipped.join(', ')}` : ''}`)

// 2. Two consecutive getAllData on fresh servers: time each, count the connections. Scenario A lets
// one event-loop turn pass between the calls, as between two requests of an app; scenario B chains
// them in the same tick. undici hands a keep-alive socket back to its pool one I/O turn after the
// body has been read, so in B the second call finds every socket still busy and opens new ones.
async function scenario(
  turnBetween: boolean,
): Promise<{ timings: number[]; connections: number; requests: number; failures: number }> {
  const servers = await Promise.all(chosen.map((adapter) => startApiServer(adapter.payload)))
  try {
    const connectors = await Promise.all(chosen.map((adapter, i) => buildConnector(adapter, (servers[i] as ApiServer).baseUrl)))
    const client = createClient({
      provider: franceConnect({ issuer: 'http://127.0.0.1:9/api/v2' }),
      clientId: 'bench',
      clientSecret: 'bench',
      redirectUri: 'http://127.0.0.1:9/callback',
      apis: connectors,
    })
    const signedIn = session(connectors)
    const timings: number[] = []
    let failures = 0
    for (let call = 0; call < 2; call++) {
      if (call > 0 && turnBetween) await new Promise((resolve) => setImmediate(resolve))
      const startedAt = performance.now()
      const results = await client.getAllData(signedIn)
      timings.push(performance.now() - startedAt)
      failures += results.filter((entry) => entry.status !== 'fulfilled').length + Math.max(0, wanted - results.length)
    }
    const connections = servers.reduce((sum, api) => sum + api.connections, 0)
    const requests = servers.reduce((sum, api) => sum + api.requests, 0)
    log(
      `[fetch-all] ${turnBetween ? 'one event-loop turn between calls' : 'back to back, same tick'}: ${timings.map((ms) => `${formatNumber(ms)} ms`).join(', ')}; ${connections} connections, ${requests} requests, ${failures} failed entries`,
    )
    return { timings, connections, requests, failures }
  } finally {
    await stopAll(servers)
  }
}

const apart = await scenario(true)
const chained = await scenario(false)
const connectorNote =
  `connectors: ${distinct.join(', ')}` +
  (fallback > 0
    ? `, plus ${fallback} more statut-etudiant-boursier instance(s) on other base URLs (fewer than ${wanted} usable)`
    : '') +
  (skipped.length ? `; not used: ${skipped.join(', ')}` : '')
emitRow({
  id: '5',
  figure: `getAllData, ${wanted} connectors answering after ${delayMs} ms: 1st / 2nd call, ms`,
  sdk: `${formatNumber(apart.timings[0] as number)} / ${formatNumber(apart.timings[1] as number)}`,
  peerName: '',
  peer: '',
  ratio: '',
  goal: '≤ 150 ms each, every entry fulfilled',
  holds: verdict(apart.failures === 0 && apart.timings.every((ms) => ms <= 150)),
  note: connectorNote,
})
emitRow({
  id: '5',
  figure: 'getAllData: TCP connections over 2 calls (one event-loop turn apart)',
  sdk: `${apart.connections} (${apart.requests} requests)`,
  peerName: '',
  peer: '',
  ratio: '',
  goal: `= ${wanted} (one per server: the 2nd call reuses them)`,
  holds: verdict(apart.connections === wanted && apart.requests === 2 * wanted),
})
emitRow({
  id: '5',
  figure: 'getAllData: TCP connections over 2 calls chained in the same tick',
  sdk: `${chained.connections} (${chained.requests} requests)`,
  peerName: '',
  peer: '',
  ratio: '',
  goal: 'informative (undici frees a socket one I/O turn after its body is read)',
  holds: 'n/a',
  note: `chained calls: ${chained.timings.map((ms) => `${formatNumber(ms)} ms`).join(' / ')}; the second call finds some sockets not yet back in undici's pool and opens new ones (plain fetch() does the same)`,
})
