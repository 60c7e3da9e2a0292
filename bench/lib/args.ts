/** The flags every benchmark script understands. */
export interface BenchArgs {
  /** A couple of seconds per benchmark instead of the full run. */
  quick: boolean
  /** Only these figures (`--only=callback,verify` or `--only=correctness`); empty: all. */
  only: Set<string>
  /** Run each figure process under `--cpu-prof` (profiles in .tmp/bench-profiles/). */
  profile: boolean
  /** Exit non-zero when a goal does not hold (default: only when a figure fails to run). */
  strict: boolean
  /** A figure's smoke mode: check the harness works, timings not meaningful. */
  smoke: boolean
}

export function parseArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const only = new Set<string>()
  for (const arg of argv) {
    if (arg.startsWith('--only=')) for (const name of arg.slice('--only='.length).split(',')) if (name) only.add(name.trim())
  }
  return {
    quick: argv.includes('--quick'),
    only,
    profile: argv.includes('--profile'),
    strict: argv.includes('--strict'),
    smoke: argv.includes('--smoke'),
  }
}
