/**
 * Figure 2: building the authorization URL and keeping the transaction. The SDK's `authorize()`
 * (default memory store, metadata already discovered) against openid-client's
 * `randomState()` + `randomNonce()` + `buildAuthorizationUrl()` + a plain Map write, with the same
 * parameters (scope, acr_values, state, nonce, redirect_uri).
 * tinybench on a CPU clock (bench/lib/compare.ts), rounds rotating the order of the tasks; median
 * of the per-round ratios.
 */
import { parseArgs } from '../lib/args.js'
import { compareRounds } from '../lib/compare.js'
import { fixedMemoryStore } from '../lib/fixed-memory-store.js'
import { openidClientFlow, sdkFlow } from '../lib/flows.js'
import { startOpProcess } from '../lib/op-handle.js'
import { emitRow, formatNumber, formatRatio, median, verdict } from '../lib/report.js'

const args = parseArgs()
const plan = args.smoke ? { rounds: 1, time: 50 } : args.quick ? { rounds: 2, time: 400 } : { rounds: 6, time: 1500 }

const op = await startOpProcess('v2')
try {
  const sdk = sdkFlow(op.info)
  const openidClient = await openidClientFlow(op.info)
  await sdk.client.authorize() // discovery, once, before timing
  // What-if: the same client with the memory store's eviction fixed (bench/lib/fixed-memory-store.ts).
  const sdkFixed = sdkFlow(op.info, undefined, { store: fixedMemoryStore() })
  await sdkFixed.client.authorize()

  const sdkTask = () => sdk.client.authorize()
  const sdkFixedTask = () => sdkFixed.client.authorize()
  // The same work openidClientFlow.begin(1) does, inlined so that only it is timed.
  const ocPending = new Map<string, { nonce: string; acr: string }>()
  const { randomNonce, randomState, buildAuthorizationUrl } = await import('openid-client')
  const ocTask = () => {
    const state = randomState()
    const nonce = randomNonce()
    const url = buildAuthorizationUrl(openidClient.config, {
      redirect_uri: op.info.redirectUri,
      scope: 'openid identite_pivot',
      acr_values: 'eidas1',
      state,
      nonce,
    })
    ocPending.set(state, { nonce, acr: 'eidas1' })
    return url.href
  }

  const hz = await compareRounds(
    'authorize',
    [
      { name: 'SDK', run: sdkTask },
      { name: 'openid-client', run: ocTask },
      { name: 'SDK, store eviction fixed', run: sdkFixedTask },
    ],
    { ...plan, batch: 100, beforeRound: () => ocPending.clear() },
  )
  const sdkHz = hz.get('SDK') ?? []
  const ocHz = hz.get('openid-client') ?? []
  const fixedHz = hz.get('SDK, store eviction fixed') ?? []
  const ratio = median(sdkHz.map((hz, i) => hz / (ocHz[i] as number)))
  emitRow({
    id: '2',
    figure: 'authorize() URL + store write: ops per CPU-second',
    sdk: formatNumber(median(sdkHz)),
    peerName: 'openid-client',
    peer: formatNumber(median(ocHz)),
    ratio: formatRatio(ratio),
    goal: 'SDK ≥ 1.0× openid-client',
    holds: args.smoke ? 'n/a' : verdict(ratio >= 1),
    note: args.smoke
      ? 'smoke run: timings are not meaningful'
      : `tinybench on a CPU clock, ${plan.rounds} rounds of ${plan.time} ms CPU per task, batches of 100, order rotated, median of per-round ratios (${Math.min(...sdkHz.map((h, i) => h / (ocHz[i] as number))).toFixed(2)}–${Math.max(...sdkHz.map((h, i) => h / (ocHz[i] as number))).toFixed(2)}); the SDK's store is full (10,000 entries) after the first 0.2 s; openid-client = randomState + randomNonce + buildAuthorizationUrl + Map.set`,
  })
  const fixedRatio = median(fixedHz.map((hz, i) => hz / (ocHz[i] as number)))
  emitRow({
    id: '2',
    figure: 'control: authorize() with bench/lib/fixed-memory-store.ts',
    sdk: formatNumber(median(fixedHz)),
    peerName: 'openid-client',
    peer: formatNumber(median(ocHz)),
    ratio: formatRatio(fixedRatio),
    goal: 'control: the same fix as src/stores/memory-store.ts now has',
    holds: 'n/a',
    note: 'same client with bench/lib/fixed-memory-store.ts: the oldest entry found with a kept Map iterator instead of entries.keys().next(), which walks every hole left by earlier evictions',
  })
} finally {
  await op.close()
}
