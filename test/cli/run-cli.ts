/**
 * Runs the `franceconnect-sdk` command from the sources, as `npm run demo` does (tsx, no build), in
 * a child process: its exit code, stdout and stderr, or, for long-running commands, the child to
 * signal once its output says it is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const args = (cliArgs: string[]) => ['--import', 'tsx', 'src/cli/index.ts', ...cliArgs]
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  ms: number
}

/** Runs the command to its end, with `extraEnv` added to its environment. */
export function runCli(cliArgs: string[], timeoutMs = 30_000, extraEnv: Record<string, string> = {}): Promise<CliResult> {
  const start = performance.now()
  const child = spawn(process.execPath, args(cliArgs), {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return collect(child, start, timeoutMs)
}

function collect(
  child: ChildProcess,
  start: number,
  timeoutMs: number,
  already = { stdout: '', stderr: '' },
): Promise<CliResult> {
  const output = already
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the command did not end within ${timeoutMs} ms\n${output.stdout}\n${output.stderr}`))
    }, timeoutMs)
    child.once('error', reject)
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, ...output, ms: performance.now() - start })
    })
  })
}

/** A long-running command: its output so far, and its end once signalled. */
export interface RunningCli {
  child: ChildProcess
  output: { stdout: string; stderr: string }
  /** Sends the signal and waits for the end. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>
}

/** Starts a long-running command and waits until its stdout contains `ready`. */
export function startCli(cliArgs: string[], ready: string, timeoutMs = 20_000): Promise<RunningCli> {
  const start = performance.now()
  const child = spawn(process.execPath, args(cliArgs), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const output = { stdout: '', stderr: '' }
  const ended = collect(child, start, 60_000, output)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`not ready within ${timeoutMs} ms\n${output.stdout}\n${output.stderr}`))
    }, timeoutMs)
    const check = () => {
      if (!output.stdout.includes(ready)) return
      clearTimeout(timer)
      child.stdout?.off('data', check)
      resolve({
        child,
        output,
        stop(signal = 'SIGTERM') {
          child.kill(signal)
          return ended
        },
      })
    }
    child.stdout?.on('data', check)
    void ended.then((result) => {
      clearTimeout(timer)
      if (!output.stdout.includes(ready))
        reject(new Error(`ended (code ${result.code}) before being ready\n${result.stdout}\n${result.stderr}`))
    })
  })
}
