/**
 * The app of docs/getting-started.md, and of its French version docs/fr/demarrage.md, runs as
 * written: each guide's `server.ts` block is extracted, its `franceconnect-sdk` imports pointed at
 * src/, and a whole sign-in, data fetch and logout is driven through it against the sandbox it starts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/testing/index.js'
import { extractSnippets } from './snippets.js'
import { freePort } from '../support/free-port.js'

const root = process.cwd()
const outDir = join(root, '.tmp', 'doc-getting-started')

/** The guides whose `server.ts` block runs, with the strings their page shows. */
const guides = [
  {
    file: 'docs/getting-started.md',
    module: 'server-getting-started.ts',
    signInLink: 'href="/login"',
    greeting: 'Bonjour Angela Claire Louise DUBOIS',
  },
  {
    file: 'docs/fr/demarrage.md',
    module: 'server-demarrage.ts',
    signInLink: 'href="/login"',
    greeting: 'Bonjour Angela Claire Louise DUBOIS',
  },
]

/** The doc's `server.ts`, with the package's specifiers mapped to the sources. */
function serverModuleSource(file: string, markdown: string): string {
  const block = extractSnippets(file, markdown).find((snippet) => snippet.code.startsWith('// server.ts'))
  if (!block) throw new Error(`${file} has no \`\`\`ts block starting with "// server.ts"`)
  const mapped = block.code
    .replace(/from 'franceconnect-sdk'/g, `from '../../src/index.js'`)
    .replace(/from 'franceconnect-sdk\/testing'/g, `from '../../src/testing/index.js'`)
  return `${mapped}\nexport { sandbox }\n`
}

/** The `name=value` pairs a response sets (attributes dropped), to send back as a Cookie header. */
const cookiesSetBy = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] as string)

/** The cookie that binds a sign-in or logout to the browser, as the response sets it. */
const bindingCookieOf = (response: Response) => {
  const binding = cookiesSetBy(response).find((cookie) => /^fc_tx(_logout)?=./.test(cookie))
  if (!binding) throw new Error('the response sets no fc_tx or fc_tx_logout cookie')
  return binding
}

describe.each(guides.map((guide) => [guide.file, guide] as const))('%s', (file, { module, signInLink, greeting }) => {
  let base: string
  let app: { server: Server; sandbox: Sandbox }

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true })
    writeFileSync(join(outDir, module), serverModuleSource(file, readFileSync(join(root, file), 'utf8')))
    const port = await freePort()
    process.env.PORT = String(port)
    base = `http://127.0.0.1:${port}`
    app = (await import(join(outDir, module))) as typeof app
    if (!app.server.listening) await new Promise((resolve) => app.server.once('listening', resolve))
  }, 60_000)

  afterAll(async () => {
    delete process.env.PORT
    if (app) {
      await new Promise((resolve) => app.server.close(resolve))
      await app.sandbox.close()
    }
  })

  it('signs Angela in, shows her data, logs her out', { timeout: 60_000 }, async () => {
    const home = await fetch(`${base}/`)
    expect(await home.text()).toContain(signInLink)

    const login = await fetch(`${base}/login`, { redirect: 'manual' })
    expect(login.status).toBe(303)
    const authorizationUrl = login.headers.get('location') as string
    expect(new URL(authorizationUrl).searchParams.get('acr_values')).toBe('eidas1')

    const callbackUrl = await app.sandbox.signIn(authorizationUrl)
    const callback = await fetch(callbackUrl, { headers: { cookie: bindingCookieOf(login) }, redirect: 'manual' })
    expect(callback.status).toBe(303)
    const cookie = cookiesSetBy(callback).find((setCookie) => setCookie.startsWith('sid=')) as string

    const signedIn = await (await fetch(`${base}/`, { headers: { cookie } })).text()
    expect(signedIn).toContain(greeting)
    expect(signedIn).toContain('<h2>statut-etudiant-boursier</h2><pre>')
    expect(signedIn).toContain('<h2>quotient-familial</h2><pre>')

    const logout = await fetch(`${base}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' })
    const back = await app.sandbox.signOut(logout.headers.get('location') as string)
    const logoutCallback = await fetch(back, { headers: { cookie: bindingCookieOf(logout) }, redirect: 'manual' })
    expect(logoutCallback.status).toBe(303)
    expect(logoutCallback.headers.get('location')).toBe('/')
    expect(await (await fetch(`${base}/`, { headers: { cookie } })).text()).toContain(signInLink)
  })

  it('sends a cancelled sign-in back to the home page', { timeout: 60_000 }, async () => {
    const login = await fetch(`${base}/login`, { redirect: 'manual' })
    const cancelled = await app.sandbox.signIn(login.headers.get('location') as string, { cancel: true })
    const callback = await fetch(cancelled, { headers: { cookie: bindingCookieOf(login) }, redirect: 'manual' })
    expect(callback.status).toBe(303)
    expect(callback.headers.get('location')).toBe('/')
  })
})
