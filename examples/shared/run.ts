/**
 * Starting an example app on a loopback port: against a sandbox started alongside it (the default),
 * or against the provider the environment names. Every framework example's `server.ts` is one call
 * to {@link runExample}; tests, the browser test and `franceconnect-sdk demo --serve` use
 * {@link startWithSandbox}.
 */
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startSandbox, type Sandbox, type SandboxVariant } from '../../src/testing/index.js'
import { appOptionsFromEnv, appOptionsFromSandbox, type ApiSelection } from './config.js'
import type { AppOptions } from './web-app.js'

/** Makes a framework's app for these options, as a Node request listener. */
export type ListenerFactory = (options: AppOptions) => RequestListener | Promise<RequestListener>

/** An example app listening on loopback. */
export interface RunningApp {
  /** Where to open it: `http://127.0.0.1:PORT/`. */
  url: string
  options: AppOptions
  /** The sandbox it signs in with, when it started one. */
  sandbox?: Sandbox
  /** Stops the app, then its sandbox. */
  close(): Promise<void>
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return (server.address() as AddressInfo).port
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * Starts an app and a sandbox that knows it: the app listens first (on `port`, or a free one), the
 * sandbox registers its callback and post-logout URLs on that port, then the app is built.
 *
 * @example
 * ```ts
 * const running = await startWithSandbox((options) => createApp(options), { apis: 'all' })
 * console.log(running.url) // open it in a browser
 * await running.close()
 * ```
 */
export async function startWithSandbox(
  factory: ListenerFactory,
  options: { port?: number; variant?: SandboxVariant; apis?: ApiSelection; sessionSecret?: string } = {},
): Promise<RunningApp> {
  let listener: RequestListener | undefined
  const server = createServer((request, response) => {
    if (listener) return listener(request, response)
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('Démarrage…')
  })
  const port = await listen(server, options.port ?? 0, '127.0.0.1')
  const origin = `http://127.0.0.1:${port}`
  let sandbox: Sandbox
  try {
    sandbox = await startSandbox({
      ...(options.variant ? { variant: options.variant } : {}),
      redirectUri: `${origin}/callback`,
      postLogoutRedirectUri: `${origin}/logout-callback`,
    })
  } catch (error) {
    await closeServer(server)
    throw error
  }
  const appOptions = appOptionsFromSandbox(sandbox, {
    apis: options.apis ?? 'seed',
    ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
  })
  try {
    listener = await factory(appOptions)
  } catch (error) {
    await Promise.all([closeServer(server), sandbox.close()])
    throw error
  }
  let closed: Promise<void> | undefined
  return {
    url: `${origin}/`,
    options: appOptions,
    sandbox,
    close() {
      closed ??= closeServer(server).then(() => sandbox.close())
      return closed
    },
  }
}

/**
 * Starts an app configured from environment variables (see `appOptionsFromEnv`) on `port`.
 *
 * @example
 * ```ts
 * const running = await startFromEnv((options) => createApp(options), { port: 3000, env: process.env })
 * ```
 */
export async function startFromEnv(
  factory: ListenerFactory,
  options: { port: number; env: Record<string, string | undefined> },
): Promise<RunningApp> {
  const appOptions = appOptionsFromEnv(options.env)
  const listener = await factory(appOptions)
  const server = createServer(listener)
  const port = await listen(server, options.port, '127.0.0.1')
  return { url: `http://127.0.0.1:${port}/`, options: appOptions, close: () => closeServer(server) }
}

/**
 * The body of each example's `server.ts`: `PORT` (default 3000); with `FC_ISSUER` or `FC_ENV` set,
 * the provider and APIs of the environment, otherwise a sandbox of its own (`FC_SANDBOX_VARIANT`:
 * v2, fcplus or v1). Runs until Ctrl-C.
 *
 * @example
 * ```ts
 * await runExample('Express', (options) => createApp(options))
 * ```
 */
export async function runExample(framework: string, factory: ListenerFactory): Promise<void> {
  const env = process.env
  const port = Number(env.PORT ?? 3000)
  const fromEnv = Boolean(env.FC_ISSUER || env.FC_ENV)
  const variant = env.FC_SANDBOX_VARIANT as SandboxVariant | undefined
  let running: RunningApp
  try {
    running = fromEnv
      ? await startFromEnv(factory, { port, env })
      : await startWithSandbox(factory, { port, ...(variant ? { variant } : {}) })
  } catch (error) {
    console.error(
      `✘ ${framework} example: ${error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error)}`,
    )
    process.exitCode = 1
    return
  }
  const provider = running.options.sdkOptions.provider
  console.log(`${framework} example: ${running.url}`)
  console.log(`  ${provider.name}: ${provider.issuer}${running.options.sandbox ? ' (sandbox: fictitious people and data)' : ''}`)
  console.log(`  APIs: ${(running.options.sdkOptions.apis ?? []).map((connector) => connector.id).join(', ') || 'none'}`)
  console.log('  Ctrl-C to stop')
  const stop = () => {
    void running.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
