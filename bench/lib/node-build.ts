/**
 * The Node build (`dist/node/index.js`, what Node resolves `franceconnect-sdk` to), rebuilt with
 * `npm run build` first when it is missing or older than a file of src/: the benchmarks of what a
 * Node server runs measure it rather than src/ (whose modules the Node build swaps for their
 * `.node.ts` variants, see tsup.config.ts).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { log } from './report.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
export const nodeBuildEntry = join(root, 'dist/node/index.js')

/** The newest modification time of the files under `dir`. */
export function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    try {
      newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
    } catch {
      // removed while we looked (someone else is editing src/)
    }
  }
  return newest
}

/** Rebuilds dist/ when the Node build is missing or older than src/; says whether it did. */
export function ensureFreshNodeBuild(): boolean {
  if (existsSync(nodeBuildEntry) && statSync(nodeBuildEntry).mtimeMs >= newestMtime(join(root, 'src'))) return false
  log('[bench] dist/node/index.js is missing or older than src/: npm run build')
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`)
  return true
}
