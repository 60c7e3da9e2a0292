/**
 * The benchmark scripts work: `npm run size` and `npm run bench -- --only=correctness` (the harness
 * of the timed figures in smoke mode, plus the count-based figures) exit 0 and print their rows.
 * Timings are never asserted (the machine is shared and noisy); the counts of figures 5 (connection
 * reuse) and 6 (single flight) are. The scripts are run the way package.json runs them
 * (`tsx bench/size.ts`, `tsx bench/run.ts`), through `node --import tsx`.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

function run(script: string, args: string[] = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error }
}

/** The cells of the table row whose first cells are `id` and a figure containing `figure`. */
function row(stdout: string, id: string, figure: string): string[] | undefined {
  for (const line of stdout.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim())
    if (cells[0] === id && cells[1]?.includes(figure)) return cells
  }
  return undefined
}

describe('bench scripts', () => {
  it('npm run size: bundles every entry side by side and checks the root entry', () => {
    const { status, stdout, stderr, error } = run('bench/size.ts')
    expect(error).toBeUndefined()
    // Sizes are deterministic: every budget of bench/size-budgets.json must hold.
    expect(status, `${stdout}\n${stderr}`).toBe(0)
    expect(stdout).not.toContain('size budgets exceeded')
    expect(stdout).toMatch(/\| \(a\) FC v2 sign-in +\| [\d.]+ kB/)
    expect(stdout).toMatch(/\| \(b\) FC\+ sign-in +\| [\d.]+ kB/)
    expect(stdout).toMatch(/\| \(c\) statut-etudiant-boursier \+ HTTP layer \| [\d.]+ kB/)
    expect(stdout).toMatch(/\| sdk-root-whole +\| [\d.]+ kB/)
    // (e) is a property, not a timing: the root entry holds no connector, sandbox, redis store or ky.
    expect(stdout).toMatch(/\| sdk-root-whole .*\| yes +\|$/m)
  }, 160_000)

  it('npm run bench -- --only=correctness: the harness runs, connections are reused, fetches are single-flight', () => {
    const { status, stdout, stderr, error } = run('bench/run.ts', ['--only=correctness'])
    expect(error).toBeUndefined()
    expect(status, stderr).toBe(0)
    expect(stdout).not.toContain('FAILED to run')
    // The timed figures ran in smoke mode: their rows are printed (values not asserted).
    for (const [id, figure] of [
      ['1a', 'Callback FranceConnect v2'],
      ['1b', 'Callback FC+'],
      ['2', 'authorize()'],
      ['3a', 'verify ID token ES256'],
      ['3b', 'verify ID token RS256'],
      ['3c', 'verify ID token FC+ nested'],
    ] as const) {
      expect(row(stdout, id, figure), `${id} ${figure}`).toBeDefined()
    }
    // 5: five connectors, two getAllData one event-loop turn apart: one connection per server.
    const connections = row(stdout, '5', 'TCP connections over 2 calls (one event-loop turn apart)')
    expect(connections?.[2]).toBe('5 (10 requests)')
    expect(connections?.[7]).toBe('yes')
    // 6: 1,000 callbacks at once on a cold client: one discovery, one key-set request.
    const singleFlight = row(stdout, '6', 'callbacks at once on a cold client')
    expect(singleFlight?.[2]).toBe('1 / 1')
    expect(singleFlight?.[7]).toBe('yes')
  }, 160_000)
})
