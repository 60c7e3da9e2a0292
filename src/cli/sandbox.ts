/**
 * `franceconnect-sdk sandbox`: the sandbox on its own, long-running, with everything an app's
 * configuration needs printed once, in a table and as environment variables.
 */
import { apiTitle } from '../../examples/shared/apis.js'
import type { SandboxVariant } from '../testing/index.js'
import { variantNames } from './demo.js'
import { describeError, mark, paint, renderFields, type Output } from './output.js'
import { waitForStop } from './signals.js'

/** Options of {@link runSandbox}. */
export interface SandboxCommandOptions {
  port?: number
  variant: SandboxVariant
  redirectUri?: string
  postLogoutRedirectUri?: string
}

/** Starts the sandbox, prints its configuration, runs until SIGINT or SIGTERM, then stops it. */
export async function runSandbox(output: Output, options: SandboxCommandOptions): Promise<number> {
  const [{ startSandbox }, { sandboxEnv }] = await Promise.all([
    import('../testing/index.js'),
    import('../../examples/shared/config.js'),
  ])
  const stopped = waitForStop()
  let sandbox: Awaited<ReturnType<typeof startSandbox>>
  try {
    sandbox = await startSandbox({
      variant: options.variant,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
      ...(options.postLogoutRedirectUri ? { postLogoutRedirectUri: options.postLogoutRedirectUri } : {}),
    })
  } catch (error) {
    stopped.cancel()
    const inUse = (error as { code?: string }).code === 'EADDRINUSE'
    output.err(
      `${mark(output, 'fail')} ${inUse ? `port ${options.port} or ${Number(options.port) + 1} is in use: choose another with --port` : describeError(error)}`,
    )
    return 1
  }
  const tty = output.tty
  const heading = (text: string) => {
    output.out()
    output.out(paint.bold(tty, text))
  }
  const { credentials } = sandbox

  output.out(
    `${mark(output, 'ok')} ${paint.bold(tty, `${variantNames[sandbox.variant]} sandbox running`)} on 127.0.0.1 — fictitious people and data`,
  )

  heading('FranceConnect (mock)')
  const provider: [string, string][] = [
    ['issuer', sandbox.issuer],
    ['discovery', `${sandbox.issuer}/.well-known/openid-configuration`],
    ['client id', sandbox.clientId],
    ['client secret', sandbox.clientSecret],
    ['redirect URI', sandbox.redirectUri],
    ['post-logout redirect URI', sandbox.postLogoutRedirectUri],
    ['checktoken (data providers)', sandbox.endpoints.checktoken ?? '—'],
  ]
  for (const line of renderFields(provider)) output.out(line)
  if (sandbox.encryptionKeys) {
    output.out('  encryption keys (private JWKs, give them to createClient({ encryptionKeys })):')
    for (const key of sandbox.encryptionKeys) output.out(`    ${JSON.stringify(key)}`)
  }

  heading('Data APIs (base URLs)')
  const urlWidth = Math.max(...Object.values(sandbox.apis).map((url) => url.length))
  const apis = Object.entries(sandbox.apis).map(([id, url]): [string, string] => [
    id,
    `${url.padEnd(urlWidth)}  ${paint.dim(tty, apiTitle(id))}`,
  ])
  for (const line of renderFields(apis)) output.out(line)

  heading('Credentials of the data APIs')
  const keys: [string, string][] = [
    ['API Particulier recipient', credentials.apiParticulier.recipient],
    ['DGFiP gateway token', credentials.dgfip.gatewayToken],
    ['DGFiP ID_Teleservice', credentials.dgfip.idTeleservice],
    [
      'DGFiP gateway OAuth',
      `${credentials.dgfip.tokenUrl} (client ${credentials.dgfip.clientId}, secret ${credentials.dgfip.clientSecret})`,
    ],
    ['CNAM API key', credentials.cnam.apiKey],
  ]
  for (const line of renderFields(keys)) output.out(line)

  heading('People of the login page')
  for (const [index, person] of sandbox.identities.entries()) {
    output.out(`  ${index}  ${person.id.padEnd(22)} ${person.given_name} ${person.family_name}`)
  }

  heading('As environment variables (what examples/*/server.ts read)')
  for (const [name, value] of Object.entries(sandboxEnv(sandbox)))
    output.out(`${name}=${/^[\w.:/@+-]*$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`}`)

  output.out()
  output.out(paint.dim(tty, 'Ctrl-C to stop.'))
  const signal = await stopped.promise
  await sandbox.close()
  output.out(`${mark(output, 'ok')} Sandbox stopped (${signal})`)
  return 0
}
