import type { Session } from '../../client/types.js'
import { expiredCookie, serializeCookie } from './cookies.js'
import { createSealer } from './seal.js'
import type { SessionOptions, SignedInSession } from './types.js'

/** Reads, writes and ends the signed-in session of a request, in its sealed cookie or the app's store. */
export interface SessionKeeper {
  readonly cookieName: string
  /** The session the cookies carry, or `undefined` (none, tampered, expired, unknown secret, gone from the store). */
  read(cookies: Record<string, string>): Promise<SignedInSession | undefined>
  /** Keeps `session` and returns the Set-Cookie value that carries it. */
  write(session: SignedInSession, secure: boolean): Promise<string>
  /** Forgets the session of `cookies` and returns the Set-Cookie value that deletes the cookie. */
  end(cookies: Record<string, string>, secure: boolean): Promise<string>
}

/** What goes in the sealed cookie: the session itself, or the id of a session kept in the app's store. */
type Sealed = { session: SignedInSession } | { id: string }

/**
 * The session as the adapters keep it: the verified {@link Session} without its tokens (unless
 * `keepTokens`), with `onSignIn`'s data.
 *
 * @example
 * ```ts
 * toSignedInSession(session, { keepTokens: false }, data).accessToken // undefined
 * ```
 */
export function toSignedInSession<Data>(
  session: Session,
  options: { keepTokens?: boolean | undefined },
  data?: Data,
): SignedInSession<Data> {
  const { accessToken, refreshToken, ...rest } = session
  return {
    ...rest,
    ...(options.keepTokens ? { accessToken, ...(refreshToken ? { refreshToken } : {}) } : {}),
    ...(data === undefined ? {} : { data }),
    signedInAt: Math.floor(Date.now() / 1000),
  }
}

function isSignedInSession(value: unknown): value is SignedInSession {
  const session = value as SignedInSession | undefined
  return typeof session?.sub === 'string' && typeof session.idToken === 'string' && typeof session.claims === 'object'
}

/**
 * The keeper of `options`: the whole session sealed in the cookie, or only a sealed random id when
 * a `store` is given.
 *
 * @example
 * ```ts
 * const keeper = createSessionKeeper({ secret: process.env.SESSION_SECRET! })
 * const setCookie = await keeper.write(signedIn, true)
 * await keeper.read(parseCookieHeader(request.headers.get('cookie') ?? undefined))
 * ```
 */
export function createSessionKeeper(options: SessionOptions): SessionKeeper {
  const sealer = createSealer(options.secret)
  const cookieName = options.cookieName ?? 'fc_session'
  const maxAgeSec = options.maxAgeSec ?? 1800
  const store = options.store

  async function opened(cookies: Record<string, string>): Promise<Sealed | undefined> {
    return (await sealer.open(cookies[cookieName])) as Sealed | undefined
  }

  return {
    cookieName,
    async read(cookies) {
      const sealed = await opened(cookies)
      if (!sealed) return undefined
      const session = 'id' in sealed ? (typeof sealed.id === 'string' ? await store?.get(sealed.id) : undefined) : sealed.session
      return isSignedInSession(session) ? session : undefined
    },
    async write(session, secure) {
      let sealed: Sealed = { session }
      if (store) {
        const id = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
        await store.set(id, session, maxAgeSec)
        sealed = { id }
      }
      return serializeCookie(cookieName, await sealer.seal(sealed, maxAgeSec), { maxAgeSec, secure: secure })
    },
    async end(cookies, secure) {
      const sealed = store ? await opened(cookies) : undefined
      if (sealed && 'id' in sealed && typeof sealed.id === 'string') await store?.delete(sealed.id)
      return expiredCookie(cookieName, secure)
    },
  }
}
