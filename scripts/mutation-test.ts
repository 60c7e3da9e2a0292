/**
 * `npm run mutate` (`tsx scripts/mutation-test.ts`): removes each security or fetch check in turn
 * and runs the tests that should notice; a check whose removal leaves them green is a SURVIVOR,
 * listed (with the reason it is accepted, if it is) in docs/security.md.
 *
 *   tsx scripts/mutation-test.ts                 every mutation
 *   tsx scripts/mutation-test.ts --only=iat,azp  the mutations whose id contains one of these
 *   tsx scripts/mutation-test.ts --list          the mutations, nothing run
 *
 * Each mutation replaces one exact snippet of one file (it must occur exactly once: a stale entry
 * fails loudly), runs `vitest run --bail=1` on its test files, and puts the file back whatever
 * happens (Ctrl-C included). Exit status 1 when a mutant survives that is not listed as accepted.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Mutation, mutations } from './mutations.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .filter(Boolean)
const selected = mutations.filter((m) => !only || only.some((part) => m.id.includes(part)))

if (process.argv.includes('--list')) {
  for (const m of selected) console.log(`${m.id.padEnd(34)} ${m.file}  (${m.tests.join(', ')})`)
  process.exit(0)
}

let restore: (() => void) | undefined
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    restore?.()
    process.exit(130)
  })
}

/** Applies one mutation, runs its tests, restores the file: true when the tests failed (killed). */
function run(mutation: Mutation): { killed: boolean; seconds: number } {
  const path = join(root, mutation.file)
  const original = readFileSync(path, 'utf8')
  const occurrences = original.split(mutation.find).length - 1
  if (occurrences !== 1) {
    throw new Error(`${mutation.id}: the snippet occurs ${occurrences} times in ${mutation.file} (expected once)`)
  }
  restore = () => writeFileSync(path, original)
  writeFileSync(path, original.replace(mutation.find, mutation.replace))
  const started = performance.now()
  try {
    const result = spawnSync('npx', ['vitest', 'run', '--bail=1', ...mutation.tests], {
      cwd: root,
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, CI: 'true' },
    })
    return { killed: result.status !== 0, seconds: (performance.now() - started) / 1000 }
  } finally {
    restore()
    restore = undefined
  }
}

const rows: string[] = []
const unexpected: string[] = []
for (const mutation of selected) {
  const { killed, seconds } = run(mutation)
  const verdict = killed ? 'killed' : mutation.accepted ? 'survived (accepted)' : 'SURVIVED'
  if (!killed && !mutation.accepted) unexpected.push(mutation.id)
  console.log(`${verdict.padEnd(20)} ${mutation.id} (${seconds.toFixed(0)} s)`)
  rows.push(`| ${mutation.id} | ${mutation.what} | ${verdict}${!killed && mutation.accepted ? `: ${mutation.accepted}` : ''} |`)
}
console.log(`\n| mutation | check removed | result |\n| --- | --- | --- |\n${rows.join('\n')}`)
const killedCount = rows.filter((row) => row.endsWith('| killed |')).length
console.log(`\n${killedCount} of ${selected.length} mutants killed; ${unexpected.length} unexpected survivor(s)`)
if (unexpected.length > 0) {
  console.log(`unexpected survivors: ${unexpected.join(', ')}`)
  process.exit(1)
}
