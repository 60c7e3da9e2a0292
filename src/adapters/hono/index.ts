/**
 * FranceConnect for Hono 4: `app.route('/auth', franceConnectRoutes({ client, session: { secret } }))`
 * serves `GET /auth/login`, `GET /auth/callback`, `POST /auth/logout`, `GET /auth/logout-callback`;
 * `getSession(c)` and the `requireSession()` middleware work on any route. Errors go to
 * `app.onError` with their SDK `code`. Web-standard only: runs wherever Hono does.
 *
 * @module
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import {
  createFranceConnectCore,
  defaultInstance,
  fromWebRequest,
  toWebResponse,
  type FranceConnectCore,
  type FranceConnectRoutesOptions,
  type SignedInSession,
} from '../core/index.js'

export { memorySessionStore, safeReturnTo } from '../core/index.js'
export type { FranceConnectRoutesOptions, SessionOptions, SessionStore, SignedInSession } from '../core/index.js'

/** The Hono variables `requireSession()` sets: `c.get('session')`. */
export type FranceConnectVariables<Data = unknown> = { session: SignedInSession<Data> }

const current = defaultInstance<FranceConnectCore<any>>('hono')

/**
 * The FranceConnect routes as a Hono app to mount with `app.route()`.
 *
 * @example
 * ```ts
 * import { franceConnectRoutes, getSession } from 'franceconnect-sdk/hono'
 *
 * app.route('/auth', franceConnectRoutes({ client: fc, session: { secret: process.env.SESSION_SECRET! } }))
 * app.get('/', async (c) => c.text((await getSession(c))?.claims.given_name ?? 'Bonjour'))
 * ```
 */
export function franceConnectRoutes<Data = unknown>(options: FranceConnectRoutesOptions<Data>): Hono {
  const core = createFranceConnectCore(options)
  const app = new Hono()
  for (const { method, path, route } of core.routeTable) {
    app.on(method, path, async (c) => toWebResponse(await route(fromWebRequest(c.req.raw))))
  }
  current.set(core)
  return app
}

/**
 * The verified session of a request (from the last `franceConnectRoutes()`), or `undefined`.
 *
 * @example
 * ```ts
 * const session = await getSession(c)
 * ```
 */
export function getSession<Data = unknown>(c: Context | Request): Promise<SignedInSession<Data> | undefined> {
  const request = c instanceof Request ? c : c.req.raw
  return (current.get() as FranceConnectCore<Data>).getSession(fromWebRequest(request))
}

/**
 * A middleware that lets signed-in requests through (`c.get('session')`), redirects pages to login
 * and answers API calls 401.
 *
 * @example
 * ```ts
 * app.get('/api/me', requireSession(), (c) => c.json(c.get('session').claims))
 * ```
 */
export function requireSession<Data = unknown>(): MiddlewareHandler<{ Variables: FranceConnectVariables<Data> }> {
  return async (c, next) => {
    const checked = await (current.get() as FranceConnectCore<Data>).requireSession(fromWebRequest(c.req.raw))
    if ('response' in checked) return toWebResponse(checked.response)
    c.set('session', checked.session)
    await next()
  }
}
