/**
 * FranceConnect for the Next.js App Router: in `app/auth/[action]/route.ts`,
 * `export const { GET, POST } = franceConnectRoutes({ client, session: { secret } })` serves
 * `/auth/login`, `/auth/callback`, `/auth/logout` (POST), `/auth/logout-callback`; `getSession()`
 * reads the session in a server component from `await headers()` (or any `Request`/`Headers`).
 * Web-standard only: it never imports `next`.
 *
 * @module
 */
import {
  createFranceConnectCore,
  defaultInstance,
  fromWebRequest,
  jsonResponse,
  toWebResponse,
  type FranceConnectCore,
  type FranceConnectRoutesOptions,
  type SignedInSession,
} from '../core/index.js'

export { memorySessionStore, safeReturnTo } from '../core/index.js'
export type { FranceConnectRoutesOptions, SessionOptions, SessionStore, SignedInSession } from '../core/index.js'

/** A Route Handler: Next passes a `NextRequest`, which is a `Request`. */
export type RouteHandler = (request: Request) => Promise<Response>

/** The route handlers to export from `route.ts`, and the session functions of these routes. */
export interface FranceConnectRouteHandlers<Data = unknown> {
  GET: RouteHandler
  POST: RouteHandler
  getSession(source: Request | Headers): Promise<SignedInSession<Data> | undefined>
  requireSession(request: Request): Promise<SignedInSession<Data> | Response>
}

const current = defaultInstance<FranceConnectRouteHandlers<any>>('next')

const headersOf = (source: Request | Headers): Headers => ('headers' in source ? source.headers : source)

/**
 * The FranceConnect route handlers for a dynamic segment (`app/auth/[action]/route.ts`); other
 * paths under it answer 404.
 *
 * @example
 * ```ts
 * // app/auth/[action]/route.ts
 * import { franceConnectRoutes } from 'franceconnect-sdk/next'
 * export const { GET, POST } = franceConnectRoutes({ client: fc, session: { secret: process.env.SESSION_SECRET! } })
 * ```
 */
export function franceConnectRoutes<Data = unknown>(options: FranceConnectRoutesOptions<Data>): FranceConnectRouteHandlers<Data> {
  const core: FranceConnectCore<Data> = createFranceConnectCore(options)
  const basePath = (options.basePath ?? '/auth').replace(/\/+$/, '')
  const handlerFor =
    (method: 'GET' | 'POST'): RouteHandler =>
    async (request) => {
      const adapted = fromWebRequest(request)
      const match = core.routeTable.find(
        (entry) => entry.method === method && `${basePath}${entry.path}` === adapted.url.pathname,
      )
      if (!match) return toWebResponse(jsonResponse(404, { error: 'not_found' }))
      return toWebResponse(await match.route(adapted))
    }
  const handlers: FranceConnectRouteHandlers<Data> = {
    GET: handlerFor('GET'),
    POST: handlerFor('POST'),
    getSession: (source) => core.getSession({ cookieHeader: headersOf(source).get('cookie') ?? undefined }),
    async requireSession(request) {
      const checked = await core.requireSession(fromWebRequest(request))
      return 'response' in checked ? toWebResponse(checked.response) : checked.session
    },
  }
  current.set(handlers)
  return handlers
}

/**
 * The verified session (from the last `franceConnectRoutes()`), or `undefined`; in a server
 * component, pass `await headers()`.
 *
 * @example
 * ```ts
 * import { headers } from 'next/headers'
 * const session = await getSession(await headers())
 * ```
 */
export function getSession<Data = unknown>(source: Request | Headers): Promise<SignedInSession<Data> | undefined> {
  return current.get().getSession(source)
}

/**
 * In a route handler: the session, or the `Response` to return (a redirect to login for pages,
 * 401 for API calls).
 *
 * @example
 * ```ts
 * export async function GET(request: Request) {
 *   const session = await requireSession(request)
 *   if (session instanceof Response) return session
 *   return Response.json(session.claims)
 * }
 * ```
 */
export function requireSession<Data = unknown>(request: Request): Promise<SignedInSession<Data> | Response> {
  return current.get().requireSession(request)
}
