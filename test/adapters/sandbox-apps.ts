/**
 * Tiny apps on the Next.js and passport adapters, for their tests against the sandbox: each signs
 * in at `/login` and shows `Bonjour <given_name> <family_name>` at `/`.
 */
import type { RequestListener } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import express from 'express'
import passport from 'passport'
import { franceConnectRoutes } from '../../src/adapters/next/index.js'
import { FranceConnectStrategy } from '../../src/adapters/passport/index.js'
import { cookieStore, createClient, type ClientOptions } from '../../src/index.js'

export const secret = 'a-session-secret-of-at-least-32-characters'

const hello = (claims: Record<string, unknown> | undefined) =>
  claims ? `<h1>Bonjour ${claims.given_name} ${claims.family_name}</h1>` : '<p id="signed-out">Non connecté</p>'

/**
 * A Next.js App Router app as Next calls it: the route handlers get a `NextRequest` (`wrap`), the
 * page reads the session from the request's headers as a server component does from `headers()`.
 */
export function nextApp(sdkOptions: ClientOptions, wrap: (request: Request) => Request): RequestListener {
  const client = createClient({ ...sdkOptions, store: cookieStore({ secret }) })
  const { GET, POST, getSession } = franceConnectRoutes({ client, session: { secret }, basePath: '' })
  return getRequestListener(async (request) => {
    const url = new URL(request.url)
    if (url.pathname === '/') {
      const session = await getSession(request.headers)
      return new Response(hello(session?.claims), { headers: { 'content-type': 'text/html; charset=utf-8' } })
    }
    return request.method === 'POST' ? POST(wrap(request)) : GET(wrap(request))
  })
}

/**
 * An Express app with passport and the FranceConnect strategy (no passport session: the user is
 * shown at once, as a NestJS guard would hand it to its controller).
 */
export function passportApp(sdkOptions: ClientOptions): RequestListener {
  const client = createClient(sdkOptions)
  const authenticator = new passport.Passport()
  authenticator.use(new FranceConnectStrategy({ client }))
  const app = express()
  app.use(authenticator.initialize())
  app.get('/login', authenticator.authenticate('franceconnect', { session: false }))
  app.get(
    '/callback',
    authenticator.authenticate('franceconnect', { session: false, failureRedirect: '/?annule' }),
    (req, res) => {
      res.send(hello((req.user as { claims: Record<string, unknown> }).claims))
    },
  )
  app.get('/', (_req, res) => res.send(hello(undefined)))
  app.use(((error, _req, res, _next) => {
    res.status(400).send(`<code id="error-code">${(error as { code?: string }).code}</code>`)
  }) as express.ErrorRequestHandler)
  return app
}
