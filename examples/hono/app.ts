/**
 * The example app on Hono 4: the routing only; the pages, the session and the SDK calls are in
 * ../shared/web-app.ts. Hono speaks Request/Response, so the same app runs on Node (through
 * `@hono/node-server`), Deno or Bun.
 */
import { Hono, type Context } from 'hono'
import { createWebApp, type AppOptions, type Route, type WebResponse } from '../shared/web-app.js'

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
  const web = createWebApp(options, 'Hono')
  const app = new Hono()
  const handle = (route: Route) => async (context: Context) =>
    toResponse(await route({ query: new URL(context.req.url).searchParams, cookie: context.req.header('cookie') }))
  app.get(web.paths.home, handle(web.home))
  app.get(web.paths.login, handle(web.login))
  app.get(web.paths.callback, handle(web.callback))
  app.post(web.paths.logout, handle(web.logout))
  app.get(web.paths.logoutCallback, handle(web.logoutCallback))
  app.notFound(handle(web.notFound))
  return app
}

function toResponse(answer: WebResponse): Response {
  const headers = new Headers(answer.headers)
  for (const cookie of answer.cookies) headers.append('set-cookie', cookie)
  return new Response(answer.body === '' ? null : answer.body, { status: answer.status, headers })
}
