/**
 * The example app on Node's own `node:http`, with nothing but the SDK: the routing only; the
 * pages, the session and the SDK calls are in ../shared/web-app.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createWebApp, type AppOptions, type Route, type WebResponse } from '../shared/web-app.js'

export type { AppOptions } from '../shared/web-app.js'

/**
 * The app as a request listener, not listening: `createServer(createApp(options)).listen(3000)`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * createServer(createApp(appOptionsFromEnv(process.env))).listen(3000)
 * ```
 */
export function createApp(options: AppOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const app = createWebApp(options, 'node:http')
  const routes = new Map<string, Route>([
    [`GET ${app.paths.home}`, app.home],
    [`GET ${app.paths.login}`, app.login],
    [`GET ${app.paths.callback}`, app.callback],
    [`POST ${app.paths.logout}`, app.logout],
    [`GET ${app.paths.logoutCallback}`, app.logoutCallback],
  ])
  return (request, response) => {
    request.resume() // no route reads a body
    // only the path and the query are read: the host is never trusted
    const url = new URL(request.url ?? '/', 'http://app.invalid')
    const route = routes.get(`${request.method} ${url.pathname}`) ?? app.notFound
    route({ query: url.searchParams, cookie: request.headers.cookie }).then(
      (answer) => send(response, answer),
      (error: unknown) => {
        console.error(error)
        if (!response.headersSent) response.writeHead(500)
        response.end()
      },
    )
  }
}

function send(response: ServerResponse, answer: WebResponse): void {
  response.statusCode = answer.status
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value)
  if (answer.cookies.length > 0) response.setHeader('set-cookie', answer.cookies)
  response.end(answer.body)
}
