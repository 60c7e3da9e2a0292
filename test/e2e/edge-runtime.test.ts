/**
 * The root entry, two connectors and the data provider on Web platform APIs only: bundled for the
 * browser platform (no Node built-in can resolve) and run inside `@edge-runtime/vm`, the emulator of
 * the edge runtimes (Vercel Edge, Cloudflare-like: `fetch`, Web Crypto, no `node:*`). A whole
 * FranceConnect sign-in against the sandbox, two data API calls, and a data provider checking the
 * access token with checktoken happen inside the VM; only the user's clicks at the sandbox's pages
 * happen outside.
 */
import { EdgeVM } from '@edge-runtime/vm'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../src/testing/index.js'

/**
 * An edge bundle of `contents`, as `globalThis[globalName]`: the SDK's root entry and the two
 * connectors as `sdk`, the data-provider entry apart as `dataProvider` (an app imports it alone).
 */
async function edgeBundle(globalName: string, contents: string[]): Promise<string> {
  const result = await build({
    stdin: { contents: contents.join('\n'), resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName,
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
    vm.evaluate(
      await edgeBundle('sdk', [
        "export * from './src/index.ts'",
        "export { statutEtudiantBoursier } from './src/apis/statut-etudiant-boursier/index.ts'",
        "export { quotientFamilial } from './src/apis/quotient-familial/index.ts'",
      ]),
    )
    vm.evaluate(await edgeBundle('dataProvider', ["export * from './src/data-provider/index.ts'"]))
  }, 60_000)
  afterAll(() => sandbox?.close())

  it('bundles with no Node built-in, and the VM has none either', async () => {
    expect(await vm.evaluate('typeof process === "undefined" || typeof require === "undefined"')).toBe(true)
    expect(await vm.evaluate('typeof sdk.createClient')).toBe('function')
    expect(await vm.evaluate('typeof dataProvider.createAccessTokenVerifier')).toBe('function')
  })

  it('signs in, binds the callback to its cookie, calls two connectors, and a data provider checks the token, all inside the VM', {
    timeout: 60_000,
  }, async () => {
    Object.assign(vm.context, {
      config: {
        issuer: sandbox.issuer,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        redirectUri: sandbox.redirectUri,
        apiParticulier: sandbox.apis['statut-etudiant-boursier'],
        recipient: sandbox.credentials.apiParticulier.recipient,
        params: sandbox.allDataParams,
        dataProvider: sandbox.dataProvider,
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
      const results = await fc.getAllData(session, config.params)

      // the data provider's side: checktoken (JWE ECDH-ES around a JWS), scopes, the result cache
      const verifier = dataProvider.createAccessTokenVerifier({
        issuer: config.issuer,
        clientId: config.dataProvider.clientId,
        clientSecret: config.dataProvider.clientSecret,
        decryptionKeys: config.dataProvider.decryptionKeys,
      })
      const bearer = (token) => ({ headers: new Headers(token ? { authorization: 'Bearer ' + token } : {}) })
      const accepted = await verifier.authenticate(bearer(session.accessToken), { scopes: ['cnous_statut_boursier'] })
      const missingScope = await verifier.authenticate(bearer(session.accessToken), { scopes: ['not_granted'] })
      const noToken = await verifier.authenticate(bearer(undefined))
      const keyed = verifier.cache.keys()[0] === (await dataProvider.tokenCacheKey(session.accessToken))
      const deleted = [await verifier.cache.delete(session.accessToken), await verifier.cache.delete(session.accessToken)]
      return JSON.stringify({
        refused,
        givenName: session.claims.given_name,
        apis: results.map((entry) => entry.api + ':' + entry.status).sort(),
        boursier: results.find((entry) => entry.api === 'statut-etudiant-boursier')?.result?.data?.estBoursier,
        dataProvider: {
          accepted: accepted.ok && accepted.token.identity.family_name,
          missingScope: missingScope.status,
          noToken: noToken.status,
          keyed,
          deleted,
        },
      })
    })()`)
    expect(JSON.parse(finished)).toEqual({
      refused: 'binding_missing',
      givenName: 'Angela Claire Louise',
      apis: ['quotient-familial:fulfilled', 'statut-etudiant-boursier:fulfilled'],
      boursier: true,
      dataProvider: { accepted: 'DUBOIS', missingScope: 403, noToken: 401, keyed: true, deleted: [true, false] },
    })
  })
})
