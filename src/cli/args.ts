/** Reading a command's options with `node:util`'s parseArgs; a mistake is a {@link UsageError} (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** The command line is wrong: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
  constructor(
    message: string,
    /** The usage text to print after the message. */
    readonly usage: string,
  ) {
    super(message)
  }
}

type Options = NonNullable<ParseArgsConfig['options']>

/** What the options read: a string or a boolean each, by their declared type; `help` always. */
export type OptionValues<O extends Options> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string } & {
  help?: boolean
}

/**
 * The options of a command, strictly: an unknown option, a missing value or a positional argument
 * is a usage error.
 *
 * @example
 * ```ts
 * const { port } = readOptions(['--port', '4000'], { port: { type: 'string' } }, sandboxUsage)
 * ```
 */
export function readOptions<const O extends Options>(args: string[], options: O, usage: string): OptionValues<O> {
  try {
    const { values } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    })
    return values as OptionValues<O>
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage)
  }
}

/** A port number (0 to 65535), or a usage error. */
export function readPort(value: string | undefined, usage: string, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`, usage)
  return port
}

/** One of the allowed values, or a usage error. */
export function readChoice<const T extends string>(
  value: string | undefined,
  name: string,
  choices: readonly T[],
  usage: string,
): T | undefined {
  if (value === undefined) return undefined
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${value}"`, usage)
  return value as T
}
