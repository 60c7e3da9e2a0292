/**
 * The README's Express example runs as written against the sandbox: its block is extracted, its
 * `franceconnect-sdk` imports pointed at src/, the variables `npx franceconnect-sdk sandbox` prints
 * are set, and a browser signs in (the binding cookie set and read back), sees the data, and logs
 * out through the sandbox's registered `/logout-callback`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sandboxEnv } from '../../examples/shared/config.js'
import { startSandbox, type Sandbox } from '../../src/testing/index.js'
import { extractSnippets } from './snippets.js'
import { freePort } from '../support/free-port.js'

const root = process.cwd()
const outDir = join(root, '.tmp', 'doc-readme')

/** The README's Express block, imports mapped to the sources, its server exported to be closed. */
function appModuleSource(markdown: string): string {
  const block = extractSnippets('README.md', markdown).find((snippet) => snippet.code.startsWith("import express from 'express'"))
  if (!block) throw new Error('README.md has no ```ts block starting with the Express import')
  const listen = 'app.listen(Number(process.env.PORT ?? 3000))'
  if (!block.code.includes(listen)) throw new Error(`the README's Express block no longer ends with ${listen}`)
  return block.code
    .replace(/from 'franceconnect-sdk'/g, `from '../../src/index.js'`)
    .replace(/from 'franceconnect-sdk\/apis\/([a-z-]+)'/g, `from '../../src/apis/$1/index.js'`)
    .replace(listen, `export const server = ${listen}`)
}

/** A browser for one origin: keeps the cookies the app sets, follows nothing by itself. */
function browser() {
  const jar = new Map<string, string>()
  return async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
    const response = await fetch(url, { ...init, redirect: 'manual', headers: cookie ? { cookie } : {} })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const [name = '', value = ''] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name)
      else jar.set(name, value)
    }
    return response
  }
}

describe("README's Express example against the sandbox", () => {
  let base: string
  let sandbox: Sandbox
  let app: { server: Server }
  const saved = { ...process.env }

  beforeAll(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    sandbox = await startSandbox({ redirectUri: `${base}/callback`, postLogoutRedirectUri: `${base}/logout-callback` })
    // exactly the block the CLI prints, then the app's port
    Object.assign(process.env, sandboxEnv(sandbox), { PORT: String(port) })
    mkdirSync(outDir, { recursive: true })
    writeFileSync(join(outDir, 'app.ts'), appModuleSource(readFileSync(join(root, 'README.md'), 'utf8')))
    app = (await import(join(outDir, 'app.ts'))) as typeof app
    if (!app.server.listening) await new Promise((resolve) => app.server.once('listening', resolve))
  }, 60_000)

  afterAll(async () => {
    process.env = saved
    if (app) await new Promise((resolve) => app.server.close(resolve))
    await sandbox?.close()
  })

  it('signs in, fetches the boursier status from the sandbox, logs out', { timeout: 60_000 }, async () => {
    const go = browser()
    const login = await go(`${base}/login`)
    expect(login.status).toBe(302)
    const callbackUrl = await sandbox.signIn(login.headers.get('location') as string)
    const callback = await go(callbackUrl)
    expect(callback.status).toBe(200)
    expect(await callback.text()).toBe('Bonjour Angela Claire Louise : boursier oui')

    const logout = await go(`${base}/logout`, { method: 'POST' })
    expect(logout.status).toBe(302)
    const back = await sandbox.signOut(logout.headers.get('location') as string)
    expect(new URL(back).pathname).toBe('/logout-callback')
    const done = await go(back)
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe('/')
  })

  it('refuses the callback in a browser that did not start the sign-in', { timeout: 60_000 }, async () => {
    const own = browser()
    const login = await own(`${base}/login`)
    const callbackUrl = await sandbox.signIn(login.headers.get('location') as string)
    const elsewhere = await browser()(callbackUrl)
    expect(elsewhere.status).toBe(500) // Express's default error handler: the SDK refused (binding_missing)
    expect(await elsewhere.text()).not.toContain('Bonjour')
    // refused for its binding, nothing consumed: the browser that started it still finishes
    const finished = await own(callbackUrl)
    expect(finished.status).toBe(200)
  })
})
