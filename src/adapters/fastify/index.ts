/**
 * FranceConnect for Fastify 5, as a plugin:
 * `app.register(franceConnectRoutes, { prefix: '/auth', client, session: { secret } })` serves
 * `GET /auth/login`, `GET /auth/callback`, `POST /auth/logout`, `GET /auth/logout-callback`;
 * `getSession(request)` and the `requireSession()` preHandler work on any route. Errors go to the
 * app's error handler with their SDK `code`.
 *
 * @module
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import {
  createFranceConnectCore,
  defaultInstance,
  type AdapterRequest,
  type AdapterResponse,
  type FranceConnectCore,
  type FranceConnectRoutesOptions,
  type SignedInSession,
} from '../core/index.js'

export { memorySessionStore, safeReturnTo } from '../core/index.js'
export type { FranceConnectRoutesOptions, SessionOptions, SessionStore, SignedInSession } from '../core/index.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireSession()`: the verified session. */
    franceConnectSession?: SignedInSession | undefined
  }
}

const current = defaultInstance<FranceConnectCore<any>>('fastify')

function toAdapterRequest(request: FastifyRequest): AdapterRequest {
  return {
    url: new URL(request.url, `${request.protocol}://${request.host}`),
    method: request.method,
    cookieHeader: request.headers.cookie,
    accept: request.headers.accept,
  }
}

function send(reply: FastifyReply, answer: AdapterResponse): FastifyReply {
  reply.code(answer.status).headers(answer.headers)
  if (answer.cookies.length > 0) reply.header('set-cookie', answer.cookies)
  return reply.send(answer.body)
}

/**
 * The FranceConnect routes as a Fastify plugin (register it with a `prefix`).
 *
 * @example
 * ```ts
 * import { franceConnectRoutes, getSession } from 'franceconnect-sdk/fastify'
 *
 * await app.register(franceConnectRoutes, { prefix: '/auth', client: fc, session: { secret: process.env.SESSION_SECRET! } })
 * app.get('/', async (request) => (await getSession(request))?.claims.given_name ?? 'Bonjour')
 * ```
 */
export async function franceConnectRoutes(fastify: FastifyInstance, options: FranceConnectRoutesOptions): Promise<void> {
  const core = createFranceConnectCore({ basePath: fastify.prefix, ...options })
  // the logout form posts an empty form: accept its type (Fastify answers 415 to unknown ones), ignore the body
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) =>
    done(null, undefined),
  )
  for (const { method, path, route } of core.routeTable) {
    fastify.route({ method, url: path, handler: async (request, reply) => send(reply, await route(toAdapterRequest(request))) })
  }
  current.set(core)
}

/**
 * The verified session of `request` (from the registered plugin), or `undefined`.
 *
 * @example
 * ```ts
 * const session = await getSession(request)
 * ```
 */
export function getSession<Data = unknown>(request: FastifyRequest): Promise<SignedInSession<Data> | undefined> {
  return (current.get() as FranceConnectCore<Data>).getSession(toAdapterRequest(request))
}

/**
 * A preHandler that lets signed-in requests through (`request.franceConnectSession`), redirects
 * pages to login and answers API calls 401.
 *
 * @example
 * ```ts
 * app.get('/api/me', { preHandler: requireSession() }, async (request) => request.franceConnectSession?.claims)
 * ```
 */
export function requireSession(): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const checked = await current.get().requireSession(toAdapterRequest(request))
    if ('response' in checked) return send(reply, checked.response)
    request.franceConnectSession = checked.session
  }
}
