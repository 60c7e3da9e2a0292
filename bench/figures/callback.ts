/**
 * Figure 1: the callback (code exchange + ID token verification + userinfo JWT verification), SDK
 * against openid-client, against the same OP in a separate process on loopback, 32 callbacks in
 * flight. Callbacks per second (wall clock) and client CPU microseconds per callback
 * (`process.cpuUsage()` of this process only: the OP's work is in its own process).
 *
 * Fairness: same OP process for both, same number of callbacks per run, a warm-up of each, runs
 * alternated (SDK first in even rounds, openid-client first in odd ones), `gc()` before each timed
 * run, authorization URLs made and consented before the clock starts. The figure is the median of
 * the per-round ratios (each round's SDK run and openid-client run are next to each other in time).
 */
import { parseArgs } from '../lib/args.js'
import { makeEncryptionKeyPair, openidClientFlow, sdkFlow, type SignInFlow } from '../lib/flows.js'
import { startOpProcess, type OpHandle } from '../lib/op-handle.js'
import { runPool } from '../lib/pool.js'
import { emitRow, formatNumber, formatRatio, log, median, verdict } from '../lib/report.js'

const args = parseArgs()
// `--variant=v2` or `--variant=fcplus`: only that one (e.g. to profile it alone).
const onlyVariant = process.argv.find((arg) => arg.startsWith('--variant='))?.slice('--variant='.length)
// `--flow=SDK` or `--flow=openid-client`: time only that client (to profile it alone; no ratio then).
const onlyFlow = process.argv.find((arg) => arg.startsWith('--flow='))?.slice('--flow='.length)
const inFlight = 32
const plan = args.smoke
  ? { warmup: 0, rounds: 1, perRun: 32 }
  : args.quick
    ? { warmup: 100, rounds: 2, perRun: 300 }
    : { warmup: 400, rounds: 12, perRun: 1000 }

const gc = (globalThis as { gc?: () => void }).gc

interface Measure {
  perSec: number
  cpuUsPerCallback: number
}

async function measure(op: OpHandle, flow: SignInFlow, n: number): Promise<Measure> {
  const callbacks = await op.authorize(await flow.begin(n))
  gc?.()
  const cpuBefore = process.cpuUsage()
  const startedAt = performance.now()
  const { failures, firstError } = await runPool(callbacks, inFlight, (url) => flow.complete(url))
  const wallMs = performance.now() - startedAt
  const cpu = process.cpuUsage(cpuBefore)
  if (failures > 0)
    throw new Error(`${flow.name}: ${failures}/${n} callbacks failed: ${String(firstError)}`, { cause: firstError })
  return { perSec: (n * 1000) / wallMs, cpuUsPerCallback: (cpu.user + cpu.system) / n }
}

const variants = [
  { id: '1a', variant: 'v2', label: 'FranceConnect v2 (ES256)' },
  { id: '1b', variant: 'fcplus', label: 'FC+ (JWE ECDH-ES/A256GCM ∘ JWS ES256)' },
] as const

for (const { id, variant, label } of variants) {
  if (onlyVariant !== undefined && onlyVariant !== variant) continue
  const encryption = variant === 'fcplus' ? await makeEncryptionKeyPair() : undefined
  const op = await startOpProcess(variant, encryption?.publicJwk)
  try {
    const sdk = sdkFlow(op.info, encryption)
    const openidClient = await openidClientFlow(op.info, encryption)

    // Both verify the same identity: the harness checks it once before timing anything.
    const [sdkUrl] = await op.authorize(await sdk.begin(1))
    const [ocUrl] = await op.authorize(await openidClient.begin(1))
    const sdkResult = await sdk.complete(sdkUrl as string)
    const ocResult = await openidClient.complete(ocUrl as string)
    if (sdkResult.family_name !== 'DUBOIS' || ocResult.family_name !== 'DUBOIS' || sdkResult.sub !== ocResult.sub) {
      throw new Error(`${variant}: the two clients do not return the same verified identity`)
    }

    if (plan.warmup > 0) {
      log(`[callback ${variant}] warm-up: ${plan.warmup} callbacks each`)
      if (onlyFlow !== 'openid-client') await measure(op, sdk, plan.warmup)
      if (onlyFlow !== 'SDK') await measure(op, openidClient, plan.warmup)
    }
    const sdkRuns: Measure[] = []
    const ocRuns: Measure[] = []
    for (let round = 0; round < plan.rounds; round++) {
      const order = round % 2 === 0 ? [sdk, openidClient] : [openidClient, sdk]
      for (const flow of order) {
        if (onlyFlow !== undefined && flow.name !== onlyFlow) continue
        const result = await measure(op, flow, plan.perRun)
        ;(flow === sdk ? sdkRuns : ocRuns).push(result)
        log(
          `[callback ${variant}] round ${round + 1}/${plan.rounds} ${flow.name.padEnd(13)} ${formatNumber(result.perSec)} callbacks/s, ${formatNumber(result.cpuUsPerCallback)} µs CPU/callback`,
        )
      }
    }
    if (onlyFlow !== undefined) continue
    const throughputRatios = sdkRuns.map((run, i) => run.perSec / (ocRuns[i] as Measure).perSec)
    const cpuRatios = sdkRuns.map((run, i) => (ocRuns[i] as Measure).cpuUsPerCallback / run.cpuUsPerCallback)
    const throughputRatio = median(throughputRatios)
    const cpuRatio = median(cpuRatios)
    const spread = (ratios: number[]) => `per-round ratios ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`
    const note = args.smoke
      ? `smoke run (${plan.perRun} callbacks each): the harness works, timings are not meaningful`
      : `${plan.rounds} alternated rounds × ${plan.perRun} callbacks each, ${inFlight} in flight, after ${plan.warmup} warm-up callbacks; median of per-round ratios (callbacks/s: ${spread(throughputRatios)}; CPU: ${spread(cpuRatios)})`
    emitRow({
      id,
      figure: `Callback ${label}: callbacks/s`,
      sdk: formatNumber(median(sdkRuns.map((run) => run.perSec))),
      peerName: 'openid-client',
      peer: formatNumber(median(ocRuns.map((run) => run.perSec))),
      ratio: formatRatio(throughputRatio),
      goal: 'SDK ≥ 1.0× openid-client',
      holds: args.smoke ? 'n/a' : verdict(throughputRatio >= 1),
      note,
    })
    emitRow({
      id,
      figure: `Callback ${label}: client CPU µs/callback`,
      sdk: formatNumber(median(sdkRuns.map((run) => run.cpuUsPerCallback))),
      peerName: 'openid-client',
      peer: formatNumber(median(ocRuns.map((run) => run.cpuUsPerCallback))),
      ratio: formatRatio(cpuRatio),
      goal: 'openid-client CPU ÷ SDK CPU ≥ 1.0',
      holds: args.smoke ? 'n/a' : verdict(cpuRatio >= 1),
    })
  } finally {
    await op.close()
  }
}
