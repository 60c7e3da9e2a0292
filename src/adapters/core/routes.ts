import { isFranceConnectSdkError } from '../../errors/franceconnect-sdk-error.js'
import { ConfigurationError } from '../../errors/configuration-error.js'
import { isLoopbackHost } from '../../http/secure-url.js'
import type { TransactionCookie } from '../../client/types.js'
import { accessDeniedPage } from './access-denied-page.js'
import { expiredCookie, parseCookieHeader, serializeCookie } from './cookies.js'
import { htmlResponse, jsonResponse, redirectResponse } from './responses.js'
import { safeReturnTo } from './return-to.js'
import { createSessionKeeper, toSignedInSession } from './session-keeper.js'
import type { AdapterRequest, AdapterResponse, FranceConnectRoutesOptions, SignedInSession } from './types.js'

/** A route of the core: a request in, a response out; SDK errors are thrown with their `code`. */
export type CoreRoute = (request: AdapterRequest) => Promise<AdapterResponse>

/** The routes and session functions every adapter maps to its framework. */
export interface FranceConnectCore<Data = unknown> {
  /** The paths of the routes, relative to where they are mounted. */
  readonly paths: { login: '/login'; callback: '/callback'; logout: '/logout'; logoutCallback: '/logout-callback' }
  readonly logoutWithGet: boolean
  /** `GET /login[?returnTo=/path][&acr=eidas2]`: sets the binding cookie, redirects to the provider. */
  login: CoreRoute
  /** `GET /callback`: verifies the sign-in with the binding cookie, seals the session, redirects. */
  callback: CoreRoute
  /** `POST /logout`: ends the local session, redirects to the provider's logout. */
  logout: CoreRoute
  /** `GET /logout-callback`: checks the logout's state and binding cookie, redirects to `afterLogout`. */
  logoutCallback: CoreRoute
  /** The verified session of a request, or `undefined`. */
  getSession(request: Pick<AdapterRequest, 'cookieHeader'>): Promise<SignedInSession<Data> | undefined>
  /**
   * The session of a request, or what to answer without one: a redirect to login (with `returnTo`)
   * for a page, 401 for an API call.
   */
  requireSession(request: AdapterRequest): Promise<{ session: SignedInSession<Data> } | { response: AdapterResponse }>
  /** Every route with its method and path, for an adapter to register (`GET /logout` only with `logoutWithGet`). */
  readonly routeTable: readonly { method: 'GET' | 'POST'; path: string; route: CoreRoute }[]
}

/**
 * The framework-neutral FranceConnect routes: each adapter turns its request into an
 * {@link AdapterRequest} and writes the {@link AdapterResponse} back.
 *
 * @example
 * ```ts
 * const core = createFranceConnectCore({ client: fc, session: { secret: process.env.SESSION_SECRET! } })
 * const response = await core.login({ url: new URL(request.url), method: 'GET', cookieHeader })
 * response.headers.location // https://…/authorize?…
 * ```
 */
