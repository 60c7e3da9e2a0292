/**
 * The example app, written once for every framework: each route is a function from a small request
 * (query string + Cookie header) to a small response (status, headers, cookies, HTML), and each
 * framework example only maps its routes to these functions.
 *
 * The flow, with the SDK's calls:
 *
 * - `GET /login`: `fc.authorize()`, the transaction sealed in the cookie it returns (`cookieStore`),
 *   which binds the sign-in to this browser; redirect to FranceConnect.
 * - `GET /callback`: `fc.callback()` with that cookie's value (every check), then at once
 *   `fc.getAllData()` (the access token lives 60 s), the identity and the data kept in the session,
 *   redirect to `/`.
 * - `GET /`: the FranceConnect button, or the identity and each API's data.
 * - `POST /logout`: the local session ends, `fc.logout()` and its cookie, redirect to FranceConnect,
 *   which comes back to `GET /logout-callback`: `fc.logoutCallback()` checks the state and the cookie.
 *
 * In your app, import from `franceconnect-sdk` where these files import from `../../src/index.js`.
 */
import { randomBytes } from 'node:crypto'
import {
  cookieStore,
  createClient,
  isFranceConnectSdkError,
  type ClientOptions,
  type Session,
  type SettledApiResult,
  type TransactionCookie,
} from '../../src/index.js'
import { clearCookie, parseCookies, serializeCookie } from './cookies.js'
import { renderError, renderSignedIn, renderSignedOut, type ApiView, type PageContext, type SignedInView } from './html.js'
import { createSessionStore } from './session-store.js'

/** Options of every example's `createApp`. */
export interface AppOptions {
  /**
   * `createClient`'s options: provider, client id and secret, redirect URIs, the API connectors.
   * The transaction store is the app's (a sealed cookie), so `store` is not taken.
   */
  sdkOptions: Omit<ClientOptions, 'store'>
  /** `getAllData` params by API id (the year of income of `impot-particulier`). */
  allDataParams?: Record<string, unknown>
  /**
   * Signs the session ids and seals the transaction cookie: at least 32 characters, the same on
   * every instance and across restarts. Default: random (sessions end when the process does).
   */
  sessionSecret?: string
  /** The service's name, in the pages' header. */
  serviceName?: string
  /** The provider is the SDK's sandbox: the pages say the data is fictitious. */
  sandbox?: boolean
}

/** What a route reads of the request. */
export interface WebRequest {
  /** The query string. */
  query: URLSearchParams
  /** The Cookie header. */
  cookie: string | undefined
}

/** What a route answers; the framework example writes it out as is. */
export interface WebResponse {
  status: number
  /** Response headers, `location` included for redirects. */
  headers: Record<string, string>
  /** Set-Cookie values, one per cookie. */
  cookies: string[]
  /** HTML, or `''` for a redirect. */
  body: string
}

export type Route = (request: WebRequest) => Promise<WebResponse>

/** The example app: its paths and a function per route. */
export interface WebApp {
  paths: { home: string; login: string; callback: string; logout: string; logoutCallback: string }
  home: Route
  login: Route
  callback: Route
  logout: Route
  logoutCallback: Route
  /** Any other path. */
  notFound: Route
}

/** What the session keeps: the page's content, and the ID token for the logout's `id_token_hint`. */
interface AppSession extends SignedInView {
  idToken: string
}

const transactionCookie = 'fc_tx'
// A logout has a cookie of its own (the SDK names it after the sign-in's), so it never overwrites one.
const logoutCookie = `${transactionCookie}_logout`

/**
 * Builds the example app's routes for one framework.
 *
 * @example
 * ```ts
 * const app = createWebApp(options, 'node:http')
 * const response = await app.login({ query: new URLSearchParams(), cookie: undefined })
 * response.headers.location // https://…/authorize?…
 * ```
 */
