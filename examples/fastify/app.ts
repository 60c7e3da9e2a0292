/**
 * The example app on Fastify 5 with `franceconnect-sdk/fastify`: the plugin serves `/login`,
 * `/callback`, `/logout`, `/logout-callback`; this file adds the welcome page and the error page
 * (../shared/site.ts).
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { franceConnectRoutes, getSession } from '../../src/adapters/fastify/index.js'
import { exampleSite, type ExampleData } from '../shared/site.js'
import type { AppOptions, WebResponse } from '../shared/web-app.js'

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
  const site = exampleSite(options, 'Fastify')
  const app = Fastify()
  app.register(franceConnectRoutes, site.routes)
  app.get('/', async (request, reply) => send(reply, site.home(await getSession<ExampleData>(request), toQuery(request.url))))
  app.setNotFoundHandler((_request, reply) => send(reply, site.notFound()))
  // the plugin passes SDK errors on, with their `code`
  app.setErrorHandler((error, _request, reply) => send(reply, site.error(error)))
  return app
}

const toQuery = (url: string) => new URL(url, 'http://app.invalid').searchParams

function send(reply: FastifyReply, answer: WebResponse): FastifyReply {
  return reply.code(answer.status).headers(answer.headers).send(answer.body)
}
