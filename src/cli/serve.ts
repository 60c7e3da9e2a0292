/**
 * `franceconnect-sdk demo --serve`: the example web app (examples/node-http, nothing but the SDK)
 * against a sandbox, on a loopback port, for a person to try in a browser. Runs until Ctrl-C.
 */
import type { SandboxVariant } from '../testing/index.js'
import { variantNames } from './demo.js'
import { describeError, mark, paint, type Output } from './output.js'
import { waitForStop } from './signals.js'

/** Starts the app and its sandbox, prints where to go, waits for SIGINT/SIGTERM, stops both. */
export async function runServe(output: Output, options: { port: number; variant: SandboxVariant }): Promise<number> {
  const [{ startWithSandbox }, { createApp }] = await Promise.all([
    import('../../examples/shared/run.js'),
    import('../../examples/node-http/app.js'),
  ])
  const stopped = waitForStop()
  let running: Awaited<ReturnType<typeof startWithSandbox>>
  try {
    running = await startWithSandbox((appOptions) => createApp(appOptions), {
      port: options.port,
      variant: options.variant,
      apis: 'all',
    })
  } catch (error) {
    stopped.cancel()
    const inUse = (error as { code?: string }).code === 'EADDRINUSE'
    output.err(
      `${mark(output, 'fail')} ${inUse ? `port ${options.port} is in use: choose another with --port` : describeError(error)}`,
    )
    return 1
  }
  const tty = output.tty
  const sandbox = running.sandbox!
  output.out(`${mark(output, 'ok')} ${paint.bold(tty, 'Example app')}  ${running.url}`)
  output.out(`  ${variantNames[options.variant]} sandbox: ${sandbox.issuer} (fictitious people and data)`)
  output.out(`  Open ${running.url} and click “S’identifier avec FranceConnect”; pick a person on the mock login page.`)
  output.out(`  APIs: ${(running.options.sdkOptions.apis ?? []).map((connector) => connector.id).join(', ')}`)
  output.out(paint.dim(tty, '  Ctrl-C to stop'))
  const signal = await stopped.promise
  await running.close()
  output.out(`${mark(output, 'ok')} Stopped (${signal})`)
  return 0
}
