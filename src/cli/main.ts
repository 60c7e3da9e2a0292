/**
 * The `franceconnect-sdk` command's dispatcher: reads the command line, runs the command, returns
 * the exit code (0 done, 1 failed with the SDK error's code printed, 2 wrong command line).
 */
import { readFileSync } from 'node:fs'
import { readChoice, readOptions, readPort, UsageError } from './args.js'
import { describeError, mark, processOutput, type Output } from './output.js'
import { demoUsage, doctorUsage, mainUsage, sandboxUsage } from './usage.js'

const variants = ['v2', 'fcplus', 'v1'] as const

/**
 * Runs the command line `args` (without `node` and the script) and returns the exit code. The
 * long-running commands return when SIGINT or SIGTERM arrives.
 *
 * @example
 * ```ts
 * process.exitCode = await main(['doctor', '--issuer', issuer, '--client-id', clientId])
 * ```
 */
export async function main(
  args: string[],
  output: Output = processOutput(),
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const [command, ...rest] = args
  try {
    switch (command) {
      case 'demo': {
        const options = readOptions(
          rest,
          { variant: { type: 'string' }, identity: { type: 'string' }, serve: { type: 'boolean' }, port: { type: 'string' } },
          demoUsage,
        )
        if (options.help) return usage(output, demoUsage)
        const variant = readChoice(options.variant, 'variant', variants, demoUsage) ?? 'v2'
        if (options.serve) {
          if (options.identity !== undefined)
            throw new UsageError('--identity is for the printed demo; with --serve, pick the person on the login page', demoUsage)
          const { runServe } = await import('./serve.js')
          return await runServe(output, { port: readPort(options.port, demoUsage, 3000)!, variant })
        }
        if (options.port !== undefined) throw new UsageError('--port goes with --serve', demoUsage)
        const { runDemo } = await import('./demo.js')
        return await runDemo(output, { variant, identity: options.identity })
      }
      case 'sandbox': {
        const options = readOptions(
          rest,
          {
            port: { type: 'string' },
            variant: { type: 'string' },
            'redirect-uri': { type: 'string' },
            'post-logout-redirect-uri': { type: 'string' },
            'client-id': { type: 'string' },
            'client-secret': { type: 'string' },
            seed: { type: 'string' },
            userinfo: { type: 'string' },
          },
          sandboxUsage,
        )
        if (options.help) return usage(output, sandboxUsage)
        const port = readPort(options.port, sandboxUsage, undefined)
        if (port === 65535) throw new UsageError('--port: the mock APIs need the next port too', sandboxUsage)
        const { runSandbox, sandboxCredentialOptions } = await import('./sandbox.js')
        return await runSandbox(output, {
          variant: readChoice(options.variant, 'variant', [...variants, 'proconnect'], sandboxUsage) ?? 'v2',
          ...sandboxCredentialOptions(options, sandboxUsage),
          port,
          redirectUri: options['redirect-uri'] || undefined,
          postLogoutRedirectUri: options['post-logout-redirect-uri'] || undefined,
        })
      }
      case 'doctor': {
        const options = readOptions(
          rest,
          {
            issuer: { type: 'string' },
            'client-id': { type: 'string' },
            preset: { type: 'string' },
            'redirect-uri': { type: 'string' },
            timeout: { type: 'string' },
          },
          doctorUsage,
        )
        if (options.help) return usage(output, doctorUsage)
        const { doctorPresets, runDoctor } = await import('./doctor.js')
        // the same variables `franceconnect-sdk sandbox` prints and the examples read
        const issuer = options.issuer ?? env.FC_ISSUER
        const clientId = options['client-id'] ?? env.FC_CLIENT_ID
        const redirectUri = options['redirect-uri'] ?? env.FC_REDIRECT_URI
        if (!issuer) throw new UsageError('--issuer (or FC_ISSUER) is required', doctorUsage)
        if (!clientId) throw new UsageError('--client-id (or FC_CLIENT_ID) is required', doctorUsage)
        const timeoutMs = options.timeout === undefined ? 10_000 : Number(options.timeout)
        if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
          throw new UsageError('--timeout must be a number of milliseconds', doctorUsage)
        return await runDoctor(output, {
          issuer,
          clientId,
          preset:
            readChoice(options.preset ?? presetOfProvider(env.FC_PROVIDER), 'preset', doctorPresets, doctorUsage) ??
            'franceconnect',
          ...(redirectUri ? { redirectUri } : {}),
          timeoutMs,
        })
      }
      case 'help':
      case '--help':
      case '-h': {
        const topic = { demo: demoUsage, sandbox: sandboxUsage, doctor: doctorUsage }[rest[0] ?? ''] ?? mainUsage
        return usage(output, topic)
      }
      case '--version':
      case '-v':
        output.out(version())
        return 0
      case undefined:
        output.err(mainUsage)
        return 2
      default:
        throw new UsageError(`Unknown command "${command}"`, mainUsage)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${mark(output, 'fail')} ${error.message}`)
      output.err()
      output.err(error.usage)
      return 2
    }
    output.err(`${mark(output, 'fail')} ${describeError(error)}`)
    return 1
  }
}

function usage(output: Output, text: string): number {
  output.out(text)
  return 0
}

/** The package's version, from the package.json two levels up (from src/cli/ and from dist/cli/). */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }
    return pkg.version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** The doctor preset of an `FC_PROVIDER` value (`franceconnect-v1` has no discovery to check). */
function presetOfProvider(provider: string | undefined): string | undefined {
  return provider === 'franceconnect' || provider === 'franceconnect-plus' || provider === 'proconnect' ? provider : undefined
}
