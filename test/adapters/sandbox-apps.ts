/**
 * Tiny apps on the Next.js and passport adapters, for their tests against the sandbox: each signs
 * in at `/login` and shows `Bonjour <given_name> <family_name>` at `/`, the FranceConnect button
 * when signed out and a "Se déconnecter" button (POST `/logout`) when signed in, so that a real
 * browser can walk them as it walks the examples.
 */
import type { RequestListener } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import express from 'express'
import session from 'express-session'
import { NextRequest } from 'next/server.js'
import passport from 'passport'
import { parseCookieHeader } from '../../src/adapters/core/cookies.js'
import { franceConnectRoutes } from '../../src/adapters/next/index.js'
import { FranceConnectStrategy, type SignedInSession } from '../../src/adapters/passport/index.js'
import { cookieStore, createClient, type ClientOptions } from '../../src/index.js'
import { franceConnectButton } from '../../examples/shared/html.js'

export const secret = 'a-session-secret-of-at-least-32-characters'

/** The page: the name and a logout button when signed in, the FranceConnect button otherwise. */
const hello = (claims: Record<string, unknown> | undefined) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Adapter</title></head><body>${
    claims
      ? `<h1>Bonjour ${claims.given_name} ${claims.family_name}</h1>
<form method="post" action="/logout"><button type="submit">Se déconnecter</button></form>`
      : `<p id="signed-out">Non connecté</p>\n${franceConnectButton('/login')}`
  }</body></html>`

/** The `NextRequest` Next.js hands a route handler, made from the Web `Request` of the Node server. */
export const toNextRequest = (request: Request): Request =>
  new NextRequest(request.url, { method: request.method, headers: request.headers })

/**
 * A Next.js App Router app as Next calls it: the route handlers get a `NextRequest` (`wrap`), the
 * page reads the session from the request's headers as a server component does from `headers()`.
 * Node's requests become Web `Request`s and the handlers' `Response`s go back to Node through
 * `@hono/node-server`'s request listener. After logout, back at `/?deconnecte`.
 */
export function nextApp(sdkOptions: ClientOptions, wrap: (request: Request) => Request = toNextRequest): RequestListener {
  const client = createClient({ ...sdkOptions, store: cookieStore({ secret }) })
  const { GET, POST, getSession } = franceConnectRoutes({
    client,
    session: { secret },
    basePath: '',
    afterLogout: '/?deconnecte',
  })
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
 * An Express app with passport and the FranceConnect strategy.
 *
 * Without `session` (the default): no passport session, the user is shown at once on the callback,
 * as a NestJS guard would hand it to its controller.
 *
 * With `session: true`: passport's own session in express-session (cookie `session`, HttpOnly,
 * SameSite=Lax), as a NestJS app with `PassportModule.register({ session: true })`: the callback
 * redirects to `/`, which shows the user; `POST /logout` ends the session and starts the
 * FranceConnect logout with the user's ID token (`fc.logout(user.idToken)`, its binding cookie
 * set), and `/logout-callback` checks it and lands on `/?deconnecte`.
 */
export function passportApp(sdkOptions: ClientOptions, options: { session?: boolean } = {}): RequestListener {
  const client = createClient(sdkOptions)
  const authenticator = new passport.Passport()
  authenticator.use(new FranceConnectStrategy({ client }))
  const app = express()
  if (options.session) {
    app.use(
      session({
        name: 'session',
        secret,
        resave: false,
        saveUninitialized: false,
        cookie: { httpOnly: true, sameSite: 'lax', secure: false },
      }),
    )
    authenticator.serializeUser((user, done) => done(null, user))
    authenticator.deserializeUser((user: Express.User, done) => done(null, user))
  }
  app.use(authenticator.initialize())
  if (options.session) {
    app.use(authenticator.session())
    app.get('/login', authenticator.authenticate('franceconnect'))
    app.get('/callback', authenticator.authenticate('franceconnect', { successRedirect: '/', failureRedirect: '/?annule' }))
    app.get('/', (req, res) => res.send(hello((req.user as SignedInSession | undefined)?.claims)))
    app.post('/logout', async (req, res, next) => {
      const user = req.user as SignedInSession | undefined
      if (!user) return res.redirect(303, '/')
      try {
        const { url, cookie } = await client.logout(user.idToken)
        req.logout((error) => {
          if (error) return next(error)
          req.session.destroy((destroyError) => {
            if (destroyError) return next(destroyError)
            res.clearCookie('session')
            res.cookie(cookie.name, cookie.value, { httpOnly: true, sameSite: 'lax', maxAge: cookie.maxAgeSec * 1000 })
            res.redirect(303, url)
          })
        })
      } catch (error) {
        next(error)
      }
    })
    app.get('/logout-callback', async (req, res, next) => {
      try {
        const cookies = parseCookieHeader(req.headers.cookie)
        await client.logoutCallback(new URL(req.originalUrl, 'http://localhost').searchParams, {
          cookie: cookies.fc_tx_logout,
        })
        res.clearCookie('fc_tx_logout')
        res.redirect(303, '/?deconnecte')
      } catch (error) {
        next(error)
      }
    })
  } else {
    app.get('/login', authenticator.authenticate('franceconnect', { session: false }))
    app.get(
      '/callback',
      authenticator.authenticate('franceconnect', { session: false, failureRedirect: '/?annule' }),
      (req, res) => {
        res.send(hello((req.user as { claims: Record<string, unknown> }).claims))
      },
    )
    app.get('/', (_req, res) => res.send(hello(undefined)))
  }
  app.use(((error, _req, res, _next) => {
    res.status(400).send(`<code id="error-code">${(error as { code?: string }).code}</code>`)
  }) as express.ErrorRequestHandler)
  return app
}
