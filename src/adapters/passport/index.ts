/**
 * FranceConnect as a passport strategy (what NestJS apps use through `@nestjs/passport`):
 * `passport.authenticate('franceconnect')` on the login route redirects to the provider with the
 * binding cookie set; on the callback route it finishes the sign-in with that cookie, every check
 * done, and hands passport the session (without its tokens unless `keepTokens`). Passport's own
 * session (express-session…) keeps the user.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Strategy } from 'passport-strategy'
import type { Client } from '../../client/create-client.js'
import type { AuthorizeOptions, Session } from '../../client/types.js'
import { isFranceConnectSdkError } from '../../errors/franceconnect-sdk-error.js'
import { isLoopbackHost } from '../../http/secure-url.js'
import { expiredCookie, parseCookieHeader, serializeCookie, toSignedInSession, type SignedInSession } from '../core/index.js'

export type { SignedInSession } from '../core/index.js'

/** Options of {@link FranceConnectStrategy}. */
export interface FranceConnectStrategyOptions {
  /** The SDK client (`createClient`). */
  client: Client
  /** The strategy's name (default `franceconnect`). */
  name?: string | undefined
  /** `authorize()` options for every sign-in (`?acr=` on the login route overrides `acr`). */
  authorize?: Omit<AuthorizeOptions, 'signal'> | undefined
  /** The binding cookie's name (default `fc_tx`, the SDK stores' default). */
  transactionCookieName?: string | undefined
  /** Keep the access and refresh tokens in the user (default false). */
  keepTokens?: boolean | undefined
  /** Force the binding cookie's Secure attribute (default: on, except on a loopback host). */
  secure?: boolean | undefined
}

/** Turns the verified session into passport's user (default: the session without its tokens). */
export type VerifyFunction = (session: Session) => unknown | Promise<unknown>

type NodeRequest = IncomingMessage & { originalUrl?: string | undefined; res?: ServerResponse | undefined }

function appendSetCookie(response: ServerResponse | undefined, value: string): void {
  if (!response) return
  const previous = response.getHeader('set-cookie')
  const list = Array.isArray(previous) ? previous : previous === undefined ? [] : [String(previous)]
  response.setHeader('set-cookie', [...list, value])
}

/**
 * The FranceConnect strategy: one instance per client.
 *
 * @example
 * ```ts
 * import passport from 'passport'
 * import { FranceConnectStrategy } from 'franceconnect-sdk/passport'
 *
 * passport.use(new FranceConnectStrategy({ client: fc }))
 * app.get('/auth/login', passport.authenticate('franceconnect'))
 * app.get('/auth/callback', passport.authenticate('franceconnect', { successRedirect: '/', failureRedirect: '/' }))
 * ```
 */
export class FranceConnectStrategy extends Strategy {
  // plain properties, not #private ones: passport calls `authenticate` on `Object.create(strategy)`
  readonly name: string
  private readonly options: FranceConnectStrategyOptions
  private readonly verify: VerifyFunction

  constructor(options: FranceConnectStrategyOptions, verify?: VerifyFunction) {
    super()
    this.name = options.name ?? 'franceconnect'
    this.options = options
    this.verify =
      verify ?? ((session): SignedInSession => toSignedInSession(session, { keepTokens: options.keepTokens ?? false }))
  }

  /** Starts the sign-in, or finishes it when the request is the provider's callback (`code` or `error`). */
  override authenticate(req: NodeRequest): void {
    const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
    const secure = this.options.secure ?? !isLoopbackHost(url.hostname)
    const isCallback = url.searchParams.has('code') || url.searchParams.has('error')
    const step = isCallback ? this.finish(req, url, secure) : this.start(req, url, secure)
    step.catch((error: unknown) => this.error(error as Error))
  }

  private async start(req: NodeRequest, url: URL, secure: boolean): Promise<void> {
    const acr = url.searchParams.get('acr') ?? this.options.authorize?.acr
    const { url: target, cookie } = await this.options.client.authorize({ ...this.options.authorize, ...(acr ? { acr } : {}) })
    appendSetCookie(req.res, serializeCookie(cookie.name, cookie.value, { maxAgeSec: cookie.maxAgeSec, secure }))
    this.redirect(target, 303)
  }

  private async finish(req: NodeRequest, url: URL, secure: boolean): Promise<void> {
    const name = this.options.transactionCookieName ?? 'fc_tx'
    const binding = parseCookieHeader(req.headers.cookie)[name]
    appendSetCookie(req.res, expiredCookie(name, secure))
    let session: Session
    try {
      session = await this.options.client.callback(url.searchParams, { cookie: binding })
    } catch (error) {
      // the person cancelled at FranceConnect: a failure (failureRedirect), not an error
      if (isFranceConnectSdkError(error) && error.code === 'access_denied') return this.fail({ message: 'access_denied' }, 403)
      throw error
    }
    this.success(await this.verify(session))
  }
}
