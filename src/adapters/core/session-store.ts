import type { SignedInSession } from './types.js'

/**
 * A server-side session store, for apps that keep sessions on the server (Redis, a database, the
 * store of express-session): the session cookie then carries only a sealed random id.
 */
export interface SessionStore {
  get(id: string): Promise<SignedInSession | undefined> | SignedInSession | undefined
  set(id: string, session: SignedInSession, ttlSec: number): Promise<void> | void
  delete(id: string): Promise<void> | void
}

/**
 * A server-side store in this process's memory (one instance, tests, examples): sessions expire
 * after their TTL; past `maxSessions` the oldest go first.
 *
 * @example
 * ```ts
 * app.use('/auth', franceConnectRoutes({ client: fc, session: { secret, store: memorySessionStore() } }))
 * ```
 */
export function memorySessionStore(options: { maxSessions?: number } = {}): SessionStore {
  const maxSessions = options.maxSessions ?? 10_000
  const sessions = new Map<string, { session: SignedInSession; expiresAt: number }>()
  return {
    get(id) {
      const entry = sessions.get(id)
      if (entry && entry.expiresAt > Date.now()) return entry.session
      sessions.delete(id)
      return undefined
    },
    set(id, session, ttlSec) {
      while (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value as string)
      sessions.set(id, { session, expiresAt: Date.now() + ttlSec * 1000 })
    },
    delete(id) {
      sessions.delete(id)
    },
  }
}
