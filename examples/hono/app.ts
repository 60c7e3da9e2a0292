/**
 * The example app on Hono 4 with `franceconnect-sdk/hono`: the adapter serves `/login`,
 * `/callback`, `/logout`, `/logout-callback`; this file adds the welcome page and the error page
 * (../shared/site.ts). Hono speaks Request/Response, so the same app runs on Node (through
 * `@hono/node-server`), Deno or Bun.
 */
import { Hono } from 'hono'
import { franceConnectRoutes, getSession } from '../../src/adapters/hono/index.js'
import { exampleSite, type ExampleData } from '../shared/site.js'
import type { AppOptions, WebResponse } from '../shared/web-app.js'

export type { AppOptions } from '../shared/web-app.js'

/**
 * The Hono app, not listening: `serve({ fetch: createApp(options).fetch, port: 3000 })`.
 *
 * @example
 * ```ts
 * import { serve } from '@hono/node-server'
 * serve({ fetch: createApp(appOptionsFromEnv(process.env)).fetch, port: 3000, hostname: '127.0.0.1' })
 * ```
 */
export function createApp(options: AppOptions): Hono {
  const site = exampleSite(options, 'Hono')
  const app = new Hono()
  app.route('/', franceConnectRoutes(site.routes))
  app.get('/', async (c) => toResponse(site.home(await getSession<ExampleData>(c), new URL(c.req.url).searchParams)))
  app.notFound(() => toResponse(site.notFound()))
  // the adapter passes SDK errors on, with their `code`
  app.onError((error) => toResponse(site.error(error)))
  return app
}

function toResponse(answer: WebResponse): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers })
}
