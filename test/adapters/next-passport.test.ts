/**
 * franceconnect-sdk/next and franceconnect-sdk/passport against the sandbox, over HTTP through the
 * mock FranceConnect's pages: sign in, the name shown, the binding cookie required; Next.js route
 * handlers called with a real `NextRequest`, logout included.
 */
import { NextRequest } from 'next/server.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWithSandbox, type RunningApp } from '../../examples/shared/run.js'
import { HttpBrowser } from '../examples/browser-over-http.js'
import { signInOverHttp } from '../examples/example-suite.js'
import { franceConnectRoutes } from '../../src/adapters/next/index.js'
import { cookieStore, createClient } from '../../src/index.js'
import { nextApp, passportApp, secret, toNextRequest } from './sandbox-apps.js'

describe('franceconnect-sdk/next', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startWithSandbox((options) => nextApp(options.sdkOptions, toNextRequest))
  })
  afterAll(() => app?.close())

  it('signs in with NextRequest route handlers, getSession() reads the session from the headers, then logs out', async () => {
    const browser = new HttpBrowser()
    const { landed } = await signInOverHttp(browser, app)
    expect(landed.url.pathname).toBe('/')
    expect(landed.html).toContain('Bonjour Angela Claire Louise DUBOIS')
    const confirm = await browser.open(new URL('/logout', app.url), { method: 'POST', body: new URLSearchParams() })
    expect(confirm.html).toContain('id="fc-logout"')
    const back = await browser.submit(confirm, 'op.logoutForm', { logout: 'yes' })
    expect(back.visited.some((url) => url.pathname === '/logout-callback')).toBe(true)
    expect(back.html).toContain('id="signed-out"')
  })

  it('refuses a callback without the binding cookie with binding_missing, and answers 404 elsewhere', async () => {
    const login = await new HttpBrowser().open(new URL('/login', app.url))
    const state = login.visited[1]?.searchParams.get('state')
    const client = createClient({ ...app.options.sdkOptions, store: cookieStore({ secret }) })
    const { GET, POST } = franceConnectRoutes({ client, session: { secret }, basePath: '' })
    await expect(GET(new NextRequest(new URL(`/callback?code=x&state=${state}`, app.url)))).rejects.toMatchObject({
      code: 'binding_missing',
    })
    expect((await GET(new NextRequest(new URL('/nope', app.url)))).status).toBe(404)
    expect((await GET(new NextRequest(new URL('/logout', app.url)))).status).toBe(404)
    expect((await POST(new NextRequest(new URL('/logout', app.url), { method: 'POST' }))).status).toBe(303)
  })

  it('shows the French access_denied page when the person cancels at FranceConnect', async () => {
    const { landed } = await signInOverHttp(new HttpBrowser(), app, { cancel: true })
    expect(landed.url.pathname).toBe('/callback')
    expect(landed.status).toBe(403)
    expect(landed.html).toContain('<html lang="fr">')
    expect(landed.html).toContain('Vous avez annulé la connexion avec FranceConnect')
    expect(landed.html).toContain('<a href="/login">Réessayer</a>')
  })
})

describe('franceconnect-sdk/passport', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startWithSandbox((options) => passportApp(options.sdkOptions))
  })
  afterAll(() => app?.close())

  it('redirects to FranceConnect with the binding cookie, then finishes the callback with it', async () => {
    const browser = new HttpBrowser()
    const { landed } = await signInOverHttp(browser, app)
    expect(landed.url.pathname).toBe('/callback')
    expect(landed.html).toContain('Bonjour Angela Claire Louise DUBOIS')
    expect(browser.jar.get('127.0.0.1', 'fc_tx')).toBeUndefined()
  })

  it('refuses a callback without the binding cookie (binding_missing), and sends a cancel to failureRedirect', async () => {
    const browser = new HttpBrowser()
    const login = await browser.open(new URL('/login', app.url))
    const state = login.visited[1]?.searchParams.get('state')
    const issuer = app.options.sdkOptions.provider.issuer
    const without = await fetch(new URL(`/callback?code=x&state=${state}&iss=${encodeURIComponent(issuer)}`, app.url))
    expect(without.status).toBe(400)
    expect(await without.text()).toBe('<code id="error-code">binding_missing</code>')
    const { landed } = await signInOverHttp(new HttpBrowser(), app, { cancel: true })
    expect(landed.url.search).toBe('?annule')
  })
})
