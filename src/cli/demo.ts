/**
 * `franceconnect-sdk demo`: a whole FranceConnect sign-in on this machine, against the sandbox, with
 * the SDK's own client and connectors, each step timed; the identity and every API's data printed
 * as tables.
 */
import { apiTitle } from '../../examples/shared/apis.js'
import { tabulate } from '../../examples/shared/flatten.js'
import type { AnyConnector, Client, Provider, SettledApiResult } from '../index.js'
import { createClient, franceConnect, franceConnectPlus, franceConnectV1, isFranceConnectSdkError } from '../index.js'
import type { Sandbox, SandboxIdentity, SandboxVariant } from '../testing/index.js'
import { UsageError } from './args.js'
import { demoUsage } from './usage.js'
import { describeError, formatDuration, mark, paint, Progress, ReportedError, renderDataTable, type Output } from './output.js'

/** Options of {@link runDemo}. */
export interface DemoOptions {
  variant: SandboxVariant
  /** Index on the login page, id, or family name (default: the first person). */
  identity?: string | undefined
}

export const variantNames: Record<SandboxVariant, string> = {
  v2: 'FranceConnect v2',
  fcplus: 'FranceConnect+',
  v1: 'FranceConnect v1',
}

function providerFor(variant: SandboxVariant, issuer: string): Provider {
  if (variant === 'fcplus') return franceConnectPlus({ issuer })
  if (variant === 'v1') return franceConnectV1({ issuer })
  return franceConnect({ issuer })
}

/** The person `--identity` names among the sandbox's people, or a usage error listing them. */
export function findPerson(people: readonly SandboxIdentity[], choice: string | undefined): SandboxIdentity {
  const wanted = choice?.trim().toLowerCase()
  const found =
    wanted === undefined
      ? people[0]
      : /^\d+$/.test(wanted)
        ? people[Number(wanted)]
        : people.find((person) => person.id === wanted || person.family_name.toLowerCase() === wanted)
  if (!found) {
    const list = people
      .map((person, index) => `  ${index}  ${person.id.padEnd(22)} ${person.given_name} ${person.family_name}`)
      .join('\n')
    throw new UsageError(`--identity "${choice}" is not a person of the sandbox. They are:\n${list}`, demoUsage)
  }
  return found
}

/** A connector that records how long each of its calls took. */
function timed(connector: AnyConnector, times: Map<string, number>): AnyConnector {
  return {
    ...connector,
    async read(context, params) {
      const start = performance.now()
      try {
        return await connector.read(context, params)
      } finally {
        times.set(connector.id, performance.now() - start)
      }
    },
  }
}

/**
 * Runs the demo and returns the exit code: 0 when the sign-in, the data calls and the logout all
 * worked (an API that knows nothing of the person is an answer, not a failure), 1 otherwise.
 */
