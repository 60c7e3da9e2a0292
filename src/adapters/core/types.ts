import type { Client } from '../../client/create-client.js'
import type { AuthorizeOptions, Session } from '../../client/types.js'
import type { SessionStore } from './session-store.js'

/** What the core reads of a request, whatever the framework. */
export interface AdapterRequest {
  /** The request's full URL as the app sees it (its host tells loopback from the rest). */
  url: URL
  /** `GET`, `POST`… */
  method: string
  /** The Cookie header. */
  cookieHeader?: string | undefined
  /** The Accept header: HTML pages are redirected to login, API calls answered 401. */
  accept?: string | undefined
}

/** What a core route answers; each adapter writes it out with its framework's response. */
export interface AdapterResponse {
  status: number
  /** Response headers, `location` for redirects. */
  headers: Record<string, string>
  /** Set-Cookie values, one per cookie. */
  cookies: string[]
  /** HTML or JSON, `''` for a redirect. */
  body: string
}

/**
 * The session the adapters keep and `getSession()` returns: the verified {@link Session} minus the
 * tokens (kept only with `keepTokens`), plus what `onSignIn` returned.
 */
export interface SignedInSession<Data = unknown> extends Omit<Session, 'accessToken' | 'refreshToken'> {
  /** Only with `session.keepTokens: true` (FranceConnect access tokens live 60 s). */
  accessToken?: string | undefined
  /** Only with `session.keepTokens: true`. */
  refreshToken?: string | undefined
  /** What `onSignIn` returned, if it is set. */
  data?: Data | undefined
  /** When the sign-in finished, in seconds since the epoch. */
  signedInAt: number
}

/** How the signed-in session is kept. */
export interface SessionOptions {
  /**
   * Seals the session cookie: at least 32 characters, the same on every instance. An array rotates
   * secrets: the first one seals, every one opens.
   */
  secret: string | readonly string[]
  /** The session cookie's name (default `fc_session`). */
  cookieName?: string | undefined
  /** How long a session lasts, in seconds (default 1,800). */
  maxAgeSec?: number | undefined
  /** Keep the access and refresh tokens in the session (default false: the cookie stays small). */
  keepTokens?: boolean | undefined
  /**
   * A server-side store (Redis, a database, express-session's…): the cookie then carries only a
   * sealed random id. Default: the whole session in the sealed cookie.
   */
  store?: SessionStore | undefined
  /** Force the cookies' Secure attribute (default: on, except on a loopback host). */
  secure?: boolean | undefined
}

/** Options of `franceConnectRoutes()` in every adapter. */
export interface FranceConnectRoutesOptions<Data = unknown> {
  /** The SDK client (`createClient`); its `redirectUri` must point at `<basePath>/callback`. */
  client: Client
  session: SessionOptions
  /** Where the routes are mounted, as the browser sees it (default `/auth`): `requireSession()` redirects to its `/login`. */
  basePath?: string | undefined
  /** Where to go after a sign-in without `returnTo` (default `/`). */
  afterLogin?: string | undefined
  /** Where to go after a logout (default `/`). */
  afterLogout?: string | undefined
  /** Serve `GET /logout` as well as `POST /logout` (default false: a link cannot log anyone out). */
  logoutWithGet?: boolean | undefined
  /** `authorize()` options for every sign-in (`?acr=` overrides `acr`). */
  authorize?: Omit<AuthorizeOptions, 'signal'> | undefined
  /** The name of the binding cookie the client's store sets (default `fc_tx`, the SDK stores' default). */
  transactionCookieName?: string | undefined
  /**
   * Runs once the callback is verified, while the access token is fresh (it lives 60 s): fetch the
   * data APIs here; what it returns is kept in the session as `data`.
   */
  onSignIn?: (session: Session) => Data | Promise<Data>
  /**
   * When the person cancels at FranceConnect (`access_denied`): a French page (default), or a
   * redirect to a path of the app.
   */
  accessDenied?: 'page' | { redirect: string } | undefined
}