export function createWebApp(options: AppOptions, framework: string): WebApp {
  const secret = options.sessionSecret ?? randomBytes(32).toString('base64url')
  const fc = createClient({ ...options.sdkOptions, store: cookieStore({ secret, name: transactionCookie }) })
  const redirectUri = new URL(options.sdkOptions.redirectUri)
  // Secure cookies everywhere but plain-HTTP loopback (the sandbox, a laptop).
  const secure = redirectUri.protocol === 'https:'
  const sessions = createSessionStore<AppSession>({ secret, secure, cookieName: 'session' })
  const configuredApis = (options.sdkOptions.apis ?? []).map((connector) => connector.id)

  const paths = {
    home: '/',
    login: '/login',
    callback: redirectUri.pathname,
    logout: '/logout',
    logoutCallback: options.sdkOptions.postLogoutRedirectUri
      ? new URL(options.sdkOptions.postLogoutRedirectUri).pathname
      : '/logout-callback',
  }
  const context: PageContext = {
    serviceName: options.serviceName ?? 'Démarche en ligne',
    framework,
    sandbox: options.sandbox ?? false,
    loginPath: paths.login,
    logoutPath: paths.logout,
  }
  // The login and logout forms lead to the provider: the CSP's form-action must allow its origin.
  const providerOrigin = new URL(options.sdkOptions.provider.issuer).origin
  const securityHeaders = {
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${providerOrigin}; frame-ancestors 'none'; base-uri 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  }

  const html = (status: number, body: string, cookies: string[] = []): WebResponse => ({
    status,
    headers: { ...securityHeaders, 'content-type': 'text/html; charset=utf-8' },
    cookies,
    body,
  })
  const redirect = (location: string, cookies: string[] = []): WebResponse => ({
    status: 303,
    headers: { ...securityHeaders, location },
    cookies,
    body: '',
  })
  /** The cookie `authorize()` or `logout()` returns: it binds the flow to this browser. */
  const setTransaction = (cookie: TransactionCookie) =>
    serializeCookie(cookie.name, cookie.value, { maxAgeSec: cookie.maxAgeSec, secure })

  /** Runs a route; an SDK error becomes the error page with its code, anything else a bare 500. */
  const guarded =
    (title: string, route: Route): Route =>
    async (request) => {
      try {
        return await route(request)
      } catch (error) {
        const cookies = [clearCookie(transactionCookie, secure), clearCookie(logoutCookie, secure)]
        if (isFranceConnectSdkError(error))
          return html(
            error.status && error.status >= 500 ? 502 : 400,
            renderError(context, { title, code: error.code, message: error.message }),
            cookies,
          )
        console.error(error)
        return html(500, renderError(context, { title, message: 'Une erreur inattendue est survenue.' }), cookies)
      }
    }

  return {
    paths,

    home: guarded('Erreur', async ({ query, cookie }) => {
      const session = sessions.get(cookie)
      if (session) {
        const { idToken: _idToken, ...view } = session
        return html(200, renderSignedIn(context, view))
      }
      const notice = signedOutNotice(query)
      return html(200, renderSignedOut(context, { apis: configuredApis, ...(notice ? { notice } : {}) }))
    }),

    login: guarded('La connexion n’a pas pu commencer', async () => {
      const { url, cookie } = await fc.authorize()
      return redirect(url, [setTransaction(cookie)])
    }),

    callback: guarded('La connexion n’a pas abouti', async ({ query, cookie }) => {
      const cleared = clearCookie(transactionCookie, secure)
      let session: Session
      try {
        session = await fc.callback(query, { cookie: parseCookies(cookie)[transactionCookie] })
      } catch (error) {
        // the person clicked "Annuler" on FranceConnect: not an error, back to the welcome page
        if (isFranceConnectSdkError(error) && error.code === 'access_denied') return redirect(`${paths.home}?annule`, [cleared])
        throw error
      }
      // at once: the access token lives 60 s
      const results = await fc.getAllData(session, options.allDataParams)
      const view: AppSession = {
        sub: session.sub,
        ...(session.acr ? { acr: session.acr } : {}),
        claims: session.claims,
        apis: toApiViews(configuredApis, results),
        idToken: session.idToken,
      }
      sessions.destroy(cookie) // a session this browser had before ends: a new sign-in, a new id
      return redirect(paths.home, [sessions.create(view), cleared])
    }),

    logout: guarded('La déconnexion n’a pas abouti', async ({ cookie }) => {
      const session = sessions.get(cookie)
      const ended = sessions.destroy(cookie)
      if (!session) return redirect(paths.home, [ended])
      const { url, cookie: transaction } = await fc.logout(session.idToken)
      return redirect(url, [ended, setTransaction(transaction)])
    }),

    logoutCallback: guarded('La déconnexion n’a pas abouti', async ({ query, cookie }) => {
      await fc.logoutCallback(query, { cookie: parseCookies(cookie)[logoutCookie] })
      return redirect(`${paths.home}?deconnecte`, [clearCookie(logoutCookie, secure)])
    }),

    notFound: async () => html(404, renderError(context, { title: 'Page introuvable', message: 'Cette page n’existe pas.' })),
  }
}

/**
 * What the welcome page says after a logout (`?deconnecte`) or a cancelled sign-in (`?annule`).
 *
 * @example
 * ```ts
 * signedOutNotice(new URLSearchParams('deconnecte'))?.text // 'Vous êtes déconnecté(e)…'
 * ```
 */
export function signedOutNotice(query: URLSearchParams): { text: string } | undefined {
  if (query.has('deconnecte')) return { text: 'Vous êtes déconnecté(e) de ce service et de FranceConnect.' }
  if (query.has('annule')) return { text: 'Connexion annulée : vous n’avez pas été connecté(e).' }
  return undefined
}

/**
 * One view per configured API: its data, or its error (code, message, HTTP status, provider code;
 * the SDK's messages hold no personal data). An API `getAllData` skipped had none of its scopes granted.
 */
export function toApiViews(configured: readonly string[], results: SettledApiResult[]): ApiView[] {
  return configured.map((api): ApiView => {
    const entry = results.find((result) => result.api === api)
    if (!entry) {
      return {
        api,
        status: 'rejected',
        error: { code: 'scope_not_granted', message: 'Le fournisseur d’identité n’a accordé aucun scope de cette API.' },
      }
    }
    if (entry.status === 'fulfilled') {
      return {
        api,
        provider: entry.result.provider,
        status: 'fulfilled',
        data: entry.result.data,
        fetchedAt: entry.result.fetchedAt,
      }
    }
    const error = entry.error
    if (isFranceConnectSdkError(error)) {
      return {
        api,
        status: 'rejected',
        error: {
          code: error.code,
          message: error.message,
          ...(error.status === undefined ? {} : { status: error.status }),
          ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
        },
      }
    }
    return { api, status: 'rejected', error: { code: 'unexpected_error', message: 'Erreur inattendue' } }
  })
}
