/**
 * The example app on Express 5 with `franceconnect-sdk/express`: the adapter serves `/login`,
 * `/callback`, `/logout`, `/logout-callback`; this file adds the welcome page and the error page
 * (../shared/site.ts).
 */
import express, { type ErrorRequestHandler, type Express, type Response } from 'express'
import { franceConnectRoutes, getSession } from '../../src/adapters/express/index.js'
import { exampleSite, type ExampleData } from '../shared/site.js'
import type { AppOptions, WebResponse } from '../shared/web-app.js'

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
  const site = exampleSite(options, 'Express')
  const app = express().disable('x-powered-by')
  app.use(franceConnectRoutes(site.routes))
  app.get('/', async (req, res) => send(res, site.home(await getSession<ExampleData>(req), toQuery(req.originalUrl))))
  app.use((_req, res) => send(res, site.notFound()))
  // the adapter passes SDK errors on, with their `code`
  app.use(((error, _req, res, _next) => send(res, site.error(error))) satisfies ErrorRequestHandler)
  return app
}

const toQuery = (url: string) => new URL(url, 'http://app.invalid').searchParams

function send(res: Response, answer: WebResponse): void {
  res.status(answer.status).set(answer.headers).end(answer.body)
}
