/**
 * What the Express, Fastify and Hono examples share on top of their adapter
 * (`franceconnect-sdk/express`, `/fastify`, `/hono`): the adapter's options (the client, the
 * session kept server-side because the APIs' data does not fit in a cookie, `getAllData` at sign-in)
 * and the pages (welcome or signed in, not found, error). The adapter serves `/login`, `/callback`,
 * `/logout` and `/logout-callback`; each example adds `GET /` and its error handler.
 */
import { randomBytes } from 'node:crypto'
import { memorySessionStore, type FranceConnectRoutesOptions, type SignedInSession } from '../../src/adapters/core/index.js'
import { cookieStore, createClient, isFranceConnectSdkError } from '../../src/index.js'
import { renderError, renderSignedIn, renderSignedOut, type ApiView, type PageContext } from './html.js'
import { signedOutNotice, toApiViews, type AppOptions, type WebResponse } from './web-app.js'

/** What the examples keep in the session as `data`: each API's answer. */
export type ExampleData = ApiView[]

/** The session the examples keep. */
export type ExampleSession = SignedInSession<ExampleData>

/** The adapter's options and the pages of one example app. */
export interface ExampleSite {
  routes: FranceConnectRoutesOptions<ApiView[]>
  home(session: ExampleSession | undefined, query: URLSearchParams): WebResponse
  notFound(): WebResponse
  /** The error page of an error the adapter passed on (its SDK `code` shown), or a bare 500. */
  error(error: unknown): WebResponse
}

/**
 * The example site for `options`, served by `framework`.
 *
 * @example
 * ```ts
 * const site = exampleSite(options, 'Express')
 * app.use(franceConnectRoutes(site.routes))
 * ```
 */
export function exampleSite(options: AppOptions, framework: string): ExampleSite {
  const secret = options.sessionSecret ?? randomBytes(32).toString('base64url')
  const client = createClient({ ...options.sdkOptions, store: cookieStore({ secret, name: 'fc_tx' }) })
  const configuredApis = (options.sdkOptions.apis ?? []).map((connector) => connector.id)
  const context: PageContext = {
    serviceName: options.serviceName ?? 'Démarche en ligne',
    framework,
    sandbox: options.sandbox ?? false,
    loginPath: '/login',
    logoutPath: '/logout',
  }
  // The login and logout forms lead to the provider: the CSP's form-action must allow its origin.
  const providerOrigin = new URL(options.sdkOptions.provider.issuer).origin
  const html = (status: number, body: string): WebResponse => ({
    status,
    headers: {
      'cache-control': 'no-store',
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${providerOrigin}; frame-ancestors 'none'; base-uri 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    },
    cookies: [],
    body,
  })

  return {
    routes: {
      client,
      basePath: '',
      session: { secret, cookieName: 'session', store: memorySessionStore() },
      afterLogout: '/?deconnecte',
      accessDenied: { redirect: '/?annule' },
      // at once: the access token lives 60 s
      onSignIn: async (session) => toApiViews(configuredApis, await client.getAllData(session, options.allDataParams)),
    },
    home(session, query) {
      if (session) return html(200, renderSignedIn(context, { ...session, apis: session.data ?? [] }))
      const notice = signedOutNotice(query)
      return html(200, renderSignedOut(context, { apis: configuredApis, ...(notice ? { notice } : {}) }))
    },
    notFound: () => html(404, renderError(context, { title: 'Page introuvable', message: 'Cette page n’existe pas.' })),
    error(error) {
      if (!isFranceConnectSdkError(error)) {
        console.error(error)
        return html(500, renderError(context, { title: 'Erreur', message: 'Une erreur inattendue est survenue.' }))
      }
      const status = error.status && error.status >= 500 ? 502 : 400
      return html(
        status,
        renderError(context, { title: 'La connexion n’a pas abouti', code: error.code, message: error.message }),
      )
    },
  }
}
