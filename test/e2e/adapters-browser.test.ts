/**
 * Every adapter in a real headless Chromium against the sandbox: the Express, Fastify and Hono
 * examples (built on `franceconnect-sdk/express`, `/fastify`, `/hono`), the Next.js route handlers
 * (`/next`, served through Web `Request`/`Response`, the page reading `getSession()`) and the
 * passport strategy (`/passport`, with passport's session in express-session, as a NestJS app): the
 * FranceConnect button, the mock FranceConnect's login and consent, the name on the app's page, the
 * session cookie as the browser keeps it (HttpOnly, SameSite=Lax), then logout through FranceConnect.
 *
 * Needs Debian's chromium at /usr/bin/chromium (.ci/run installs it); without it the test fails.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp as createExpressApp } from '../../examples/express/app.js'
import { createApp as createFastifyApp } from '../../examples/fastify/app.js'
import { createApp as createHonoApp } from '../../examples/hono/app.js'
import { startWithSandbox, type ListenerFactory } from '../../examples/shared/run.js'
import { getRequestListener } from '@hono/node-server'
import { nextApp, passportApp } from '../adapters/sandbox-apps.js'

const executablePath = '/usr/bin/chromium'
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Each adapter's app, and the name of the session cookie it sets. */
const adapters: [string, ListenerFactory, string][] = [
  ['express', (options) => createExpressApp(options), 'session'],
  [
    'fastify',
    async (options) => {
      const app = createFastifyApp(options)
      await app.ready()
      return (request, response) => app.routing(request, response)
    },
    'session',
  ],
  ['hono', (options) => getRequestListener(createHonoApp(options).fetch), 'session'],
  ['next', (options) => nextApp(options.sdkOptions), 'fc_session'],
  ['passport', (options) => passportApp(options.sdkOptions, { session: true }), 'session'],
]

describe('the adapters in headless Chromium', () => {
  let browser: Browser

  beforeAll(async () => {
    if (!existsSync(executablePath)) {
      throw new Error(
        `Chromium is missing: ${executablePath} does not exist. Install Debian's chromium (apt-get install chromium).`,
      )
    }
    browser = await chromium.launch({ executablePath, args, headless: true })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  it.each(adapters)(
    'franceconnect-sdk/%s: signs in, shows the name, signs out',
    async (_name, factory, sessionCookie) => {
      const app = await startWithSandbox(factory)
      const context = await browser.newContext({ locale: 'fr-FR' })
      try {
        const page = await context.newPage()
        page.setDefaultTimeout(10_000)
        await page.goto(app.url)
        await page.getByRole('button', { name: /S’identifier avec\s*FranceConnect/ }).click()

        // the mock FranceConnect: the first person, then consent
        await page.locator('#fc-login').waitFor()
        await page.locator('label.person').first().click()
        await page.getByRole('button', { name: 'Se connecter' }).click()
        await page.locator('#fc-consent').waitFor()
        await page.getByRole('button', { name: /^Continuer sur/ }).click()

        // back on the app, signed in: the name, and the adapter's session cookie as the browser keeps it
        await page.waitForURL(app.url)
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bonjour Angela Claire Louise DUBOIS')
        const session = (await context.cookies(app.url)).find((cookie) => cookie.name === sessionCookie)
        expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
        expect((await context.cookies(app.url)).map((cookie) => cookie.name)).not.toContain('fc_tx')

        // logout: the app → FranceConnect's confirmation → back on the app, signed out
        await page.getByRole('button', { name: 'Se déconnecter' }).click()
        await page.locator('#fc-logout').waitFor()
        await page.getByRole('button', { name: 'Me déconnecter' }).click()
        await page.waitForURL((url) => url.origin === new URL(app.url).origin && url.searchParams.has('deconnecte'))
        await page.locator('#signed-out').waitFor()
        expect((await context.cookies(app.url)).map((cookie) => cookie.name)).not.toContain(sessionCookie)
        await page.reload()
        await page.locator('#signed-out').waitFor()
      } finally {
        await context.close()
        await app.close()
      }
    },
    60_000,
  )
})
