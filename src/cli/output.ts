/**
 * What the CLI writes: progress lines with a mark and a duration, aligned tables, colours only on a
 * terminal that wants them (`NO_COLOR`, `FORCE_COLOR`).
 */
import type { DataTable } from '../../examples/shared/flatten.js'

/** Where the CLI writes; the process's streams, or a buffer in tests. */
export interface Output {
  out(line?: string): void
  err(line?: string): void
  /** Colours and in-place progress lines. */
  readonly tty: boolean
}

/** The process's stdout and stderr. */
export function processOutput(): Output {
  const env = process.env
  const tty = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb'
  return {
    out: (line = '') => process.stdout.write(`${line}\n`),
    err: (line = '') => process.stderr.write(`${line}\n`),
    tty,
  }
}

const wrap = (open: number, close: number) => (enabled: boolean, text: string) =>
  enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text
export const paint = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
}

/** The marks of a line: done, failed, a difference that does not block, skipped. */
export type Mark = 'ok' | 'fail' | 'warn' | 'skip'

const marks: Record<Mark, { symbol: string; colour: (enabled: boolean, text: string) => string }> = {
  ok: { symbol: '✔', colour: paint.green },
  fail: { symbol: '✘', colour: paint.red },
  warn: { symbol: '!', colour: paint.yellow },
  skip: { symbol: '–', colour: paint.dim },
}

/** `✔`, `✘`, `!` or `–`, coloured on a terminal. */
export function mark(output: Output, kind: Mark): string {
  return marks[kind].colour(output.tty, marks[kind].symbol)
}

/** A duration as people read it: `38 ms`, `1.31 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

/** Display width of a string in a monospace terminal (code points; the CLI prints no wide characters). */
export function width(text: string): number {
  return [...text].length
}

const pad = (text: string, size: number) => text + ' '.repeat(Math.max(0, size - width(text)))
const padStart = (text: string, size: number) => ' '.repeat(Math.max(0, size - width(text))) + text

/** Lines of an aligned text table with a header and a rule under it. */
export function renderColumns(columns: string[], rows: string[][], indent = '  '): string[] {
  const sizes = columns.map((column, index) => Math.max(width(column), ...rows.map((row) => width(row[index] ?? ''))))
  const line = (cells: string[]) => `${indent}${cells.map((cell, index) => pad(cell, sizes[index] ?? 0)).join('  ')}`.trimEnd()
  return [line(columns), `${indent}${sizes.map((size) => '─'.repeat(size)).join('  ')}`, ...rows.map(line)]
}

/** Lines of key/value pairs, the keys aligned. */
export function renderFields(rows: [string, string][], indent = '  '): string[] {
  const size = Math.max(0, ...rows.map(([key]) => width(key)))
  return rows.map(([key, value]) => `${indent}${pad(key, size)}  ${value}`.trimEnd())
}

/** Lines of a data table: key/value pairs, or a table with one row per element under its path. */
export function renderDataTable(output: Output, table: DataTable, indent = '    '): string[] {
  if (table.kind === 'fields') {
    const title = table.path ? [`${indent}${paint.bold(output.tty, table.path)}`] : []
    return [...title, ...renderFields(table.rows, table.path ? `${indent}  ` : indent)]
  }
  return [
    `${indent}${paint.bold(output.tty, table.path)} (${table.rows.length})`,
    ...renderColumns(table.columns, table.rows, `${indent}  `),
  ]
}

/**
 * Runs the steps of a command, one line each: `✔ label   38 ms  detail` when it succeeds,
 * `✘ label   12 ms  code: message` when it fails (then the error goes on). On a terminal the line
 * shows `…` while the step runs.
 */
export class Progress {
  private readonly started = performance.now()
  constructor(private readonly output: Output) {}

  /** Milliseconds since the command started. */
  elapsed(): number {
    return performance.now() - this.started
  }

  line(kind: Mark, label: string, ms: number | undefined, detail = ''): void {
    const time = ms === undefined ? ' '.repeat(9) : padStart(formatDuration(ms), 9)
    const text = `${mark(this.output, kind)} ${pad(label, 46)} ${paint.dim(this.output.tty, time)}${detail ? `  ${detail}` : ''}`
    this.output.out(this.output.tty ? `\r\u001b[K${text}`.trimEnd() : text.trimEnd())
  }

  /** Runs `task`, then prints its line with how long it took and what `detail` says of its result. */
  async step<T>(label: string, task: () => Promise<T>, detail?: (result: T) => string): Promise<T> {
    if (this.output.tty) process.stdout.write(`${paint.dim(true, '…')} ${label}`)
    const start = performance.now()
    try {
      const result = await task()
      this.line('ok', label, performance.now() - start, detail?.(result) ?? '')
      return result
    } catch (error) {
      this.line('fail', label, performance.now() - start, describeError(error))
      throw new ReportedError(error)
    }
  }
}

/** An error already printed on its step's line: the command exits non-zero without printing it again. */
export class ReportedError extends Error {
  override name = 'ReportedError'
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original))
  }
}

/** `code: message` for an SDK error (its messages are safe to print), the message otherwise. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && typeof message === 'string') return `${code}: ${message}`
    if (typeof message === 'string') return message
  }
  return String(error)
}
