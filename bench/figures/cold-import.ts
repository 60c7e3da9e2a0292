/**
 * Figure 4: cold import of the root entry in a fresh process: the built `dist/node/index.js`, what
 * Node resolves `franceconnect-sdk` to (the `node` condition of `exports`; rebuilt
 * with `npm run build` when missing or older than a file of src/) against openid-client's entry,
 * each in its own `node` process with no loader, 15 times each in rotating order (baseline, SDK,
 * openid-client), medians. Two figures: the import alone (performance.now() around the dynamic
 * import, in the child) and the wall time of the whole process (spawn to exit, in the parent).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from '../lib/args.js'
import { ensureFreshNodeBuild } from '../lib/node-build.js'
import { emitRow, formatNumber, formatRatio, log, median, verdict } from '../lib/report.js'

const args = parseArgs()
const runs = args.smoke ? 3 : 15
const root = fileURLToPath(new URL('../..', import.meta.url))
const probe = fileURLToPath(new URL('../lib/cold-import-probe.mjs', import.meta.url))

// Other engineers rebuild dist/ (tsup cleans it first) while this runs: measure a snapshot of it,
// taken once it is fresh and checked to import; with the package.json, whose `imports` (#node/…)
// must resolve inside the snapshot.
const snapshotDir = join(root, '.tmp/bench-dist')
const sdkEntry = join(snapshotDir, 'dist/node/index.js')
let rebuilt = false
for (let attempt = 1; ; attempt++) {
  if (ensureFreshNodeBuild()) rebuilt = true
  rmSync(snapshotDir, { recursive: true, force: true })
  try {
    cpSync(join(root, 'dist'), join(snapshotDir, 'dist'), { recursive: true })
    cpSync(join(root, 'package.json'), join(snapshotDir, 'package.json'))
  } catch {
    // dist/ vanished while being copied: try again
  }
  const check = spawnSync(process.execPath, [probe, sdkEntry], { cwd: root, encoding: 'utf8' })
  if (check.status === 0) break
  if (attempt === 3) throw new Error(`dist/node/index.js does not import: ${check.stderr}`)
  log('[cold-import] dist/ changed while being copied: again')
}

// openid-client's own entry, resolved from this repository as an app would.
const ocEntry = join(dirname(createRequire(join(root, 'package.json')).resolve('openid-client/package.json')), 'build/index.js')

interface Sample {
  importMs: number
  wallMs: number
}
const targets = [
  { name: 'baseline', path: undefined },
  { name: 'SDK', path: sdkEntry },
  { name: 'openid-client', path: ocEntry },
] as const
const samples: Record<string, Sample[]> = Object.fromEntries(targets.map((target) => [target.name, []]))
for (let run = 0; run < runs; run++) {
  for (let k = 0; k < targets.length; k++) {
    const target = targets[(run + k) % targets.length] as (typeof targets)[number]
    const startedAt = performance.now()
    const child = spawnSync(process.execPath, [probe, ...(target.path ? [target.path] : [])], { cwd: root, encoding: 'utf8' })
    const wallMs = performance.now() - startedAt
    if (child.status !== 0) throw new Error(`importing ${target.name} failed: ${child.stderr}`)
    const { importMs } = JSON.parse(child.stdout) as { importMs: number }
    samples[target.name]?.push({ importMs, wallMs })
  }
}
const summary = (name: string) => {
  const list = samples[name] ?? []
  return { importMs: median(list.map((s) => s.importMs)), wallMs: median(list.map((s) => s.wallMs)) }
}
const baseline = summary('baseline')
const sdk = summary('SDK')
const oc = summary('openid-client')
log(
  `[cold-import] medians of ${runs}: baseline wall ${formatNumber(baseline.wallMs)} ms; SDK import ${formatNumber(sdk.importMs)} ms, wall ${formatNumber(sdk.wallMs)} ms; openid-client import ${formatNumber(oc.importMs)} ms, wall ${formatNumber(oc.wallMs)} ms`,
)
emitRow({
  id: '4',
  figure: 'cold import of the root entry: import only, ms',
  sdk: formatNumber(sdk.importMs),
  peerName: 'openid-client',
  peer: formatNumber(oc.importMs),
  ratio: formatRatio(sdk.importMs / oc.importMs),
  goal: 'SDK ≤ 0.5× openid-client (issue 15)',
  holds: args.smoke ? 'n/a' : verdict(sdk.importMs <= 0.5 * oc.importMs),
  note: `median of ${runs} fresh \`node\` processes each (no loader), rotating order; dist/node/index.js${rebuilt ? ' rebuilt by npm run build' : ' up to date'} (measured on a copy in .tmp/bench-dist/); empty-process baseline wall ${formatNumber(baseline.wallMs)} ms`,
})
// What the Node build defers to the first callback: the protocol core (dist/node/shared/protocol.js,
// with oauth4webapi), loaded after the root entry in one process.
const protocolEntry = join(dirname(sdkEntry), 'shared/protocol.js')
const steps = spawnSync(process.execPath, [probe, sdkEntry, protocolEntry], { cwd: root, encoding: 'utf8' })
const [rootStep, protocolStep] = (JSON.parse(steps.stdout) as { steps: { target: string; ms: number }[] }).steps
log(
  `[cold-import] one process, in order: dist/node/index.js ${formatNumber(rootStep?.ms ?? Number.NaN)} ms, then the protocol core ${formatNumber(protocolStep?.ms ?? Number.NaN)} ms`,
)
emitRow({
  id: '4',
  figure: 'cold import of the root entry: process wall incl. startup, ms',
  sdk: formatNumber(sdk.wallMs),
  peerName: 'openid-client',
  peer: formatNumber(oc.wallMs),
  ratio: formatRatio(sdk.wallMs / oc.wallMs),
  goal: 'SDK ≤ openid-client (ratio ≤ 1.0)',
  holds: args.smoke ? 'n/a' : verdict(sdk.wallMs <= oc.wallMs),
})
emitRow({
  id: '4',
  figure: 'the protocol core, loaded on the first callback (not at import): ms',
  sdk: formatNumber(protocolStep?.ms ?? Number.NaN),
  peerName: '',
  peer: '',
  ratio: '',
  goal: 'informative: what the first callback pays once',
  holds: 'n/a',
  note: 'one process: dist/node/index.js imported, then dist/node/shared/protocol.js (oauth4webapi, the token and claims checks)',
})
