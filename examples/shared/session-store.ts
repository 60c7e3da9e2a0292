/**
 * Sessions of the example apps: the data stays on the server, in memory, under a random id; the
 * browser holds only that id, signed with HMAC-SHA-256 (`<id>.<signature>`), in an HttpOnly cookie.
 *
 * Why not the whole session in a signed cookie: the identity, the data of the five seed APIs and
 * the ID token weigh 3.8 KB as JSON, 5 KB once encoded into a cookie value, past the 4 KB browsers
 * keep per cookie; and a signed cookie is readable by anyone holding it: personal data (NIR,
 * income, address) has no business travelling in it. A signed id costs one Map lookup, and a
 * forged or tampered id is refused before any lookup.
 *
 * In memory means one process: behind a load balancer, put the sessions in a shared store (Redis…).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { clearCookie, parseCookies, serializeCookie } from './cookies.js'

/** Options of {@link createSessionStore}. */
export interface SessionStoreOptions {
  /** Signs the session ids; at least 32 characters. */
  secret: string
  /** The cookie's name (default `session`). */
  cookieName?: string
  /** How long a session lives, in seconds (default 1,800). */
  ttlSec?: number
  /** At most this many sessions are kept; the oldest go first (default 10,000). */
  maxSessions?: number
  /** Send the cookie over HTTPS only. */
  secure: boolean
}

/** Sessions keyed by a signed random id. */
export interface SessionStore<T> {
  /** Keeps `value` and returns the Set-Cookie value that carries its id. */
  create(value: T): string
  /** The session of a request (its Cookie header), if its id is genuine and not expired. */
  get(cookieHeader: string | undefined): T | undefined
  /** Forgets the request's session and returns the Set-Cookie value that deletes the cookie. */
  destroy(cookieHeader: string | undefined): string
  /** How many sessions are kept (for tests). */
  readonly size: number
}

/**
 * An in-memory session store whose ids travel in a signed cookie.
 *
 * @example
 * ```ts
 * const sessions = createSessionStore<{ name: string }>({ secret: process.env.SESSION_SECRET!, secure: true })
 * res.setHeader('set-cookie', sessions.create({ name: 'DUBOIS' }))
 * sessions.get(req.headers.cookie) // { name: 'DUBOIS' }
 * ```
 */
export function createSessionStore<T>(options: SessionStoreOptions): SessionStore<T> {
  if (typeof options.secret !== 'string' || options.secret.length < 32) {
    throw new Error('createSessionStore: the secret must have at least 32 characters')
  }
  const cookieName = options.cookieName ?? 'session'
  const ttlMs = (options.ttlSec ?? 1800) * 1000
  const maxSessions = options.maxSessions ?? 10_000
  const sessions = new Map<string, { value: T; expiresAt: number }>()

  const sign = (id: string) => createHmac('sha256', options.secret).update(id).digest('base64url')

  /** The id in a cookie value, if its signature is right. */
  const verifiedId = (cookieHeader: string | undefined): string | undefined => {
    const raw = parseCookies(cookieHeader)[cookieName]
    if (!raw) return undefined
    const dot = raw.lastIndexOf('.')
    if (dot <= 0) return undefined
    const id = raw.slice(0, dot)
    const given = Buffer.from(raw.slice(dot + 1))
    const expected = Buffer.from(sign(id))
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined
  }

  return {
    create(value) {
      const now = Date.now()
      for (const [id, entry] of sessions) if (entry.expiresAt <= now) sessions.delete(id)
      while (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value as string)
      const id = randomBytes(32).toString('base64url')
      sessions.set(id, { value, expiresAt: now + ttlMs })
      return serializeCookie(cookieName, `${id}.${sign(id)}`, { maxAgeSec: ttlMs / 1000, secure: options.secure })
    },
    get(cookieHeader) {
      const id = verifiedId(cookieHeader)
      const entry = id === undefined ? undefined : sessions.get(id)
      if (!entry || id === undefined) return undefined
      if (entry.expiresAt <= Date.now()) {
        sessions.delete(id)
        return undefined
      }
      return entry.value
    },
    destroy(cookieHeader) {
      const id = verifiedId(cookieHeader)
      if (id !== undefined) sessions.delete(id)
      return clearCookie(cookieName, options.secure)
    },
    get size() {
      return sessions.size
    },
  }
}
