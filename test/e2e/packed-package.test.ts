/**
 * What a new user gets: the packed tarball installed in an empty app, imported with `import` and with
 * `require`, running the README's flow against a loopback OP for FranceConnect v2 and FranceConnect+.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOidcOp } from '../support/oidc-op.js'

const run = promisify(execFile)
const root = resolve(import.meta.dirname, '../..')

// The app a user writes: reads its settings from the environment, prints the authorization URL,
// waits for the callback URL on stdin, prints the session's claims.
const appSource = (load: string) => `
${load}
const { createClient, franceConnect, franceConnectPlus } = sdk
const env = process.env
const provider = env.VARIANT === 'fcplus' ? franceConnectPlus({ issuer: env.ISSUER }) : franceConnect({ issuer: env.ISSUER })
const fc = createClient({
  provider,
  clientId: env.CLIENT_ID,
  clientSecret: env.CLIENT_SECRET,
  redirectUri: env.REDIRECT_URI,
  ...(env.ENC_KEY ? { encryptionKeys: [JSON.parse(env.ENC_KEY)] } : {}),
})
const lines = require_readline().createInterface({ input: process.stdin })
fc.authorize(env.VARIANT === 'fcplus' ? { acr: 'eidas2' } : {}).then(({ url, cookie }) => {
  console.log(url)
  lines.once('line', async (callbackUrl) => {
    try {
      const session = await fc.callback(callbackUrl, { cookie: cookie.value })
      console.log(JSON.stringify({ acr: session.acr, claims: session.claims }))
    } catch (error) {
      console.log(JSON.stringify({ error: error.code ?? String(error) }))
    }
    lines.close()
  })
})
`

/** The optional peer dependencies of franceconnect-sdk/express, /fastify, /hono and /passport (/next imports nothing of Next). */
const adapterPeers = ['express', 'fastify', 'hono', 'passport-strategy']
const adapterPeerVersions = ['express@5', 'fastify@5', 'hono@4', 'passport-strategy@1']

