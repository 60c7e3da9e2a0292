/** `npm run load` works: a small run across two processes sharing a real Redis ends with its line and exit 0. */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const run = promisify(execFile)
const root = resolve(import.meta.dirname, '../..')

it('runs sign-ins across two instances and refuses every replay and forgery', async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/load.ts', '--flows', '60', '--concurrency', '10', '--replays', '20', '--forged', '20'],
    { cwd: root, timeout: 90_000 },
  )
  const line = stdout.split('\n').find((l) => l.startsWith('load: '))
  expect(line).toMatch(
    /^load: 60 flows, 0 errors, 0 replays accepted, 0 forged accepted, [\d.]+ flows\/s, p50 \d+ ms, p95 \d+ ms$/,
  )
}, 120_000)
