/**
 * The example app on Fastify 5: the routing only; the pages, the session and the SDK calls are in
 * ../shared/web-app.ts.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { createWebApp, type AppOptions, type Route, type WebResponse } from '../shared/web-app.js'

export type { AppOptions } from '../shared/web-app.js'

/**
 * The Fastify instance, not listening: `await createApp(options).listen({ port: 3000 })`.
 *
 * @example
 * ```ts
 * await createApp(appOptionsFromEnv(process.env)).listen({ port: 3000, host: '127.0.0.1' })
 * ```
 */
export function createApp(options: AppOptions): FastifyInstance {
  const web = createWebApp(options, 'Fastify')
  const app = Fastify()
  // the logout form posts an empty form: accept the type (Fastify answers 415 to unknown ones)
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) =>
    done(null, undefined),
  )
  const handle = (route: Route) => async (request: FastifyRequest, reply: FastifyReply) => {
    const query = new URL(request.url, 'http://app.invalid').searchParams
    return send(reply, await route({ query, cookie: request.headers.cookie }))
  }
  app.get(web.paths.home, handle(web.home))
  app.get(web.paths.login, handle(web.login))
  app.get(web.paths.callback, handle(web.callback))
  app.post(web.paths.logout, handle(web.logout))
  app.get(web.paths.logoutCallback, handle(web.logoutCallback))
  app.setNotFoundHandler(handle(web.notFound))
  return app
}

function send(reply: FastifyReply, answer: WebResponse): FastifyReply {
  reply.code(answer.status).headers(answer.headers)
  if (answer.cookies.length > 0) reply.header('set-cookie', answer.cookies)
  return reply.send(answer.body)
}
