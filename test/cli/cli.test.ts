/**
 * The `franceconnect-sdk` command, run from the sources in a child process as `npm run demo` runs
 * it: demo (the printed sign-in, and --serve), sandbox (prints its configuration, stops on
 * SIGTERM), doctor (all ✔ against the sandbox's mock, ✘ and exit 1 with a wrong preset or client),
 * usage and exit codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedApis } from '../../examples/shared/apis.js'
import { startSandbox, type Sandbox } from '../../src/testing/index.js'
import { runCli, startCli } from './run-cli.js'

describe('franceconnect-sdk demo', () => {
  it('signs in, prints the identity and the five seed APIs as tables with timings, logs out and exits 0 well under 15 s', async () => {
    const result = await runCli(['demo'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.ms).toBeLessThan(15_000)
    const out = result.stdout
    // one progress line per step, each timed
    for (const step of [
      'Start the sandbox',
      'authorize(): discovery, authorization URL',
      'Sign in on the mock FranceConnect',
      'callback(): code, ID token, userinfo verified',
      'getAllData(): 10 APIs in parallel',
      'revoke(): access token revoked',
      'logout(): end session, logoutCallback() state',
      'Stop the sandbox',
    ]) {
      expect(out).toMatch(new RegExp(`^✔ ${step.replace(/[().]/g, '\\$&')}\\s+\\d+(\\.\\d+)? (ms|s)`, 'm'))
    }
    // the identity, aligned
    expect(out).toMatch(/^ {4}family_name {7}DUBOIS$/m)
    expect(out).toMatch(/^ {4}given_name {8}Angela Claire Louise$/m)
    expect(out).toMatch(/^ {4}birthdate {9}1962-08-24$/m)
    // each seed API's block, with its normalized data
    for (const api of seedApis) expect(out).toMatch(new RegExp(`^  ✔ ${api} — .+ · \\d+ ms$`, 'm'))
    expect(out).toMatch(/^ {6}revenuFiscalReference +11240$/m)
    expect(out).toMatch(/^ {6}adresseFiscale\.codePostal +75007$/m)
    expect(out).toMatch(/^ {6}echelon\.valeur +4$/m)
    expect(out).toMatch(/^ {6}assure\.nir +262087510712371$/m)
    // arrays row by row, with a header and a rule
    expect(out).toMatch(
      /^ {6}paiements \(2\)\n {8}dateDebut +dateFin +montantJournalier.*\n {8}─+ +─+.*\n {8}2025-02-03 +2025-02-16 +41\.2/m,
    )
    expect(out).toMatch(/^ {6}admissions \(1\)\n.*\n.*\n {8}2026-09-15 +2027-06-30 +oui +RF5 +formation continue/m)
    expect(out).toMatch(
      /^✔ Done in \d+(\.\d+)? (ms|s): Angela Claire Louise DUBOIS signed in at eidas1, 10 of 10 APIs with data, logged out\.$/m,
    )
    // nothing secret on screen
    expect(out).not.toMatch(/eyJ[\w-]{10,}\./)
  })

  it('--identity picks another person; an API without data for them is an answer, not a failure', async () => {
    const result = await runCli(['demo', '--identity', 'lea-martin'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Léa MARTIN · login and consent pages over HTTP')
    expect(result.stdout).toMatch(/^ {2}✔ statut-etudiant — /m)
    expect(result.stdout).toMatch(/^ {2}– statut-etudiant-boursier — .*\n {6}api_not_found: .*26003/m)
  })

  it('--variant fcplus signs in at eidas2 with encrypted tokens; the APIs FranceConnect+ does not grant are listed as not called', async () => {
    const result = await runCli(['demo', '--variant', 'fcplus'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('FranceConnect+ sandbox')
    expect(result.stdout).toContain('acr=eidas2')
    expect(result.stdout).toMatch(/^ {2}✔ statut-etudiant-boursier — /m)
    expect(result.stdout).toMatch(/^ {2}– quotient-familial — .*\n {6}not called: the provider granted none of its scopes/m)
  })

  it('refuses an unknown person with the list of people (exit 2)', async () => {
    const result = await runCli(['demo', '--identity', '42'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--identity "42" is not a person of the sandbox')
    expect(result.stderr).toContain('angela-dubois')
    expect(result.stderr).toContain('Usage: franceconnect-sdk demo')
  })

  it('--serve starts the example app against the sandbox until SIGTERM', async () => {
    const running = await startCli(['demo', '--serve', '--port', '0'], 'Ctrl-C to stop')
    const url = /Example app {2}(http:\/\/127\.0\.0\.1:\d+\/)/.exec(running.output.stdout)?.[1]
    expect(url).toBeDefined()
    const page = await fetch(url!)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('S’identifier avec')
    expect(html).toContain('Paiements France Travail')
    const login = await fetch(new URL('/login', url), { redirect: 'manual' })
    expect(login.status).toBe(303)
    expect(login.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2\/authorize\?/)
    const ended = await running.stop('SIGTERM')
    expect(ended.code).toBe(0)
    expect(ended.stdout).toContain('Stopped (SIGTERM)')
    await expect(fetch(url!)).rejects.toThrow()
  })
})

describe('franceconnect-sdk sandbox', () => {
  it('prints the configuration an app needs, serves it, then stops cleanly on SIGTERM', async () => {
    const running = await startCli(['sandbox'], 'Ctrl-C to stop')
    const out = running.output.stdout
    const env = Object.fromEntries([...out.matchAll(/^([A-Z_]+)=(.*)$/gm)].map(([, name = '', value = '']) => [name, value]))
    expect(env.FC_ISSUER).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/)
    expect(env.FC_CLIENT_ID).toMatch(/^[0-9a-f]{64}$/)
    expect(env.FC_CLIENT_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(env.FC_REDIRECT_URI).toBe('http://127.0.0.1:3000/callback')
    expect(env.API_PARTICULIER_RECIPIENT).toBe('13002526500013')
    for (const name of [
      'DGFIP_GATEWAY_TOKEN',
      'CNAM_API_KEY',
      'API_PARTICULIER_URL',
      'DGFIP_URL',
      'CNAM_DROITS_URL',
      'CNAM_IJ_URL',
      'FRANCE_TRAVAIL_URL',
    ])
      expect(env[name], name).toBeTruthy()
    expect(out).toMatch(new RegExp(`^ {2}client id +${env.FC_CLIENT_ID}$`, 'm'))
    expect(out).toMatch(new RegExp(`^ {2}client secret +${env.FC_CLIENT_SECRET}$`, 'm'))
    expect(out).toMatch(/^ {2}post-logout redirect URI +http:\/\/127\.0\.0\.1:3000\/logout-callback$/m)
    for (const api of seedApis) expect(out).toMatch(new RegExp(`^ {2}${api} +http://127\\.0\\.0\\.1:\\d+/`, 'm'))
    expect(out).toMatch(/^ {2}CNAM API key +[0-9a-f]+$/m)
    expect(out).toMatch(/^ {2}0 {2}angela-dubois +Angela Claire Louise DUBOIS$/m)

    const discovery = await fetch(`${env.FC_ISSUER}/.well-known/openid-configuration`)
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(env.FC_ISSUER)

    const ended = await running.stop('SIGTERM')
    expect(ended.code).toBe(0)
    expect(ended.stdout).toContain('Sandbox stopped (SIGTERM)')
    await expect(fetch(`${env.FC_ISSUER}/.well-known/openid-configuration`)).rejects.toThrow()
  })

  it('prints the encryption keys with --variant fcplus, and stops on SIGINT too', async () => {
    const running = await startCli(['sandbox', '--variant', 'fcplus'], 'Ctrl-C to stop')
    expect(running.output.stdout).toContain('FranceConnect+ sandbox running')
    expect(running.output.stdout).toMatch(/^ {4}\{"kty":"EC",.*"d":"[\w-]+".*"use":"enc"\}$/m)
    expect(running.output.stdout).toMatch(/^FC_ENCRYPTION_KEYS='\[\{"kty":"EC"/m)
    const ended = await running.stop('SIGINT')
    expect(ended.code).toBe(0)
    expect(ended.stdout).toContain('Sandbox stopped (SIGINT)')
  })
})

describe('franceconnect-sdk doctor', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox?.close())

  it('finds nothing wrong with the sandbox’s mock FranceConnect (every line ✔, exit 0)', async () => {
    const result = await runCli([
      'doctor',
      '--issuer',
      sandbox.issuer,
      '--client-id',
      sandbox.clientId,
      '--redirect-uri',
      sandbox.redirectUri,
    ])
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n').filter((line) => /^[✔✘!–] /.test(line))
    expect(lines.length).toBeGreaterThan(10)
    expect(
      lines.filter((line) => !line.startsWith('✔ ')),
      result.stdout,
    ).toEqual([])
    for (const subject of [
      'discovery',
      'issuer',
      'endpoints',
      'end_session_endpoint',
      'revocation_endpoint',
      'id_token_signing_alg_values_supported',
      'acr_values_supported',
      'token_endpoint_auth_methods_supported',
      'authorization_response_iss_parameter_supported',
      'jwks',
      'client',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^✔ ${subject}: `, 'm'))
    }
    expect(result.stdout).toMatch(/^✔ client: .* known, .* accepted/m)
    expect(result.stdout).toMatch(/^✔ Nothing stops a sign-in\.$/m)
  })

  it('reports ✘ and exits 1 against a wrong preset (FranceConnect+ rules on FranceConnect v2)', async () => {
    const result = await runCli([
      'doctor',
      '--issuer',
      sandbox.issuer,
      '--client-id',
      sandbox.clientId,
      '--preset',
      'franceconnect-plus',
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^✘ acr_values_supported: offers eidas1; the preset asks eidas2 by default/m)
    expect(result.stdout).toMatch(/^✘ id_token_encryption_\*_values_supported: not advertised/m)
    expect(result.stdout).toMatch(/^✘ 3 problems would stop a sign-in\.$/m)
  })

  it('reports an unknown client and an unregistered callback with FranceConnect’s codes', async () => {
    const unknown = await runCli([
      'doctor',
      '--issuer',
      sandbox.issuer,
      '--client-id',
      'f'.repeat(64),
      '--redirect-uri',
      sandbox.redirectUri,
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.stdout).toMatch(/^✘ client: the authorization request is refused \(HTTP 400, Y04EA6EF/m)
    const callback = await runCli([
      'doctor',
      '--issuer',
      sandbox.issuer,
      '--client-id',
      sandbox.clientId,
      '--redirect-uri',
      'http://127.0.0.1:9/elsewhere',
    ])
    expect(callback.code).toBe(1)
    expect(callback.stdout).toMatch(/^✘ client: .*Y04C013C/m)
  })

  it('reports an issuer that differs by a trailing slash, an unreachable one, and plain HTTP off loopback', async () => {
    const slash = await runCli(['doctor', '--issuer', `${sandbox.issuer}/`, '--client-id', sandbox.clientId])
    expect(slash.code).toBe(1)
    expect(slash.stdout).toMatch(/^✘ issuer: is "http:\/\/127\.0\.0\.1:\d+\/api\/v2", not the configured/m)
    const closed = await runCli(['doctor', '--issuer', 'http://127.0.0.1:9/api/v2', '--client-id', 'x', '--timeout', '2000'])
    expect(closed.code).toBe(1)
    expect(closed.stdout).toMatch(/^✘ discovery: .* network_error: /m)
    // and what to check
    expect(closed.stdout).toMatch(/nothing answers at http:\/\/127\.0\.0\.1:9\/api\/v2: is the sandbox running/)
    const insecure = await runCli(['doctor', '--issuer', 'http://oidc.example.fr/api/v2', '--client-id', 'x'])
    expect(insecure.code).toBe(1)
    expect(insecure.stdout).toMatch(/^✘ issuer: insecure_url: /m)
  })

  it('reads the FC_* variables the sandbox prints when the options are not given', async () => {
    const result = await runCli(['doctor'], 30_000, {
      FC_PROVIDER: 'franceconnect',
      FC_ISSUER: sandbox.issuer,
      FC_CLIENT_ID: sandbox.clientId,
      FC_REDIRECT_URI: sandbox.redirectUri,
    })
    expect(result.stdout).toContain(`franceconnect-sdk doctor — ${sandbox.issuer}`)
    expect(result.stdout).toMatch(/^✔ client: /m)
    expect(result.code).toBe(0)
  })

  it('requires --issuer and --client-id (exit 2)', async () => {
    const result = await runCli(['doctor', '--issuer', sandbox.issuer])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--client-id (or FC_CLIENT_ID) is required')
    expect(result.stderr).toContain('Usage: franceconnect-sdk doctor')
    const preset = await runCli(['doctor', '--issuer', sandbox.issuer, '--client-id', 'x', '--preset', 'keycloak'])
    expect(preset.code).toBe(2)
    expect(preset.stderr).toContain('--preset must be one of franceconnect, franceconnect-plus, proconnect, oidc')
  })
})

describe('franceconnect-sdk usage', () => {
  it('--help prints the usage and exits 0; each command has its own', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: franceconnect-sdk <command> [options]')
    for (const command of ['demo', 'sandbox', 'doctor']) expect(help.stdout).toMatch(new RegExp(`^ {2}${command} +\\S`, 'm'))
    for (const command of ['demo', 'sandbox', 'doctor']) {
      const own = await runCli([command, '--help'])
      expect(own.code, command).toBe(0)
      expect(own.stdout).toContain(`Usage: franceconnect-sdk ${command}`)
    }
  })

  it('an unknown command, an unknown option or no command at all: usage on stderr, exit 2', async () => {
    const unknown = await runCli(['deploy'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown command "deploy"')
    expect(unknown.stderr).toContain('Usage: franceconnect-sdk <command>')
    expect(unknown.stdout).toBe('')
    const option = await runCli(['demo', '--colour'])
    expect(option.code).toBe(2)
    expect(option.stderr).toContain("Unknown option '--colour'")
    const variant = await runCli(['sandbox', '--variant', 'v3'])
    expect(variant.code).toBe(2)
    expect(variant.stderr).toContain('--variant must be one of v2, fcplus, v1')
    const none = await runCli([])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Usage: franceconnect-sdk <command>')
  })

  it('--version prints the package version', async () => {
    const result = await runCli(['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})
