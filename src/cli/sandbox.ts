/**
 * `franceconnect-sdk sandbox`: the sandbox on its own, long-running, with everything an app's
 * configuration needs printed once, in a table and as environment variables.
 */
import { apiTitle } from '../../examples/shared/apis.js'
import type { ProConnectSandbox, Sandbox, SandboxPlatform } from '../testing/index.js'
import { readChoice, UsageError } from './args.js'
import { sandboxUsage } from './usage.js'
import { variantNames } from './demo.js'
import { describeError, mark, paint, renderFields, type Output } from './output.js'
import { waitForStop } from './signals.js'

/**
 * The seed the command derives its credentials from when none is given: the same client id and
 * secret at every start, so that a pasted `.env` keeps working.
 */
export const DEFAULT_SANDBOX_SEED = 'franceconnect-sdk-sandbox'

/** Options of {@link runSandbox}. */
export interface SandboxCommandOptions {
  port?: number | undefined
  variant: SandboxPlatform
  redirectUri?: string | undefined
  postLogoutRedirectUri?: string | undefined
  clientId?: string | undefined
  clientSecret?: string | undefined
  /** Default {@link DEFAULT_SANDBOX_SEED}. */
  seed?: string | undefined
  /** ProConnect only. */
  userinfo?: 'jwt' | 'json' | undefined
}

/**
 * Reads `--client-id`, `--client-secret`, `--seed` and `--userinfo` (a usage error when a value is
 * not allowed).
 *
 * @example
 * ```ts
 * sandboxCredentialOptions({ 'client-id': 'my-app', seed: 'laptop' }, sandboxUsage) // { clientId: 'my-app', seed: 'laptop' }
 * ```
 */
export function sandboxCredentialOptions(
  options: { 'client-id'?: string; 'client-secret'?: string; seed?: string; userinfo?: string },
  usage: string,
): Pick<SandboxCommandOptions, 'clientId' | 'clientSecret' | 'seed' | 'userinfo'> {
  const secret = options['client-secret']
  // the mock's rule, and FranceConnect's (revocation DTO, v1 HS256 key)
  if (secret !== undefined && secret.length < 32) throw new UsageError('--client-secret must be at least 32 characters', usage)
  if (options['client-id'] === '') throw new UsageError('--client-id must not be empty', usage)
  if (options.seed === '') throw new UsageError('--seed must not be empty', usage)
  const userinfo = readChoice(options.userinfo, 'userinfo', ['jwt', 'json'] as const, usage)
  return {
    clientId: options['client-id'],
    clientSecret: secret,
    seed: options.seed,
    userinfo,
  }
}

const platformNames: Record<SandboxPlatform, string> = { ...variantNames, proconnect: 'ProConnect' }

/** The environment variables of a ProConnect sandbox: only the provider's, it has no data API. */
function proConnectEnv(sandbox: ProConnectSandbox): Record<string, string> {
  return {
    FC_PROVIDER: 'proconnect',
    FC_ISSUER: sandbox.issuer,
    FC_CLIENT_ID: sandbox.clientId,
    FC_CLIENT_SECRET: sandbox.clientSecret,
    FC_REDIRECT_URI: sandbox.redirectUri,
    FC_POST_LOGOUT_REDIRECT_URI: sandbox.postLogoutRedirectUri,
    FC_SANDBOX: '1',
  }
}

/** Starts the sandbox, prints its configuration, runs until SIGINT or SIGTERM, then stops it. */
export async function runSandbox(output: Output, options: SandboxCommandOptions): Promise<number> {
  const [{ startSandbox }, { sandboxEnv }] = await Promise.all([
    import('../testing/index.js'),
    import('../../examples/shared/config.js'),
  ])
  const stopped = waitForStop()
  const seed = options.seed ?? DEFAULT_SANDBOX_SEED
  const common = {
    seed,
    port: options.port,
    // an empty --redirect-uri means the default
    redirectUri: options.redirectUri || undefined,
    postLogoutRedirectUri: options.postLogoutRedirectUri || undefined,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
  }
  if (options.userinfo !== undefined && options.variant !== 'proconnect') {
    stopped.cancel()
    throw new UsageError('--userinfo goes with --variant proconnect', sandboxUsage)
  }
  let sandbox: Sandbox | ProConnectSandbox
  try {
    sandbox =
      options.variant === 'proconnect'
        ? await startSandbox({ ...common, variant: 'proconnect', userinfo: options.userinfo })
        : await startSandbox({ ...common, variant: options.variant })
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

  output.out(
    `${mark(output, 'ok')} ${paint.bold(tty, `${platformNames[sandbox.variant]} sandbox running`)} on 127.0.0.1 — fictitious people and data`,
  )

  heading(sandbox.variant === 'proconnect' ? 'ProConnect (mock)' : 'FranceConnect (mock)')
  const provider: [string, string][] = [
    ['issuer', sandbox.issuer],
    ['discovery', `${sandbox.issuer}/.well-known/openid-configuration`],
    ['client id', sandbox.clientId],
    ['client secret', sandbox.clientSecret],
    [
      'credentials from',
      options.clientId && options.clientSecret
        ? '--client-id and --client-secret'
        : `seed "${seed}" (the same at every start; --seed <text> for others)`,
    ],
    ['redirect URI', sandbox.redirectUri],
    ['post-logout redirect URI', sandbox.postLogoutRedirectUri],
    ['checktoken (data providers)', sandbox.endpoints.checktoken ?? '—'],
  ]
  for (const line of renderFields(provider)) output.out(line)
  if (sandbox.encryptionKeys) {
    output.out('  encryption keys (private JWKs, give them to createClient({ encryptionKeys })):')
    for (const key of sandbox.encryptionKeys) output.out(`    ${JSON.stringify(key)}`)
  }

  if (sandbox.variant === 'proconnect') {
    heading('ProConnect levels (the login page lets you pick the one the identity provider answers)')
    output.out(
      '  eidas0, eidas0-mfa, eidas1 (default), eidas1-mfa, eidas2, eidas3, https://proconnect.gouv.fr/assurance/certification-dirigeant',
    )
  } else printDataApis(output, sandbox)

  heading('People of the login page')
  for (const [index, person] of sandbox.identities.entries()) {
    output.out(`  ${index}  ${person.id.padEnd(22)} ${person.given_name} ${person.family_name}`)
  }

  heading('As environment variables (what examples/*/server.ts read)')
  const env = sandbox.variant === 'proconnect' ? proConnectEnv(sandbox) : sandboxEnv(sandbox)
  for (const [name, value] of Object.entries(env))
    output.out(`${name}=${/^[\w.:/@+-]*$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`}`)

  output.out()
  output.out(paint.dim(tty, 'Ctrl-C to stop.'))
  const signal = await stopped.promise
  await sandbox.close()
  output.out(`${mark(output, 'ok')} Sandbox stopped (${signal})`)
  return 0
}

/** The data APIs' base URLs and credentials (FranceConnect variants). */
function printDataApis(output: Output, sandbox: Sandbox): void {
  const tty = output.tty
  const heading = (text: string) => {
    output.out()
    output.out(paint.bold(tty, text))
  }
  const { credentials } = sandbox
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
}
