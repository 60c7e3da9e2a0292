/**
 * The example app on Express 5: the routing only; the pages, the session and the SDK calls are in
 * ../shared/web-app.ts.
 */
import express, { type Express, type Request, type Response } from 'express'
import { createWebApp, type AppOptions, type Route, type WebResponse } from '../shared/web-app.js'

export type { AppOptions } from '../shared/web-app.js'

/**
 * The Express app, not listening: `createApp(options).listen(3000)`.
 *
 * @example
 * ```ts
 * createApp(appOptionsFromEnv(process.env)).listen(3000)
 * ```
 */
export function createApp(options: AppOptions): Express {
  const web = createWebApp(options, 'Express')
  const app = express()
  app.disable('x-powered-by')
  // Express 5 passes a rejected promise to its error handler: no try/catch needed here
  const handle = (route: Route) => async (request: Request, response: Response) => {
    const query = new URL(request.originalUrl, 'http://app.invalid').searchParams
    send(response, await route({ query, cookie: request.headers.cookie }))
  }
  app.get(web.paths.home, handle(web.home))
  app.get(web.paths.login, handle(web.login))
  app.get(web.paths.callback, handle(web.callback))
  app.post(web.paths.logout, handle(web.logout))
  app.get(web.paths.logoutCallback, handle(web.logoutCallback))
  app.use(handle(web.notFound))
  return app
}

function send(response: Response, answer: WebResponse): void {
  response.status(answer.status).set(answer.headers)
  if (answer.cookies.length > 0) response.append('set-cookie', answer.cookies)
  response.end(answer.body)
}
