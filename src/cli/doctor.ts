/**
 * `franceconnect-sdk doctor`: fetches a provider's discovery document and key set with the SDK's
 * transport (timeouts, size cap, no redirects) and prints, line by line, what differs from the
 * preset's expectations. Optionally sends the SDK's own authorization request to see whether the
 * provider knows the client and its callback.
 */
import {
  createClient,
  describeFranceConnectCode,
  findFranceConnectCode,
  franceConnect,
  franceConnectPlus,
  memoryStore,
  oidcProvider,
  proConnect,
  type Provider,
} from '../index.js'
import { readJsonObject } from '../http/read-json.js'
import { sendRequest } from '../http/send-request.js'
import { assertSecureUrl } from '../http/secure-url.js'
import { checkDiscovery, checkJwks, type Check } from './doctor-checks.js'
import { describeError, formatDuration, mark, paint, type Output } from './output.js'

export const doctorPresets = ['franceconnect', 'franceconnect-plus', 'proconnect', 'oidc'] as const
export type DoctorPreset = (typeof doctorPresets)[number]

/** Options of {@link runDoctor}. */
export interface DoctorOptions {
  issuer: string
  clientId: string
  preset: DoctorPreset
  redirectUri?: string | undefined
  timeoutMs: number
}

function presetFor(preset: DoctorPreset, issuer: string): Provider {
  if (preset === 'franceconnect-plus') return franceConnectPlus({ issuer })
  if (preset === 'proconnect') return proConnect({ issuer })
  if (preset === 'oidc') return oidcProvider({ issuer })
  return franceConnect({ issuer })
}

/** Runs the checks, prints them, and returns the exit code: 1 when one blocks a sign-in. */
export async function runDoctor(output: Output, options: DoctorOptions): Promise<number> {
  const provider = presetFor(options.preset, options.issuer)
  const transport = { timeoutMs: options.timeoutMs }
  const tty = output.tty
  output.out(`${paint.bold(tty, 'franceconnect-sdk doctor')} — ${options.issuer}`)
  output.out(`  preset ${options.preset} (${provider.name}), client ${options.clientId}`)
  output.out()
  const checks: Check[] = []
  const print = (check: Check) => {
    checks.push(check)
    output.out(`${mark(output, check.level)} ${paint.bold(tty, check.subject)}: ${check.message}`)
  }

  try {
    assertSecureUrl(options.issuer, 'the issuer')
  } catch (error) {
    print({ level: 'fail', subject: 'issuer', message: describeError(error) })
    return finish(output, checks)
  }

  // discovery, with the SDK's transport
  const discoveryUrl = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  let metadata: Record<string, unknown>
  try {
    const start = performance.now()
    const response = await sendRequest(discoveryUrl, { headers: { accept: 'application/json' } }, transport)
    metadata = readJsonObject('discovery_error', response)
    print({
      level: 'ok',
      subject: 'discovery',
      message: `${discoveryUrl} (HTTP ${response.status}, ${formatDuration(performance.now() - start)})`,
    })
  } catch (error) {
    print({ level: 'fail', subject: 'discovery', message: `${discoveryUrl}: ${describeError(error)}` })
    const hint = unreachableHint(error, options.issuer)
    if (hint) output.out(`  ${hint}`)
    return finish(output, checks)
  }
  for (const check of checkDiscovery(provider, metadata)) print(check)

  // key set
  const jwksUri = metadata.jwks_uri
  if (typeof jwksUri !== 'string') {
    print({ level: 'fail', subject: 'jwks', message: 'no jwks_uri: signatures cannot be verified' })
  } else {
    try {
      const start = performance.now()
      const response = await sendRequest(
        jwksUri,
        { headers: { accept: 'application/jwk-set+json, application/json' } },
        transport,
      )
      const jwks = readJsonObject('jwks_error', response)
      print({
        level: 'ok',
        subject: 'jwks_uri',
        message: `${jwksUri} (HTTP ${response.status}, ${formatDuration(performance.now() - start)})`,
      })
      const offered = Array.isArray(metadata.id_token_signing_alg_values_supported)
        ? (metadata.id_token_signing_alg_values_supported as string[])
        : undefined
      for (const check of await checkJwks(provider, jwks, offered)) print(check)
    } catch (error) {
      print({ level: 'fail', subject: 'jwks_uri', message: `${jwksUri}: ${describeError(error)}` })
    }
  }

  // the client, with the SDK's own authorization request
  if (!options.redirectUri) {
    print({
      level: 'skip',
      subject: 'client',
      message:
        'add --redirect-uri <your registered callback> to check that the provider knows this client and accepts the SDK’s authorization request',
    })
  } else if (checks.some((check) => check.level === 'fail')) {
    print({ level: 'skip', subject: 'client', message: 'not checked: fix the problems above first' })
  } else {
    print(await probeClient(provider, options, metadata))
  }
  return finish(output, checks)
}

