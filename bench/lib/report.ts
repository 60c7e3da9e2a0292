/** Rows of the benchmark table: emitted by each figure process, gathered and printed by run.ts. */
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

/** One line of the table. Values are already formatted; `holds` is the verdict on the goal. */
export interface Row {
  /** `1a`, `2`, `5`… (the figure's number in docs/performance.md). */
  id: string
  figure: string
  sdk: string
  /** The peer's value: openid-client, jose, or empty when the goal is absolute. */
  peer: string
  peerName: string
  ratio: string
  goal: string
  holds: 'yes' | 'no' | 'n/a'
  note?: string
}

const rowPrefix = '@@row '

/** Prints a row for the orchestrator (one JSON line on stdout). */
export function emitRow(row: Row): void {
  process.stdout.write(`${rowPrefix}${JSON.stringify(row)}\n`)
}

/** The row a line carries, if it is one. */
export function parseRow(line: string): Row | undefined {
  if (!line.startsWith(rowPrefix)) return undefined
  return JSON.parse(line.slice(rowPrefix.length)) as Row
}

/** Progress for people: on stderr, so that stdout stays the rows. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** 12,345 / 1,234.5 / 12.35: digits that mean something at each magnitude. */
export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return String(value)
  const fractionDigits = digits ?? (Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 1 : 2)
  return value.toLocaleString('en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`
}

export function verdict(holds: boolean): 'yes' | 'no' {
  return holds ? 'yes' : 'no'
}

/** The machine, as docs/performance.md states it. */
export function machine(): { cpu: string; cores: number; node: string } {
  let cpu = cpus()[0]?.model ?? 'unknown'
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (match?.[1]) cpu = match[1].trim()
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return { cpu, cores: cpus().length, node: process.version }
}

/** A Markdown table of the rows (it reads as a table in a terminal too). */
export function renderTable(rows: readonly Row[]): string {
  const header = ['#', 'figure', 'SDK', 'peer', 'peer value', 'ratio', 'goal', 'holds']
  const lines = rows.map((row) => [row.id, row.figure, row.sdk, row.peerName, row.peer, row.ratio, row.goal, row.holds])
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)))
  const render = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`
  const notes = rows.filter((row) => row.note).map((row) => `- ${row.id}: ${row.note}`)
  return [
    render(header),
    render(widths.map((width) => '-'.repeat(width))),
    ...lines.map(render),
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n')
}
