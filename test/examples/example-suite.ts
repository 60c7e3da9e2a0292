/**
 * The tests every framework example passes, driven over HTTP against a sandbox: the welcome page,
 * the whole sign-in through the mock FranceConnect's login and consent pages, the identity and the
 * five seed APIs' data on the page, logout through FranceConnect, and the refusals (cancel, replayed
 * callback, forged session cookie, unknown route).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ListenerFactory, RunningApp } from '../../examples/shared/run.js'
import { startWithSandbox } from '../../examples/shared/run.js'
import { apiTitle, seedApis } from '../../examples/shared/apis.js'
import { HttpBrowser, radioValues, type Page } from './browser-over-http.js'

/** The `<section>` of one API on the signed-in page, and its status. */
export function apiSection(html: string, api: string): { status: string; html: string } | undefined {
  const match = new RegExp(`<section[^>]*data-api="${api}"[^>]*data-status="(\\w+)"[^>]*>([\\s\\S]*?)</section>`).exec(html)
  return match ? { status: match[1] ?? '', html: match[2] ?? '' } : undefined
}

/** The value shown for a dotted key in a section's key/value tables. */
export function fieldValue(sectionHtml: string | undefined, key: string): string | undefined {
  const html = (sectionHtml ?? '').replace(/<wbr>/g, '')
  const escaped = key.replace(/[.[\]]/g, (char) => `\\${char}`)
  return new RegExp(`<th scope="row">${escaped}</th><td[^>]*>([^<]*)</td>`).exec(html)?.[1]
}

/** The rows (cell texts) of the table captioned `path` in a section. */
export function tableRows(sectionHtml: string | undefined, path: string): string[][] {
  const html = (sectionHtml ?? '').replace(/<wbr>/g, '')
  const table =
    new RegExp(`<caption>${path.replace(/[.[\]]/g, (char) => `\\${char}`)}</caption>([\\s\\S]*?)</table>`).exec(html)?.[1] ?? ''
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row = '']) =>
    [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map(([, cell = '']) => cell),
  )
}

/** From the app's /login to the page the app shows after the callback, clicking through FranceConnect. */
export async function signInOverHttp(
  browser: HttpBrowser,
  app: RunningApp,
  choice: { identity?: string; cancel?: boolean } = {},
): Promise<{ login: Page; consent?: Page; landed: Page }> {
  const login = await browser.open(new URL('/login', app.url))
  const issuer = app.options.sdkOptions.provider.issuer
  expect(login.visited[1]?.href.startsWith(`${issuer}/authorize?`), 'the app redirects to the authorization endpoint').toBe(true)
  expect(login.status).toBe(200)
  expect(login.html).toContain('id="fc-login"')
  if (choice.cancel) return { login, landed: await browser.submit(login, 'fc-login', { action: 'cancel' }) }
  const consent = await browser.submit(login, 'fc-login', {
    action: 'login',
    ...(choice.identity ? { identity: choice.identity } : {}),
  })
  expect(consent.status).toBe(200)
  expect(consent.html).toContain('id="fc-consent"')
  const landed = await browser.submit(consent, 'fc-consent', { action: 'consent' })
  return { login, consent, landed }
}

/**
 * The session cookie's shape: a signed random id (node:http's own store), or the sealed id of a
 * session the adapter keeps server-side (a compact JWE: five base64url parts, the IV and the tag
 * sized for A256GCM).
 */
const sessionCookieShapes = {
  'signed-id': /^[\w-]{43}\.[\w-]{43}$/,
  'sealed-id': /^[\w-]+\.\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/,
}