function finish(output: Output, checks: Check[]): number {
  const failed = checks.filter((check) => check.level === 'fail').length
  const warned = checks.filter((check) => check.level === 'warn').length
  output.out()
  if (failed > 0) {
    output.out(
      `${mark(output, 'fail')} ${failed} problem${failed > 1 ? 's' : ''} would stop a sign-in${warned ? `; ${warned} other difference${warned > 1 ? 's' : ''}` : ''}.`,
    )
    return 1
  }
  output.out(
    `${mark(output, 'ok')} Nothing stops a sign-in${warned ? `; ${warned} difference${warned > 1 ? 's' : ''} to look at` : ''}.`,
  )
  return 0
}

/**
 * Sends the authorization request the SDK builds (exactly its parameters) and reads the answer
 * without following it: a page or a redirect within the provider means the client and its
 * callback are known; an error page (FranceConnect's `Y……` code) or an error redirect says why not.
 */
async function probeClient(provider: Provider, options: DoctorOptions, metadata: Record<string, unknown>): Promise<Check> {
  const subject = 'client'
  const redirectUri = options.redirectUri!
  let url: string
  try {
    // the secret is not sent by authorize(); createClient only wants one to be configured
    const fc = createClient({
      provider,
      clientId: options.clientId,
      clientSecret: 'doctor-sends-no-secret-anywhere',
      redirectUri,
      store: memoryStore(),
      timeoutMs: options.timeoutMs,
    })
    url = (await fc.authorize()).url
  } catch (error) {
    return { level: 'fail', subject, message: `the SDK cannot build the authorization request: ${describeError(error)}` }
  }
  let response: Response
  try {
    response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'text/html' },
    })
  } catch (error) {
    return {
      level: 'fail',
      subject,
      message: `${String(metadata.authorization_endpoint)} did not answer: ${describeError(error)}`,
    }
  }
  const location = response.headers.get('location')
  const body = location ? '' : (await response.text()).slice(0, 50_000)
  if (location) {
    await response.body?.cancel()
    const target = new URL(location, url)
    if (target.href.startsWith(redirectUri)) {
      const error = target.searchParams.get('error')
      if (error)
        return {
          level: 'fail',
          subject,
          message: `the provider sent the browser back with error=${error}${target.searchParams.get('error_description') ? ` (${target.searchParams.get('error_description')})` : ''}`,
        }
    }
    return {
      level: 'ok',
      subject,
      message: `${options.clientId} known, ${redirectUri} accepted: the authorization request leads to the provider’s login (HTTP ${response.status})`,
    }
  }
  const code = findFranceConnectCode(body)
  if (response.status >= 400 || code) {
    const known = code ? describeFranceConnectCode(code) : undefined
    return {
      level: 'fail',
      subject,
      message: `the authorization request is refused (HTTP ${response.status}${code ? `, ${code}${known ? `: ${known.en}` : ''}` : ''})`,
    }
  }
  return {
    level: 'ok',
    subject,
    message: `${options.clientId} known, ${redirectUri} accepted: the provider shows its login page (HTTP ${response.status})`,
  }
}

/**
 * What to check when nothing answered at the issuer: the sandbox not started (or started on another
 * port), an issuer pasted wrong, a proxy the machine needs.
 */
function unreachableHint(error: unknown, issuer: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (code !== 'network_error' && code !== 'timeout') return undefined
  const { hostname } = new URL(issuer)
  const local = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'
  return local
    ? `nothing answers at ${issuer}: is the sandbox running (npx franceconnect-sdk sandbox), on this port? Is FC_ISSUER the issuer it printed?`
    : `nothing answers at ${issuer}: check the issuer (FC_ISSUER) for a typo, that this machine resolves ${hostname} and reaches it on 443, and whether it needs a proxy (HTTPS_PROXY)`
}
