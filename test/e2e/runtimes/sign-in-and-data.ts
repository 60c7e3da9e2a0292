/**
 * Run by another runtime (Bun) as a child process of `test/e2e/bun-runtime.test.ts`: the SDK's root
 * entry, two connectors and the data provider, imported from the sources as that runtime resolves
 * them, sign in against the sandbox the test started, call two data APIs, and check the access token
 * as a data provider would. The person's clicks at the sandbox's pages happen in the test.
 *
 * Protocol, one JSON line each way: argv[2] is the configuration; the script prints
 * `{ runtime, url, cookie }`, reads the callback URL on stdin, then prints the outcome. Nothing in it
 * is Bun's own: by hand, `deno run -A --sloppy-imports` runs it the same (Deno is not in CI).
 */
import { createClient, franceConnect } from '../../../src/index.js'
import { createAccessTokenVerifier, tokenCacheKey } from '../../../src/data-provider/index.js'
import { quotientFamilial } from '../../../src/apis/quotient-familial/index.js'
import { statutEtudiantBoursier } from '../../../src/apis/statut-etudiant-boursier/index.js'
import type { EncryptionKey } from '../../../src/oidc/encryption-keys.js'

interface Config {
  issuer: string
  clientId: string
  clientSecret: string
  redirectUri: string
  apiParticulier: string
  recipient: string
  params: Record<string, Record<string, unknown>>
  dataProvider: { clientId: string; clientSecret: string; decryptionKeys: EncryptionKey[] }
}

const config = JSON.parse(process.argv[2] ?? '{}') as Config
const versions = process.versions as Record<string, string | undefined>
const runtime = versions.bun ? `bun ${versions.bun}` : versions.deno ? `deno ${versions.deno}` : `node ${versions.node}`

function readLine(): Promise<string> {
  return new Promise((resolve) => {
    let text = ''
    const onData = (chunk: Buffer | string) => {
      text += String(chunk)
      if (!text.includes('\n')) return
      process.stdin.off('data', onData)
      process.stdin.destroy() // no more input: nothing holds the event loop (Deno keeps a paused stdin open)
      resolve(text.slice(0, text.indexOf('\n')))
    }
    process.stdin.on('data', onData)
  })
}

const fc = createClient({
  provider: franceConnect({ issuer: config.issuer }),
  clientId: config.clientId,
  clientSecret: config.clientSecret,
  redirectUri: config.redirectUri,
  apis: [
    statutEtudiantBoursier({ recipient: config.recipient, baseUrl: config.apiParticulier }),
    quotientFamilial({ recipient: config.recipient, baseUrl: config.apiParticulier }),
  ],
})
const { url, cookie } = await fc.authorize()
console.log(JSON.stringify({ runtime, url, cookie: cookie.value }))

const callbackUrl = await readLine()
const refused = await fc.callback(callbackUrl).then(
  () => 'accepted',
  (error: { code?: string }) => error.code,
)
const session = await fc.callback(callbackUrl, { cookie: cookie.value })
const results = await fc.getAllData(session, config.params)

const verifier = createAccessTokenVerifier({ issuer: config.issuer, ...config.dataProvider })
const bearer = (token?: string) => ({ headers: new Headers(token ? { authorization: `Bearer ${token}` } : {}) })
const accepted = await verifier.authenticate(bearer(session.accessToken), { scopes: ['cnous_statut_boursier'] })
const missingScope = await verifier.authenticate(bearer(session.accessToken), { scopes: ['not_granted'] })
const noToken = await verifier.authenticate(bearer())

console.log(
  JSON.stringify({
    refused,
    givenName: session.claims.given_name,
    apis: results.map((entry) => `${entry.api}:${entry.status}`).sort(),
    boursier: (
      results.find((entry) => entry.api === 'statut-etudiant-boursier') as { result?: { data?: { estBoursier?: boolean } } }
    )?.result?.data?.estBoursier,
    dataProvider: {
      accepted: accepted.ok && accepted.token.identity.family_name,
      missingScope: !missingScope.ok && missingScope.status,
      noToken: !noToken.ok && noToken.status,
      keyed: verifier.cache.keys()[0] === (await tokenCacheKey(session.accessToken)),
      deleted: [await verifier.cache.delete(session.accessToken), await verifier.cache.delete(session.accessToken)],
    },
  }),
)