export async function runDemo(output: Output, options: DemoOptions): Promise<number> {
  const { startSandbox, sandboxConnectors, sandboxIdentities } = await import('../testing/index.js')
  const person = findPerson(sandboxIdentities(), options.identity)
  const tty = output.tty
  const progress = new Progress(output)
  output.out(
    `${paint.bold(tty, 'franceconnect-sdk demo')} — ${variantNames[options.variant]} sandbox on 127.0.0.1 (fictitious people and data)`,
  )
  output.out()

  let sandbox: Sandbox | undefined
  try {
    const started = await progress.step(
      'Start the sandbox',
      () => startSandbox({ variant: options.variant }),
      (result) => `${result.issuer} · ${Object.keys(result.apis).length} mock APIs`,
    )
    sandbox = started
    const times = new Map<string, number>()
    const connectors = Object.values(sandboxConnectors(started)).map((connector) => timed(connector, times))
    const fc: Client = createClient({
      provider: providerFor(options.variant, started.issuer),
      clientId: started.clientId,
      clientSecret: started.clientSecret,
      redirectUri: started.redirectUri,
      postLogoutRedirectUri: started.postLogoutRedirectUri,
      ...(started.encryptionKeys ? { encryptionKeys: started.encryptionKeys } : {}),
      apis: connectors,
    })

    // This demo is its own browser: it keeps each cookie and hands its value back, as an app reads it from the request.
    const { url, cookie } = await progress.step(
      'authorize(): discovery, authorization URL',
      () => fc.authorize(),
      (result) => {
        const params = new URL(result.url).searchParams
        return `acr_values=${params.get('acr_values') ?? '—'} · ${(params.get('scope') ?? '').split(' ').length} scopes`
      },
    )
    const callbackUrl = await progress.step(
      'Sign in on the mock FranceConnect',
      () => started.signIn(url, { identity: person.id }),
      () => `${person.given_name} ${person.family_name} · login and consent pages over HTTP`,
    )
    const session = await progress.step(
      'callback(): code, ID token, userinfo verified',
      () => fc.callback(callbackUrl, { cookie: cookie.value }),
      (result) => `acr=${result.acr ?? '—'} · ${result.scopes.length} scopes granted`,
    )

    output.out()
    output.out(`  ${paint.bold(tty, 'Identity')} ${paint.dim(tty, '(session.claims)')}`)
    const identityTables = tabulate({ ...session.claims, acr: session.acr, sub: session.sub })
    for (const table of identityTables) for (const line of renderDataTable(output, table)) output.out(line)
    output.out()

    const results = await progress.step(
      `getAllData(): ${connectors.length} APIs in parallel`,
      () => fc.getAllData(session, started.allDataParams),
      (settled) => summarizeResults(settled, connectors.length),
    )
    const unexpected = printResults(output, results, connectors, times)

    if (options.variant === 'v1') progress.line('skip', 'revoke(): FranceConnect v1 has no revocation', undefined)
    else await progress.step('revoke(): access token revoked', () => fc.revoke(session))
    await progress.step(
      'logout(): end session, logoutCallback() state',
      async () => {
        const { url: logoutUrl, cookie: logoutCookie } = await fc.logout(session)
        return fc.logoutCallback(await started.signOut(logoutUrl), { cookie: logoutCookie.value })
      },
      () => 'FranceConnect session ended',
    )
    await progress.step('Stop the sandbox', () => started.close())

    const answered = results.filter((entry) => entry.status === 'fulfilled').length
    output.out()
    output.out(
      `${unexpected === 0 ? mark(output, 'ok') : mark(output, 'fail')} Done in ${formatDuration(progress.elapsed())}: ${person.given_name} ${person.family_name} signed in at ${session.acr ?? '—'}, ${answered} of ${connectors.length} APIs with data, logged out.`,
    )
    return unexpected === 0 ? 0 : 1
  } catch (error) {
    if (!(error instanceof ReportedError)) output.err(`${mark(output, 'fail')} ${describeError(error)}`)
    return 1
  } finally {
    await sandbox?.close()
  }
}

function summarizeResults(results: SettledApiResult[], configured: number): string {
  const answered = results.filter((entry) => entry.status === 'fulfilled').length
  const parts = [`${answered} with data`]
  const noData = results.filter((entry) => entry.status === 'rejected' && isNoData(entry.error)).length
  const failed = results.length - answered - noData
  if (noData) parts.push(`${noData} without data for this person`)
  if (failed) parts.push(`${failed} failed`)
  if (results.length < configured) parts.push(`${configured - results.length} not granted`)
  return parts.join(' · ')
}

/** 404 from the API: it knows nothing of the person, an answer in itself. */
const isNoData = (error: unknown) => isFranceConnectSdkError(error) && error.code === 'api_not_found'

/** Prints each API's block; returns how many failed for another reason than having no data. */
function printResults(
  output: Output,
  results: SettledApiResult[],
  connectors: AnyConnector[],
  times: Map<string, number>,
): number {
  const tty = output.tty
  let unexpected = 0
  for (const connector of connectors) {
    const entry = results.find((result) => result.api === connector.id)
    const time = times.has(connector.id) ? ` · ${formatDuration(times.get(connector.id)!)}` : ''
    const heading = `${paint.bold(tty, connector.id)} — ${apiTitle(connector.id)} · ${connector.provider}${time}`
    output.out()
    if (!entry) {
      output.out(`  ${mark(output, 'skip')} ${heading}`)
      output.out(`      not called: the provider granted none of its scopes`)
      continue
    }
    if (entry.status === 'rejected') {
      const noData = isNoData(entry.error)
      if (!noData) unexpected++
      output.out(`  ${mark(output, noData ? 'skip' : 'fail')} ${heading}`)
      // the SDK's message names the HTTP status and the provider's code
      output.out(`      ${describeError(entry.error)}`)
      continue
    }
    output.out(`  ${mark(output, 'ok')} ${heading}`)
    for (const table of tabulate(entry.result.data)) for (const line of renderDataTable(output, table, '      ')) output.out(line)
  }
  output.out()
  return unexpected
}
