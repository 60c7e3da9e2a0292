/**
 * Reads a V8 CPU profile (`node --cpu-prof`, e.g. from `tsx bench/run.ts --profile`) and prints
 * where the time went: self time by package or SDK file, then the heaviest functions.
 *
 *   tsx bench/profile-summary.ts .tmp/bench-profiles/callback/<file>.cpuprofile [--top=30]
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  hitCount?: number
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

const file = process.argv[2]
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [--top=30]')
  process.exit(2)
}
const top = Number(process.argv.find((arg) => arg.startsWith('--top='))?.slice(6) ?? 30)
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile

// Self time per node: the time deltas of the samples that landed on it.
const selfUs = new Map<number, number>()
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const totalUs = profile.endTime - profile.startTime

/** Where a frame belongs: an npm package, a file of the SDK, node internals, or V8 itself. */
function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (pkg) return pkg[1] as string
  if (url.includes('/deps/undici/')) return 'undici (node fetch)'
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[1] ?? url.slice(5)}`
  const src = /\/(src\/.+|bench\/.+|test\/.+)$/.exec(url)
  return src ? (src[1] as string) : url
}

const byOwner = new Map<string, number>()
const byFunction = new Map<string, number>()
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0
  if (us === 0) continue
  const { url, functionName, lineNumber } = node.callFrame
  const who = owner(url, functionName)
  byOwner.set(who, (byOwner.get(who) ?? 0) + us)
  const fn = `${functionName || '(anonymous)'}  ${who}${url ? `:${lineNumber + 1}` : ''}`
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us)
}
const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`
const ms = (us: number) => `${(us / 1000).toFixed(1).padStart(8)} ms`
console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms profiled`)
console.log('\nself time by owner:')
for (const [who, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ${pct(us)}  ${who}`)
console.log('\nheaviest functions (self time):')
for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ${pct(us)}  ${fn}`)
