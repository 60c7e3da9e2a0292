// Run by bench/figures/cold-import.ts in a fresh `node` (no loader): imports each module given as
// argument in turn (an absolute path, or a package specifier resolved from the repository) and
// prints how long each import took and how long since the process started, as one JSON line.
// With no argument it imports nothing (the baseline).
import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'

const steps = []
const startedAt = performance.now()
for (const target of process.argv.slice(2)) {
  const before = performance.now()
  await import(isAbsolute(target) ? pathToFileURL(target).href : target)
  steps.push({ target, ms: performance.now() - before })
}
const importMs = performance.now() - startedAt
process.stdout.write(`${JSON.stringify({ importMs, steps, sinceStartMs: performance.now() })}\n`)