export function createFranceConnectCore<Data = unknown>(options: FranceConnectRoutesOptions<Data>): FranceConnectCore<Data> {
  const { client } = options
  const keeper = createSessionKeeper(options.session)
  const basePath = (options.basePath ?? '/auth').replace(/\/+$/, '')
  const afterLogin = options.afterLogin ?? '/'
  const afterLogout = options.afterLogout ?? '/'
  const transactionCookieName = options.transactionCookieName ?? 'fc_tx'
  const logoutCookieName = `${transactionCookieName}_logout`
  const returnToCookieName = `${keeper.cookieName}_return`
  const loginPath = `${basePath}/login`

  const secureFor = (request: Pick<AdapterRequest, 'url'>) => options.session.secure ?? !isLoopbackHost(request.url.hostname)
  const bindingCookie = (cookie: TransactionCookie, expected: string, secure: boolean) => {
    if (cookie.name !== expected) {
      throw new ConfigurationError(
        'configuration_invalid',
        `The client's store names its binding cookie ${cookie.name}: set transactionCookieName to it`,
      )
    }
    return serializeCookie(cookie.name, cookie.value, { maxAgeSec: cookie.maxAgeSec, secure })
  }

  const core: Omit<FranceConnectCore<Data>, 'routeTable'> = {
    paths: { login: '/login', callback: '/callback', logout: '/logout', logoutCallback: '/logout-callback' },
    logoutWithGet: options.logoutWithGet ?? false,

    async login(request) {
      const secure = secureFor(request)
      const acr = request.url.searchParams.get('acr') ?? options.authorize?.acr
      const { url, cookie } = await client.authorize({ ...options.authorize, ...(acr ? { acr } : {}) })
      const returnTo = safeReturnTo(request.url.searchParams.get('returnTo'))
      const cookies = [bindingCookie(cookie, transactionCookieName, secure)]
      cookies.push(
        returnTo
          ? serializeCookie(returnToCookieName, returnTo, { maxAgeSec: cookie.maxAgeSec, secure })
          : expiredCookie(returnToCookieName, secure),
      )
      return redirectResponse(url, cookies)
    },

    async callback(request) {
      const secure = secureFor(request)
      const cookies = parseCookieHeader(request.cookieHeader)
      const cleared = [expiredCookie(transactionCookieName, secure), expiredCookie(returnToCookieName, secure)]
      let verified: Awaited<ReturnType<typeof client.callback>>
      try {
        verified = await client.callback(request.url.searchParams, { cookie: cookies[transactionCookieName] })
      } catch (error) {
        if (!isFranceConnectSdkError(error) || error.code !== 'access_denied') throw error
        if (options.accessDenied && options.accessDenied !== 'page')
          return redirectResponse(options.accessDenied.redirect, cleared)
        return htmlResponse(403, accessDeniedPage({ loginPath, homePath: afterLogout }), cleared)
      }
      const data = options.onSignIn ? await options.onSignIn(verified) : undefined
      // a session this browser had before ends (a new sign-in, a new session: no fixation); the new cookie replaces it
      await keeper.end(cookies, secure)
      const written = await keeper.write(toSignedInSession(verified, options.session, data), secure)
      const target = safeReturnTo(cookies[returnToCookieName]) ?? afterLogin
      return redirectResponse(target, [...cleared, written])
    },

    async logout(request) {
      const secure = secureFor(request)
      const cookies = parseCookieHeader(request.cookieHeader)
      const session = await keeper.read(cookies)
      const ended = await keeper.end(cookies, secure)
      if (!session) return redirectResponse(afterLogout, [ended])
      const { url, cookie } = await client.logout(session.idToken)
      return redirectResponse(url, [ended, bindingCookie(cookie, logoutCookieName, secure)])
    },

    async logoutCallback(request) {
      const secure = secureFor(request)
      const cookies = parseCookieHeader(request.cookieHeader)
      await client.logoutCallback(request.url.searchParams, { cookie: cookies[logoutCookieName] })
      return redirectResponse(afterLogout, [expiredCookie(logoutCookieName, secure)])
    },

    async getSession(request) {
      return (await keeper.read(parseCookieHeader(request.cookieHeader))) as SignedInSession<Data> | undefined
    },

    async requireSession(request) {
      const session = await core.getSession(request)
      if (session) return { session }
      const wantsPage = request.method === 'GET' && (request.accept ?? '').includes('text/html')
      if (!wantsPage) return { response: jsonResponse(401, { error: 'unauthenticated', login: loginPath }) }
      const returnTo = `${request.url.pathname}${request.url.search}`
      return { response: redirectResponse(`${loginPath}?${new URLSearchParams({ returnTo })}`) }
    },
  }
  const routeTable: FranceConnectCore<Data>['routeTable'] = [
    { method: 'GET', path: core.paths.login, route: core.login },
    { method: 'GET', path: core.paths.callback, route: core.callback },
    { method: 'POST', path: core.paths.logout, route: core.logout },
    ...(core.logoutWithGet ? [{ method: 'GET' as const, path: core.paths.logout, route: core.logout }] : []),
    { method: 'GET', path: core.paths.logoutCallback, route: core.logoutCallback },
  ]
  return { ...core, routeTable }
}
