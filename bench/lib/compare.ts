/**
 * Rounds of tinybench over competing tasks, on a CPU clock: each sample is the CPU time this
 * process spent (`process.cpuUsage()`, all threads: WebCrypto's thread pool included), so that
 * another process taking the core while a task runs does not count against it. On the shared,
 * noisy 2-core machine the benchmarks run on, wall-clock rounds of the same code differ by up to
 * 2×; CPU-clock rounds by a few percent. Each tinybench iteration runs `batch` operations, so
 * the clock is read once per batch; the task order rotates from one round to the next, and the
 * figure is the median of the per-round ratios (each round's tasks run next to each other in time).
 */
import { Bench } from 'tinybench'
import { formatNumber, log } from './report.js'

/** CPU time of this process (user + system, every thread), in milliseconds. */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

export interface CompetingTask {
  name: string
  /** One operation; awaited when it returns a promise. */
  run: () => unknown
}

/**
 * Runs every task for `time` ms of CPU per round, `rounds` times, and returns each task's
 * operations per CPU-second, per round.
 *
 * @example
 * ```ts
 * const hz = await compareRounds('verify ES256', [{ name: 'SDK', run: sdk }, { name: 'jose', run: jose }], { rounds: 4, time: 1500, batch: 10 })
 * ```
 */
export async function compareRounds(
  label: string,
  tasks: readonly CompetingTask[],
  options: { rounds: number; time: number; batch: number; beforeRound?: () => void },
): Promise<Map<string, number[]>> {
  const results = new Map<string, number[]>(tasks.map((task) => [task.name, []]))
  const { batch } = options
  for (let round = 0; round < options.rounds; round++) {
    options.beforeRound?.()
    const bench = new Bench({ time: options.time, warmupTime: Math.min(300, options.time), now: cpuNow, throws: true })
    for (let k = 0; k < tasks.length; k++) {
      const task = tasks[(round + k) % tasks.length] as CompetingTask
      bench.add(task.name, async () => {
        for (let i = 0; i < batch; i++) await task.run()
      })
    }
    await bench.run()
    for (const task of bench.tasks) {
      const result = task.result
      if (result.state !== 'completed') throw new Error(`${label} ${task.name}: ${result.state}`)
      const hz = (batch * 1000) / result.period
      results.get(task.name)?.push(hz)
      log(
        `[${label}] round ${round + 1}/${options.rounds} ${task.name.padEnd(26)} ${formatNumber(hz)} ops per CPU-second (${formatNumber((result.period * 1000) / batch)} µs CPU per op)`,
      )
    }
  }
  return results
}
