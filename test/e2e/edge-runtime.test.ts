/**
 * The root entry and two connectors on Web platform APIs only: bundled for the browser platform (no
 * Node built-in can resolve) and run inside `@edge-runtime/vm`, the emulator of the edge runtimes
 * (Vercel Edge, Cloudflare-like: `fetch`, Web Crypto, no `node:*`). A whole FranceConnect sign-in
 * against the sandbox and two data API calls happen inside the VM; only the user's clicks at the
 * sandbox's pages happen outside.
 */
import { EdgeVM } from '@edge-runtime/vm'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../src/testing/index.js'

/** The SDK as an edge bundle: the root entry and the two connectors, as `globalThis.sdk`. */
async function edgeBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "export * from './src/index.ts'",
        "export { statutEtudiantBoursier } from './src/apis/statut-etudiant-boursier/index.ts'",
        "export { quotientFamilial } from './src/apis/quotient-familial/index.ts'",
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'sdk',
    platform: 'browser',
    conditions: ['worker', 'browser'],
    write: false,
    logLevel: 'silent',
  })
  return (result.outputFiles[0] as { text: string }).text
}

describe('on an edge runtime (@edge-runtime/vm)', () => {
  let sandbox: Sandbox
  let vm: EdgeVM
  beforeAll(async () => {
    sandbox = await startSandbox()
    vm = new EdgeVM()
    vm.evaluate(await edgeBundle())
  }, 60_000)
  afterAll(() => sandbox?.close())

  it('bundles with no Node built-in, and the VM has none either', async () => {
    expect(await vm.evaluate('typeof process === "undefined" || typeof require === "undefined"')).toBe(true)
    expect(await vm.evaluate('typeof sdk.createClient')).toBe('function')
  })

  it('signs in, binds the callback to its cookie, and calls two connectors, all inside the VM', { timeout: 60_000 }, async () => {
    Object.assign(vm.context, {
      config: {
        issuer: sandbox.issuer,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        redirectUri: sandbox.redirectUri,
        apiParticulier: sandbox.apis['statut-etudiant-boursier'],
        recipient: sandbox.credentials.apiParticulier.recipient,
        params: sandbox.fetchAllParams,
      },
    })
    const started = await vm.evaluate<Promise<string>>(`(async () => {
      const apis = [
        sdk.statutEtudiantBoursier({ recipient: config.recipient, baseUrl: config.apiParticulier }),
        sdk.quotientFamilial({ recipient: config.recipient, baseUrl: config.apiParticulier }),
      ]
      globalThis.fc = sdk.createClient({
        provider: sdk.franceConnect({ issuer: config.issuer }),
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        redirectUri: config.redirectUri,
        apis,
      })
      const { url, cookie } = await fc.authorize()
      return JSON.stringify({ url, cookie: cookie.value })
    })()`)
    const { url, cookie } = JSON.parse(started) as { url: string; cookie: string }

    Object.assign(vm.context, { callbackUrl: await sandbox.signIn(url), bindingCookie: cookie })
    const finished = await vm.evaluate<Promise<string>>(`(async () => {
      const refused = await fc.callback(callbackUrl).then(() => 'accepted', (error) => error.code)
      const session = await fc.callback(callbackUrl, { cookie: bindingCookie })
      const results = await fc.fetchAll(session, config.params)
      return JSON.stringify({
        refused,
        givenName: session.claims.given_name,
        apis: results.map((entry) => entry.api + ':' + entry.status).sort(),
        boursier: results.find((entry) => entry.api === 'statut-etudiant-boursier')?.result?.data?.estBoursier,
      })
    })()`)
    expect(JSON.parse(finished)).toEqual({
      refused: 'binding_missing',
      givenName: 'Angela Claire Louise',
      apis: ['quotient-familial:fulfilled', 'statut-etudiant-boursier:fulfilled'],
      boursier: true,
    })
  })
})
