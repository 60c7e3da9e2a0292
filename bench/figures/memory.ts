/**
 * Figure 7: memory under abandoned sign-ins. 100,000 `authorize()` never completed, with the
 * default memory store (its `maxEntries` bound, 10,000) and a short `transactionTtlSec`: the heap
 * growth must stay under the stated bound, and come back near the baseline once the TTL has passed.
 * Run with `--expose-gc`; heap figures are `heapUsed` after two `gc()`.
 *
 * The stated bound: 10,000 entries × 1 KiB. An entry is the key `tx:<43-char state>`, the JSON of
 * the transaction (~150 bytes: nonce, scopes, acr) and `{ value, expiresAt }` in a Map, well under
 * 1 KiB; the bound leaves room for the Map's backing store and the heap's slack.
 */
import { createClient, franceConnect, type TransactionStore } from '../../src/index.js'
import { fixedMemoryStore } from '../lib/fixed-memory-store.js'
import { parseArgs } from '../lib/args.js'
import { startOpProcess } from '../lib/op-handle.js'
import { emitRow, formatNumber, log, verdict } from '../lib/report.js'

const args = parseArgs()
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')
const total = args.smoke ? 20_000 : 100_000
const ttlSec = 2
const maxEntries = 10_000
const boundBytes = maxEntries * 1024
const nearBytes = 1024 * 1024

const heap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const mib = (bytes: number) => `${formatNumber(bytes / (1024 * 1024))} MiB`
const delta = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mib(Math.abs(bytes))}`

interface Outcome {
  baseline: number
  loaded: number
  idle: number
  swept: number
  elapsedMs: number
}

/** 100,000 abandoned authorize(), then the TTL idle, then one more authorize(). */
async function scenario(store?: TransactionStore): Promise<Outcome> {
  const flow = createClient({
    provider: franceConnect({ issuer: op.info.issuer }),
    clientId: op.info.clientId,
    clientSecret: op.info.clientSecret,
    redirectUri: op.info.redirectUri,
    transactionTtlSec: ttlSec,
    ...(store ? { store } : {}), // none: the default memory store
  })
  // Warm: discovery, JIT; then let those transactions expire and be swept.
  for (let i = 0; i < 2000; i++) await flow.authorize()
  await sleep(ttlSec * 1000 + 1100)
  await flow.authorize()
  const baseline = heap()

  const startedAt = performance.now()
  for (let i = 0; i < total; i++) await flow.authorize()
  const elapsedMs = performance.now() - startedAt
  const loaded = heap()
  await sleep(ttlSec * 1000 + 2000)
  const idle = heap()
  await flow.authorize() // the next sign-in: put() sweeps the expired entries
  const swept = heap()
  log(
    `[memory] ${store ? 'what-if store' : 'default store'}: ${total} authorize() in ${formatNumber(elapsedMs)} ms; heap ${mib(baseline)} → ${mib(loaded)}; after the TTL: idle ${mib(idle)}, after the next authorize() ${mib(swept)}`,
  )
  return { baseline, loaded, idle, swept, elapsedMs }
}

const op = await startOpProcess('v2')
try {
  const { baseline, loaded, idle, swept, elapsedMs } = await scenario()
  const fixed = await scenario(fixedMemoryStore())

  emitRow({
    id: '7',
    figure: `heap growth after ${formatNumber(total, 0)} authorize() never completed`,
    sdk: delta(loaded - baseline),
    peerName: '',
    peer: '',
    ratio: '',
    goal: `≤ ${mib(boundBytes)} (${formatNumber(maxEntries, 0)} entries × 1 KiB)`,
    holds: verdict(loaded - baseline <= boundBytes),
    note: `default memory store (maxEntries ${formatNumber(maxEntries, 0)}), transactionTtlSec ${ttlSec}; heapUsed after two gc(); baseline ${mib(baseline)}; ${formatNumber(total / (elapsedMs / 1000), 0)} authorize()/s while filling`,
  })
  emitRow({
    id: '7',
    figure: 'heap once the TTL has passed, no sign-in since (idle)',
    sdk: delta(idle - baseline),
    peerName: '',
    peer: '',
    ratio: '',
    goal: `within ${mib(nearBytes)} of the baseline`,
    holds: verdict(idle - baseline <= nearBytes),
    note: 'the memory store sweeps expired entries lazily, on put() (at most once a second): while no sign-in starts, expired transactions stay in the Map',
  })
  emitRow({
    id: '7',
    figure: 'heap once the TTL has passed, after the next authorize()',
    sdk: delta(swept - baseline),
    peerName: '',
    peer: '',
    ratio: '',
    goal: `within ${mib(nearBytes)} of the baseline`,
    holds: verdict(swept - baseline <= nearBytes),
  })
  emitRow({
    id: '7',
    figure: 'control: idle heap once the TTL has passed, bench/lib/fixed-memory-store.ts',
    sdk: delta(fixed.idle - fixed.baseline),
    peerName: '',
    peer: '',
    ratio: '',
    goal: 'control: the same fix as src/stores/memory-store.ts now has',
    holds: 'n/a',
    note: `bench/lib/fixed-memory-store.ts: an unref'd setTimeout, armed at the earliest expiry, sweeps; growth with it ${delta(fixed.loaded - fixed.baseline)}`,
  })
} finally {
  await op.close()
}
