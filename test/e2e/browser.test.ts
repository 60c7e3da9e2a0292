/**
 * The demo web app (examples/node-http against the sandbox, as `franceconnect-sdk demo --serve`
 * starts it) in a real headless Chromium: the FranceConnect button, the mock FranceConnect's login
 * and consent pages clicked through, the identity and the data of the five seed APIs on the app's
 * page (screenshot in __screenshots__/data-page.png), then logout through FranceConnect.
 *
 * Needs Debian's chromium at /usr/bin/chromium (.ci/run installs it); without it the test fails.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../examples/node-http/app.js'
import { apiTitle, seedApis } from '../../examples/shared/apis.js'
import { startWithSandbox, type RunningApp } from '../../examples/shared/run.js'

const executablePath = '/usr/bin/chromium'
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const screenshotPath = join(import.meta.dirname, '__screenshots__', 'data-page.png')
const welcomeScreenshotPath = join(import.meta.dirname, '__screenshots__', 'welcome-page.png')

describe('the demo web app in headless Chromium', () => {
  let app: RunningApp
  let context: BrowserContext
  let userDataDir: string
  const consoleErrors: string[] = []

  beforeAll(async () => {
    if (!existsSync(executablePath)) {
      throw new Error(
        `Chromium is missing: ${executablePath} does not exist. Install Debian's chromium (apt-get install chromium), as .ci/run does.`,
      )
    }
    app = await startWithSandbox((options) => createApp(options), { apis: 'all' })
    userDataDir = mkdtempSync(join(tmpdir(), 'fc-sdk-chromium-'))
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      args,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    })
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.close()
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true })
  })

  it('signs in with the FranceConnect button, shows the identity and the five seed APIs, then logs out', async () => {
    const page: Page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (message) => {
      // the browser's own favicon requests are not the pages' doing (the mock FranceConnect has none)
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
        consoleErrors.push(`${message.text()} (${message.location().url} on ${page.url()})`)
    })
    page.on('pageerror', (error) => consoleErrors.push(`${error.message} (${page.url()})`))
    page.setDefaultTimeout(10_000)
    const issuer = app.options.sdkOptions.provider.issuer

    // the app's welcome page and its FranceConnect button
    await page.goto(app.url)
    const button = page.getByRole('button', { name: /S’identifier avec\s*FranceConnect/ })
    await expect(button.isVisible()).resolves.toBe(true)
    mkdirSync(join(import.meta.dirname, '__screenshots__'), { recursive: true })
    await page.screenshot({ path: welcomeScreenshotPath })
    await expect(page.getByRole('link', { name: 'Qu’est-ce que FranceConnect ?' }).getAttribute('href')).resolves.toBe(
      'https://franceconnect.gouv.fr/',
    )
    expect(await button.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(0, 0, 145)')
    await button.click()

    // the mock FranceConnect's login page: click the first person, submit
    await page.waitForURL((url) => url.href.startsWith(new URL(issuer).origin) && url.pathname.includes('/interaction/'))
    await page.locator('#fc-login').waitFor()
    const first = page.locator('label.person').first()
    await expect(first.textContent()).resolves.toContain('Angela Claire Louise DUBOIS')
    await first.click()
    await expect(page.locator('input[name="identity"]').first().isChecked()).resolves.toBe(true)
    await page.getByRole('button', { name: 'Se connecter' }).click()

    // consent
    await page.locator('#fc-consent').waitFor()
    await expect(page.locator('li[data-scope="cnous_statut_boursier"]').count()).resolves.toBe(1)
    await page.getByRole('button', { name: /^Continuer sur/ }).click()

    // back on the app: the identity and the data
    await page.waitForURL(app.url)
    await page.locator('#signed-in').waitFor()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bonjour Angela Claire Louise DUBOIS')
    await expect(page.locator('tr[data-claim="birthdate"] td').textContent()).resolves.toBe('1962-08-24')
    await expect(page.locator('tr[data-claim="birthplace"] td').textContent()).resolves.toBe('75107')
    for (const api of seedApis) {
      const section = page.locator(`section[data-api="${api}"]`)
      await expect(section.getAttribute('data-status'), api).resolves.toBe('fulfilled')
      await expect(section.locator('h3').textContent(), api).resolves.toBe(apiTitle(api))
      expect(await section.locator('table').count(), api).toBeGreaterThan(0)
      expect(await section.isVisible(), api).toBe(true)
    }
    const cell = (api: string, key: string) =>
      page.locator(`section[data-api="${api}"] table.fields tr:has(th:text-is("${key}")) td`).textContent()
    await expect(cell('impot-particulier', 'revenuFiscalReference')).resolves.toBe('11240')
    await expect(cell('statut-etudiant-boursier', 'echelon.valeur')).resolves.toBe('4')
    await expect(page.locator('section[data-api="indemnites-journalieres"] table.rows tbody tr').count()).resolves.toBe(2)
    await expect(
      page.locator('section[data-api="droits-assurance-maladie"] caption', { hasText: 'beneficiaires' }).first().isVisible(),
    ).resolves.toBe(true)
    await expect(
      page.locator('section[data-api="statut-etudiant"] td', { hasText: 'formation continue' }).isVisible(),
    ).resolves.toBe(true)

    await page.screenshot({ path: screenshotPath, fullPage: true })

    // logout: the app → FranceConnect's confirmation → back on the app, signed out
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.locator('#fc-logout').waitFor()
    await page.getByRole('button', { name: 'Me déconnecter' }).click()
    await page.waitForURL((url) => url.origin === new URL(app.url).origin && url.searchParams.has('deconnecte'))
    await page.locator('#signed-out').waitFor()
    await expect(page.locator('#notice').textContent()).resolves.toContain('Vous êtes déconnecté(e)')
    await expect(page.getByRole('button', { name: /S’identifier avec\s*FranceConnect/ }).isVisible()).resolves.toBe(true)
    const cookies = await context.cookies(app.url)
    expect(cookies.map((cookie) => cookie.name)).not.toContain('session')

    // a reload stays signed out
    await page.reload()
    await page.locator('#signed-out').waitFor()
    expect(consoleErrors).toEqual([])
  }, 60_000)
})
