/**
 * The pieces the four example apps share: the tables made of normalized data, the signed session
 * cookie, the HTML escaping, and the configuration from environment variables (what
 * `franceconnect-sdk sandbox` prints), driven end to end against a sandbox.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../examples/node-http/app.js'
import { appOptionsFromEnv, sandboxEnv } from '../../examples/shared/config.js'
import { tabulate } from '../../examples/shared/flatten.js'
import { escapeHtml, renderSignedIn } from '../../examples/shared/html.js'
import { startFromEnv } from '../../examples/shared/run.js'
import { createSessionStore } from '../../examples/shared/session-store.js'
import { startSandbox } from '../../src/testing/index.js'
import { HttpBrowser } from './browser-over-http.js'
import { apiSection, signInOverHttp } from './example-suite.js'

describe('tabulate', () => {
  it('flattens nested objects with dotted keys and formats values', () => {
    expect(tabulate({ a: 1, b: { c: true, d: { e: null } }, f: '', g: ['x', 'y'], h: [], i: {} })).toEqual([
      {
        kind: 'fields',
        path: '',
        rows: [
          ['a', '1'],
          ['b.c', 'oui'],
          ['b.d.e', '—'],
          ['f', '(vide)'],
          ['g', 'x, y'],
          ['h', '(aucun)'],
          ['i', '—'],
        ],
      },
    ])
  })

  it('makes a table of each array of objects, the union of their keys as columns, nested arrays after it', () => {
    const tables = tabulate({
      inscrit: true,
      paiements: [
        { date: '2026-08-03', montant: 612.4 },
        { date: '2026-09-03', montant: 633.22, aides: 50 },
      ],
      beneficiaires: [
        { nom: 'LUCAS', contrats: [{ a: 1, b: 2, c: 3, d: 4 }], periodes: [{ debut: '2026-01-01', fin: '2026-12-31' }] },
      ],
    })
    expect(tables.map((table) => table.path)).toEqual(['', 'paiements', 'beneficiaires', 'beneficiaires[0].contrats'])
    expect(tables[1]).toEqual({
      kind: 'rows',
      path: 'paiements',
      columns: ['date', 'montant', 'aides'],
      rows: [
        ['2026-08-03', '612.4', ''],
        ['2026-09-03', '633.22', '50'],
      ],
    })
    // small records stay inline; bigger ones get their own table, announced in the cell
    expect(tables[2]).toMatchObject({
      columns: ['nom', 'contrats', 'periodes'],
      rows: [['LUCAS', '1 ↓ (voir ci-dessous)', 'debut: 2026-01-01, fin: 2026-12-31']],
    })
    expect(tables[3]).toMatchObject({ kind: 'rows', columns: ['a', 'b', 'c', 'd'], rows: [['1', '2', '3', '4']] })
  })

  it('reads a bare value or an array at the top', () => {
    expect(tabulate(42)).toEqual([{ kind: 'fields', path: '', rows: [['valeur', '42']] }])
    expect(tabulate([{ a: 1 }])).toEqual([{ kind: 'rows', path: '', columns: ['a'], rows: [['1']] }])
  })
})

describe('the session store', () => {
  const secret = 'x'.repeat(32)

  it('keeps the value on the server, under a signed random id', () => {
    const store = createSessionStore<{ name: string }>({ secret, secure: true })
    const setCookie = store.create({ name: 'DUBOIS' })
    expect(setCookie).toMatch(/^session=[\w-]{43}\.[\w-]{43}; Path=\/; Max-Age=1800; HttpOnly; SameSite=Lax; Secure$/)
    expect(setCookie).not.toContain('DUBOIS')
    const cookie = setCookie.split(';')[0]!
    expect(store.get(`other=1; ${cookie}`)).toEqual({ name: 'DUBOIS' })
    // another secret, a changed id or signature: nothing
    expect(createSessionStore({ secret: 'y'.repeat(32), secure: true }).get(cookie)).toBeUndefined()
    const [name, value] = cookie.split('=') as [string, string]
    const [id, signature] = value.split('.') as [string, string]
    // one character changed (never to itself: a value ending in A would stay the same, 1 run in 64)
    const changed = (text: string) => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`
    expect(store.get(`${name}=${changed(id)}.${signature}`)).toBeUndefined()
    expect(store.get(`${name}=${id}.${changed(signature)}`)).toBeUndefined()
    expect(store.get(`${name}=${id}`)).toBeUndefined()
    // destroyed: gone, and the cookie is deleted
    expect(store.destroy(cookie)).toMatch(/^session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/)
    expect(store.get(cookie)).toBeUndefined()
  })

  it('expires sessions and keeps at most maxSessions', () => {
    const store = createSessionStore<number>({ secret, secure: false, ttlSec: 0.001, maxSessions: 2 })
    const first = store.create(1).split(';')[0]!
    const started = Date.now()
    while (Date.now() - started < 5) {
      // wait past the TTL
    }
    expect(store.get(first)).toBeUndefined()
    const bounded = createSessionStore<number>({ secret, secure: false, maxSessions: 2 })
    const one = bounded.create(1).split(';')[0]!
    bounded.create(2)
    bounded.create(3)
    expect(bounded.size).toBe(2)
    expect(bounded.get(one)).toBeUndefined()
  })

  it('refuses a short secret', () => {
    expect(() => createSessionStore({ secret: 'short', secure: true })).toThrow(/at least 32/)
  })
})

describe('the pages', () => {
  it('escape every value a provider sends', () => {
    const html = renderSignedIn(
      { serviceName: 'S', framework: 'F', sandbox: false, loginPath: '/login', logoutPath: '/logout' },
      {
        sub: 's',
        claims: { given_name: '<script>alert(1)</script>', family_name: 'O"Brien' },
        apis: [
          {
            api: 'statut-etudiant',
            provider: 'MESRI',
            status: 'fulfilled',
            data: { '<b>': '<img src=x onerror=alert(1)>' },
            fetchedAt: '',
          },
          { api: 'quotient-familial', status: 'rejected', error: { code: 'api_error', message: '<i>oops</i>' } },
        ],
      },
    )
    expect(html).not.toMatch(/<script>|<img|<b>|<i>/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('O&quot;Brien')
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;')
  })
})

describe('the configuration from environment variables', () => {
  it('reads what `franceconnect-sdk sandbox` prints: an app configured so signs in and gets every API', async () => {
    // the app's port first: the sandbox registers its callback on it
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as AddressInfo).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const sandbox = await startSandbox({
      redirectUri: `http://127.0.0.1:${port}/callback`,
      postLogoutRedirectUri: `http://127.0.0.1:${port}/logout-callback`,
    })
    try {
      const env = { ...sandboxEnv(sandbox), SESSION_SECRET: 's'.repeat(40) }
      const options = appOptionsFromEnv(env)
      expect(options.sdkOptions.apis?.map((connector) => connector.id)).toHaveLength(10)
      expect(options.sandbox).toBe(true)
      const app = await startFromEnv((appOptions) => createApp(appOptions), { port, env })
      try {
        const { landed } = await signInOverHttp(new HttpBrowser(), app)
        expect(landed.html).toContain('Bonjour Angela Claire Louise DUBOIS')
        for (const api of ['impot-particulier', 'quotient-familial', 'france-travail-paiements'])
          expect(apiSection(landed.html, api)?.status, api).toBe('fulfilled')
      } finally {
        await app.close()
      }
    } finally {
      await sandbox.close()
    }
  })

  it('names what is missing, and keeps only the APIs FC_APIS lists', () => {
    expect(() => appOptionsFromEnv({})).toThrow(/FC_ISSUER/)
    const base = {
      FC_ISSUER: 'https://fcp-low.sbx.dev-franceconnect.fr/api/v2',
      FC_CLIENT_ID: 'id',
      FC_CLIENT_SECRET: 'secret',
      FC_REDIRECT_URI: 'https://demarche.example.fr/callback',
    }
    expect(() => appOptionsFromEnv({ ...base, FC_CLIENT_SECRET: '' })).toThrow(/FC_CLIENT_SECRET is not set/)
    expect(appOptionsFromEnv(base).sdkOptions.apis).toEqual([])
    const particulier = { ...base, API_PARTICULIER_ENV: 'staging', API_PARTICULIER_RECIPIENT: '13002526500013' }
    expect(appOptionsFromEnv(particulier).sdkOptions.apis?.map((connector) => connector.id)).toEqual([
      'statut-etudiant',
      'statut-etudiant-boursier',
      'complementaire-sante-solidaire',
      'revenu-solidarite-active',
      'quotient-familial',
    ])
    expect(
      appOptionsFromEnv({ ...particulier, FC_APIS: 'statut-etudiant-boursier' }).sdkOptions.apis?.map(
        (connector) => connector.id,
      ),
    ).toEqual(['statut-etudiant-boursier'])
    expect(() => appOptionsFromEnv({ ...particulier, FC_APIS: 'impot-particulier' })).toThrow(
      /FC_APIS names APIs whose variables are not set: impot-particulier/,
    )
    expect(() => appOptionsFromEnv({ ...base, FC_PROVIDER: 'keycloak' })).toThrow(/FC_PROVIDER/)
  })
})
