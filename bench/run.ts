/**
 * `npm run bench` (`tsx bench/run.ts`): every performance figure of the SDK, side by side with
 * openid-client (or jose for bare verification), one table at the end.
 *
 *   tsx bench/run.ts                      all figures, full length (a few minutes on 2 cores)
 *   tsx bench/run.ts --quick              each benchmark for a couple of seconds
 *   tsx bench/run.ts --only=verify,memory only these figures
 *   tsx bench/run.ts --only=correctness   the harness in smoke mode + the count-based figures (5, 6)
 *   tsx bench/run.ts --profile            each figure process under --cpu-prof (.tmp/bench-profiles/)
 *   tsx bench/run.ts --strict             exit 1 when a goal does not hold
 *
 * Each figure runs in its own process (`node --import tsx --expose-gc bench/figures/<name>.ts`), so
 * that one's heap, JIT state and connections never weigh on another's; the OP of the callback
 * figures runs in yet another process. Exit status: 1 when a figure fails to run (or, with
 * --strict, when a goal does not hold), else 0.
 */
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from './lib/args.js'
import { machine, parseRow, renderTable, type Row } from './lib/report.js'

interface Figure {
  name: string
  id: string
  title: string
}

const figures: readonly Figure[] = [
  { name: 'callback', id: '1', title: 'callback: code exchange + ID token + userinfo JWT, 32 in flight' },
  { name: 'authorize', id: '2', title: 'authorize(): URL + store write' },
  { name: 'verify', id: '3', title: 'ID token verification alone' },
  { name: 'cold-import', id: '4', title: 'cold import of the root entry' },
  { name: 'fetch-all', id: '5', title: 'getAllData over five connectors' },
  { name: 'single-flight', id: '6', title: '1,000 callbacks on a cold client' },
  { name: 'memory', id: '7', title: '100,000 abandoned authorize()' },
]
/** `--only=correctness`: the harness of the timed figures in smoke mode, and the count-based figures. */
const correctness: Record<string, string[]> = {
  callback: ['--smoke'],
  authorize: ['--smoke'],
  verify: ['--smoke'],
  'fetch-all': [],
  'single-flight': [],
}

const args = parseArgs()
const root = fileURLToPath(new URL('..', import.meta.url))
const selected = figures.flatMap((figure): { figure: Figure; flags: string[] }[] => {
  if (args.only.has('correctness')) {
    const flags = correctness[figure.name]
    return flags ? [{ figure, flags }] : []
  }
  if (args.only.size > 0 && !args.only.has(figure.name) && !args.only.has(figure.id)) return []
  return [{ figure, flags: args.quick ? ['--quick'] : [] }]
})

function runFigure(figure: Figure, flags: string[]): Promise<{ rows: Row[]; code: number | null }> {
  const profileDir = `${root}.tmp/bench-profiles/${figure.name}`
  if (args.profile) mkdirSync(profileDir, { recursive: true })
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--expose-gc',
      ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      fileURLToPath(new URL(`./figures/${figure.name}.ts`, import.meta.url)),
      ...flags,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const rows: Row[] = []
  createInterface({ input: child.stdout }).on('line', (line) => {
    const row = parseRow(line)
    if (row) rows.push(row)
    else process.stderr.write(`${line}\n`)
  })
  return new Promise((resolve) => child.on('close', (code) => resolve({ rows, code })))
}

const { cpu, cores, node } = machine()
const command = `tsx bench/run.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`
console.log(`franceconnect-sdk benchmarks: ${command}`)
console.log(`machine: ${cpu}, ${cores} cores, Node ${node}; ${new Date().toISOString()}`)
console.log('')

const rows: Row[] = []
let failedFigures = 0
for (const { figure, flags } of selected) {
  process.stderr.write(`\n== ${figure.id}. ${figure.title} ${flags.join(' ')}\n`)
  const startedAt = performance.now()
  const { rows: figureRows, code } = await runFigure(figure, flags)
  rows.push(...figureRows)
  if (code !== 0) {
    failedFigures++
    rows.push({
      id: figure.id,
      figure: `${figure.title}: FAILED to run (exit ${code})`,
      sdk: '',
      peer: '',
      peerName: '',
      ratio: '',
      goal: '',
      holds: 'no',
    })
  }
  process.stderr.write(`== ${figure.id}. done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`)
}

console.log(renderTable(rows))
const missed = rows.filter((row) => row.holds === 'no').length
console.log('')
console.log(
  `${rows.length} rows; goals held: ${rows.filter((row) => row.holds === 'yes').length}, not held: ${missed}, informative: ${rows.filter((row) => row.holds === 'n/a').length}`,
)
process.exitCode = failedFigures > 0 || (args.strict && missed > 0) ? 1 : 0
