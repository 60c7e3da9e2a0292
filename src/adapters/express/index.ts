/**
 * FranceConnect for Express 5: `app.use('/auth', franceConnectRoutes({ client, session: { secret } }))`
 * serves `GET /auth/login`, `GET /auth/callback`, `POST /auth/logout`, `GET /auth/logout-callback`;
 * `getSession(req)` and `requireSession()` work on any route. Errors go to the app's error handler
 * with their SDK `code`.
 *
 * @module
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express'
import {
  createFranceConnectCore,
  defaultInstance,
  type AdapterRequest,
  type AdapterResponse,
  type CoreRoute,
  type FranceConnectCore,
  type FranceConnectRoutesOptions,
  type SignedInSession,
} from '../core/index.js'

export { memorySessionStore, safeReturnTo } from '../core/index.js'
export type { FranceConnectRoutesOptions, SessionOptions, SessionStore, SignedInSession } from '../core/index.js'

/** The Router to mount, with the session functions of these routes. */
export interface FranceConnectRouter<Data = unknown> extends Router {
  /** The verified session of `req`, or `undefined`. */
  getSession(req: Request): Promise<SignedInSession<Data> | undefined>
  /** A middleware: 401 for API calls or a redirect to login for pages; the session in `res.locals.session`. */
  requireSession(): RequestHandler
}

const current = defaultInstance<FranceConnectRouter<any>>('express')

function toAdapterRequest(req: Request): AdapterRequest {
  return {
    url: new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`),
    method: req.method,
    cookieHeader: req.headers.cookie,
    accept: req.headers.accept,
  }
}

function send(res: Response, answer: AdapterResponse): void {
  res.status(answer.status).set(answer.headers)
  if (answer.cookies.length > 0) res.append('set-cookie', answer.cookies)
  res.end(answer.body)
}

const handle =
  (route: CoreRoute): RequestHandler =>
  async (req, res) =>
    send(res, await route(toAdapterRequest(req)))

function requireSessionOf<Data>(core: FranceConnectCore<Data>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const checked = await core.requireSession(toAdapterRequest(req))
    if ('response' in checked) return send(res, checked.response)
    res.locals.session = checked.session
    next()
  }
}

/**
 * The FranceConnect routes as an Express Router.
 *
 * @example
 * ```ts
 * import { franceConnectRoutes, getSession, requireSession } from 'franceconnect-sdk/express'
 *
 * app.use('/auth', franceConnectRoutes({ client: fc, session: { secret: process.env.SESSION_SECRET! } }))
 * app.get('/', async (req, res) => res.send((await getSession(req))?.claims.given_name ?? 'Bonjour'))
 * app.get('/api/me', requireSession(), (req, res) => res.json(res.locals.session.claims))
 * ```
 */
export function franceConnectRoutes<Data = unknown>(options: FranceConnectRoutesOptions<Data>): FranceConnectRouter<Data> {
  const core = createFranceConnectCore(options)
  const router = express.Router() as FranceConnectRouter<Data>
  for (const { method, path, route } of core.routeTable) router[method === 'GET' ? 'get' : 'post'](path, handle(route))
  router.getSession = (req) => core.getSession(toAdapterRequest(req))
  router.requireSession = () => requireSessionOf(core)
  current.set(router)
  return router
}

/**
 * The verified session of `req` (from the last `franceConnectRoutes()`), or `undefined`.
 *
 * @example
 * ```ts
 * const session = await getSession(req)
 * if (session) res.send(`Bonjour ${session.claims.given_name}`)
 * ```
 */
export function getSession<Data = unknown>(req: Request): Promise<SignedInSession<Data> | undefined> {
  return current.get().getSession(req)
}

/**
 * A middleware that lets signed-in requests through (`res.locals.session`), redirects pages to login
 * and answers API calls 401.
 *
 * @example
 * ```ts
 * app.get('/dossier', requireSession(), (req, res) => res.send(res.locals.session.claims.family_name))
 * ```
 */
export function requireSession(): RequestHandler {
  return (req, res, next) => current.get().requireSession()(req, res, next)
}