/** Defines the suite for one framework example. */
export function exampleSuite(
  framework: string,
  factory: ListenerFactory,
  options: { sessionCookie?: keyof typeof sessionCookieShapes } = {},
): void {
  const sessionCookie = sessionCookieShapes[options.sessionCookie ?? 'sealed-id']
  describe(`examples/${framework} against the sandbox`, () => {
    let app: RunningApp
    beforeAll(async () => {
      app = await startWithSandbox(factory)
    })
    afterAll(() => app?.close())

    it('shows the FranceConnect button on the welcome page, with strict headers', async () => {
      const response = await fetch(app.url)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(response.headers.get('cache-control')).toBe('no-store')
      const html = await response.text()
      expect(html).toMatch(/<button class="fc-button"[^>]*>[\s\S]*S’identifier avec[\s\S]*FranceConnect[\s\S]*<\/button>/)
      expect(html).toContain('Qu’est-ce que FranceConnect ?')
      expect(html).toContain('action="/login"')
      for (const api of seedApis) expect(html).toContain(`<li>${apiTitle(api)}</li>`)
    })

    it('signs in through the mock FranceConnect, shows the identity and the five seed APIs, then logs out', async () => {
      const browser = new HttpBrowser()
      const { login, consent, landed } = await signInOverHttp(browser, app)
      expect(radioValues(login.html, 'identity')[0]).toBe('angela-dubois')
      // the consent page lists the scopes of the five APIs
      for (const scope of [
        'dgfip_rfr',
        'droits_assurance_maladie',
        'cnam_paiements_ij',
        'mesri_admissions',
        'cnous_statut_boursier',
      ])
        expect(consent?.html).toContain(`data-scope="${scope}"`)

      expect(landed.url.href).toBe(app.url)
      expect(landed.status).toBe(200)
      expect(landed.html).toContain('id="signed-in"')
      expect(landed.html).toContain('Bonjour Angela Claire Louise DUBOIS')
      expect(landed.html).toMatch(/data-claim="birthdate"[\s\S]*?1962-08-24/)
      expect(landed.html).toMatch(/data-claim="acr"[\s\S]*?eidas1/)
      for (const api of seedApis) expect(apiSection(landed.html, api)?.status, api).toBe('fulfilled')
      const section = (api: string) => apiSection(landed.html, api)?.html
      expect(fieldValue(section('impot-particulier'), 'revenuFiscalReference')).toBe('11240')
      expect(fieldValue(section('impot-particulier'), 'adresseFiscale.codePostal')).toBe('75007')
      expect(tableRows(section('droits-assurance-maladie'), 'beneficiaires')[0]?.slice(0, 4)).toEqual([
        'enfant',
        '108057511504535',
        'DUBOIS',
        'LUCAS',
      ])
      expect(tableRows(section('indemnites-journalieres'), 'paiements').map((row) => row[0])).toEqual([
        '2025-02-03',
        '2025-02-17',
      ])
      expect(tableRows(section('statut-etudiant'), 'admissions')[0]).toContain('formation continue')
      expect(fieldValue(section('statut-etudiant-boursier'), 'echelon.valeur')).toBe('4')
      // the session cookie carries a signed or sealed random id, nothing personal; the transaction cookie is gone
      const session = browser.jar.get('127.0.0.1', 'session')
      expect(session).toMatch(sessionCookie)
      expect(session!.length).toBeLessThan(300)
      expect(browser.jar.get('127.0.0.1', 'fc_tx')).toBeUndefined()

      // a reload keeps the session
      const again = await browser.open(app.url)
      expect(again.html).toContain('Bonjour Angela Claire Louise DUBOIS')

      // logout: the app → FranceConnect's confirmation → back to the app, signed out
      const confirm = await browser.open(new URL('/logout', app.url), { method: 'POST', body: new URLSearchParams() })
      expect(confirm.url.href.startsWith(app.options.sdkOptions.provider.issuer)).toBe(true)
      expect(confirm.html).toContain('id="fc-logout"')
      const back = await browser.submit(confirm, 'op.logoutForm', { logout: 'yes' })
      expect(back.visited.some((url) => url.pathname === '/logout-callback')).toBe(true)
      expect(back.url.pathname).toBe('/')
      expect(back.html).toContain('id="signed-out"')
      expect(back.html).toContain('Vous êtes déconnecté(e)')
      expect(browser.jar.get('127.0.0.1', 'session')).toBeUndefined()
      const after = await browser.open(app.url)
      expect(after.html).toContain('id="signed-out"')
      // the old session id is dead even if replayed
      const replayed = await fetch(app.url, { headers: { cookie: `session=${session}` } })
      expect(await replayed.text()).toContain('id="signed-out"')
    })

    it('shows each API’s error code beside the data of the others (a student with no grant)', async () => {
      const browser = new HttpBrowser()
      const { landed } = await signInOverHttp(browser, app, { identity: 'lea-martin' })
      expect(landed.html).toContain('Bonjour Léa MARTIN')
      expect(apiSection(landed.html, 'statut-etudiant')?.status).toBe('fulfilled')
      const boursier = apiSection(landed.html, 'statut-etudiant-boursier')
      expect(boursier?.status).toBe('rejected')
      expect(boursier?.html).toContain('api_not_found')
      expect(boursier?.html).toContain('HTTP 404')
    })

    it('brings a person who clicks "Annuler" back to the welcome page', async () => {
      const browser = new HttpBrowser()
      const { landed } = await signInOverHttp(browser, app, { cancel: true })
      expect(landed.url.pathname).toBe('/')
      expect(landed.html).toContain('id="signed-out"')
      expect(landed.html).toContain('Connexion annulée')
    })

    it('refuses a replayed callback with the SDK error code, and a forged session cookie', async () => {
      const browser = new HttpBrowser()
      const { landed } = await signInOverHttp(browser, app)
      const callback = landed.visited.find((url) => url.pathname === '/callback')!
      expect(callback.searchParams.get('code')).toBeTruthy()
      const replay = await browser.open(callback)
      expect(replay.status).toBe(400)
      expect(replay.html).toMatch(/<code id="error-code">\w+<\/code>/)
      expect(replay.html).not.toContain(callback.searchParams.get('code')!)

      // its last characters changed: the signature (or the JWE's authentication tag) no longer matches
      const genuine = browser.jar.get('127.0.0.1', 'session')!
      browser.jar.set('127.0.0.1', 'session', `${genuine.slice(0, -4)}${genuine.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`)
      expect((await browser.open(app.url)).html).toContain('id="signed-out"')
      browser.jar.set('127.0.0.1', 'session', genuine)
      expect((await browser.open(app.url)).html).toContain('id="signed-in"')
    })

    it('answers 404 to an unknown path and to GET /logout (logout is a POST form)', async () => {
      expect((await fetch(new URL('/nope', app.url))).status).toBe(404)
      expect((await fetch(new URL('/logout', app.url))).status).toBe(404)
    })
  })
}