describe('the packed package in a fresh app', () => {
  let app: string

  beforeAll(async () => {
    app = await mkdtemp(join(tmpdir(), 'fc-sdk-app-'))
    await run('npm', ['pack', '--pack-destination', app], { cwd: root })
    const tarball = (await readdir(app)).find((file) => file.endsWith('.tgz'))!
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }))
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(app, tarball)], { cwd: app })
    await writeFile(
      join(app, 'app.mjs'),
      appSource(
        "import * as sdk from 'franceconnect-sdk'\nimport * as readline from 'node:readline'\nconst require_readline = () => readline",
      ),
    )
    await writeFile(
      join(app, 'app.cjs'),
      appSource("const sdk = require('franceconnect-sdk')\nconst require_readline = () => require('node:readline')"),
    )
  }, 180_000)

  afterAll(async () => {
    if (app) await rm(app, { recursive: true, force: true })
  })

  async function signInWithApp(file: string, variant: 'v2' | 'fcplus'): Promise<Record<string, unknown>> {
    let encKey: string | undefined
    let clientEncryptionJwks: { keys: object[] } | undefined
    if (variant === 'fcplus') {
      const { privateKey } = await generateKeyPair('ECDH-ES', { extractable: true })
      const jwk = { ...(await exportJWK(privateKey)), kid: 'enc-1', alg: 'ECDH-ES', use: 'enc' }
      encKey = JSON.stringify(jwk)
      const { d: _d, ...publicJwk } = jwk
      clientEncryptionJwks = { keys: [publicJwk] }
    }
    const op = await startOidcOp({ variant, ...(clientEncryptionJwks ? { clientEncryptionJwks } : {}) })
    try {
      const child = spawn(process.execPath, [file], {
        cwd: app,
        env: {
          ...process.env,
          VARIANT: variant,
          ISSUER: op.issuer,
          CLIENT_ID: op.clientId,
          CLIENT_SECRET: op.clientSecret,
          REDIRECT_URI: op.redirectUri,
          ...(encKey ? { ENC_KEY: encKey } : {}),
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      })
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
      const authorizationUrl = (await lines.next()).value as string
      child.stdin.write(`${await op.authorize(authorizationUrl)}\n`)
      const result = JSON.parse((await lines.next()).value as string) as Record<string, unknown>
      await new Promise((done) => child.once('exit', done))
      return result
    } finally {
      await op.close()
    }
  }

  it('holds only dist/, the README, the CHANGELOG and the LICENSE', async () => {
    const tarball = (await readdir(app)).find((file) => file.endsWith('.tgz'))!
    const { stdout } = await run('tar', ['tzf', join(app, tarball)])
    const files = stdout
      .trim()
      .split('\n')
      .map((file) => file.replace(/^package\//, ''))
    const outside = files.filter(
      (file) => !file.startsWith('dist/') && !['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json'].includes(file),
    )
    expect(outside).toEqual([])
    expect(files).toContain('dist/index.js')
  })

  it('loads the root entry with no framework installed: the adapters are optional peers it never imports', async () => {
    const probe = `for (const peer of ${JSON.stringify(adapterPeers)}) { try { require.resolve(peer); console.log('present: ' + peer) } catch {} }
const sdk = require('franceconnect-sdk'); console.log(typeof sdk.createClient)`
    const result = await run(process.execPath, ['-e', probe], { cwd: app })
    expect(result.stdout.trim()).toBe('function')
  })

  it('imports every subpath with import and with require', async () => {
    // the adapters' frameworks, as an app that uses one installs it
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...adapterPeerVersions], { cwd: app })
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }
    const subpaths = Object.keys(manifest.exports)
      .filter((key) => key !== './package.json')
      .map((key) => `franceconnect-sdk${key.slice(1)}`)
    expect(subpaths.length).toBeGreaterThan(10)
    for (const subpath of subpaths) {
      const esm = await run(
        process.execPath,
        ['--input-type=module', '-e', `const m = await import('${subpath}'); console.log(Object.keys(m).length)`],
        { cwd: app },
      )
      const cjs = await run(process.execPath, ['-e', `console.log(Object.keys(require('${subpath}')).length)`], { cwd: app })
      expect(Number(esm.stdout), subpath).toBeGreaterThan(0)
      expect(Number(cjs.stdout), subpath).toBe(Number(esm.stdout))
    }
  }, 60_000)

  it("node: an error thrown in a subpath is an instance of the root entry's classes (one class each)", async () => {
    const probe = `const { FranceConnectSdkError, ConfigurationError } = await import('franceconnect-sdk')
const { statutEtudiantBoursier } = await import('franceconnect-sdk/apis/statut-etudiant-boursier')
try { statutEtudiantBoursier({ recipient: '123' }) } catch (error) {
  console.log(JSON.stringify([error.code, error instanceof ConfigurationError, error instanceof FranceConnectSdkError]))
}`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: app })
    expect(JSON.parse(stdout)).toEqual(['configuration_invalid', true, true])
  })

  it('node: importing the root entry loads none of oauth4webapi, jose, valibot, node:crypto; the first callback loads the protocol core', async () => {
    // A resolve hook (in Node's hooks thread) reports every module URL resolved to the main thread.
    const hooks = `let port; export function initialize(data) { port = data.port }
export async function resolve(specifier, context, next) { const result = await next(specifier, context); port.postMessage(result.url); return result }`
    const probe = `import { register } from 'node:module'
import { MessageChannel } from 'node:worker_threads'
const { port1, port2 } = new MessageChannel()
const loaded = []
port1.on('message', (url) => loaded.push(url)); port1.unref()
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), { data: { port: port2 }, transferList: [port2] })
const settle = () => new Promise((done) => setTimeout(done, 50))
const heavy = (url) => { const match = /node_modules\\/(oauth4webapi|jose|valibot)\\/|^(node:crypto)$/.exec(url); return match?.[1] ?? match?.[2] }
const dependencies = () => [...new Set(loaded.map(heavy).filter(Boolean))].sort()
const { createClient, franceConnect } = await import('franceconnect-sdk')
await settle()
const atImport = dependencies()
const fc = createClient({ provider: franceConnect({ env: 'sandbox' }), clientId: 'id', clientSecret: 'secret', redirectUri: 'https://app.example/callback' })
await fc.callback('https://app.example/callback?code=a').catch((error) => error)
await settle()
console.log(JSON.stringify({ atImport, afterCallback: dependencies() }))`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: app })
    expect(JSON.parse(stdout)).toEqual({ atImport: [], afterCallback: ['oauth4webapi'] })
  })

  for (const file of ['app.mjs', 'app.cjs']) {
    it(`${file}: FranceConnect v2 sign-in`, async () => {
      const result = await signInWithApp(file, 'v2')
      expect(result).toMatchObject({ acr: 'eidas1', claims: { family_name: 'DUBOIS' } })
    })

    it(`${file}: FranceConnect+ sign-in (nested JWE)`, async () => {
      const result = await signInWithApp(file, 'fcplus')
      expect(result).toMatchObject({ acr: 'eidas2', claims: { family_name: 'DUBOIS' } })
    })
  }
})
