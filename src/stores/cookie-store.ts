import { ConfigurationError } from '../errors/configuration-error.js'
import { StoreError } from '../errors/store-error.js'
import { lazyModule } from '../oidc/lazy-module.js'
import type { TransactionStore } from './transaction-store.js'

/** Options of {@link cookieStore}. */
export interface CookieStoreOptions {
  /** At least 32 characters; the same on every instance. Rotate by deploying a new one. */
  secret: string
  /** The cookie's name (default `fc_tx`). */
  name?: string
}

const encoder = new TextEncoder()
// Loaded on first use: only apps with this store seal cookies.
const jweEncrypt = lazyModule(() => import('jose/jwe/compact/encrypt'))
const jweDecrypt = lazyModule(() => import('jose/jwe/compact/decrypt'))
const decoder = new TextDecoder()

/**
 * A store that keeps nothing on the server: the transaction is sealed (JWE, A256GCM, key derived
 * from `secret`) into a value that the app sets as an HttpOnly cookie and hands back at the callback.
 * Works across instances with no shared store. A sealed value is bound to its state and expires with
 * its TTL; each instance also remembers the states it consumed until they expire, so a replay to the
 * same instance is refused (a replay to another instance is stopped by the provider, which accepts a
 * code once).
 *
 * @example
 * ```ts
 * const fc = createClient({ ..., store: cookieStore({ secret: process.env.COOKIE_SECRET! }) })
 * const { url, cookie } = await fc.authorize()
 * res.cookie(cookie!.name, cookie!.value, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: cookie!.maxAgeSec * 1000 })
 * const session = await fc.callback(req.url, { cookie: req.cookies[cookie!.name] })
 * ```
 */
export function cookieStore(options: CookieStoreOptions): TransactionStore {
  if (typeof options.secret !== 'string' || options.secret.length < 32) {
    throw new ConfigurationError('configuration_invalid', 'cookieStore needs a secret of at least 32 characters')
  }
  // A 256-bit key derived from the secret, computed once.
  const keyBytes = crypto.subtle
    .digest('SHA-256', encoder.encode(`franceconnect-sdk cookie store\0${options.secret}`))
    .then((digest) => new Uint8Array(digest))
  const consumed = createConsumedSet(100_000)

  return {
    cookieName: options.name ?? 'fc_tx',
    async put(stateKey, value, ttlSec) {
      const exp = Math.floor(Date.now() / 1000) + ttlSec
      const plaintext = encoder.encode(JSON.stringify({ k: stateKey, v: value, exp }))
      const { CompactEncrypt } = await jweEncrypt()
      return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(await keyBytes)
    },
    async take(stateKey, sealed) {
      if (typeof sealed !== 'string' || sealed.length === 0) return undefined
      let opened: { k?: unknown; v?: unknown; exp?: unknown }
      try {
        const { compactDecrypt } = await jweDecrypt()
        const { plaintext } = await compactDecrypt(sealed, await keyBytes, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        })
        opened = JSON.parse(decoder.decode(plaintext)) as typeof opened
      } catch (cause) {
        throw new StoreError('store_value_invalid', 'The transaction cookie cannot be opened', cause)
      }
      const now = Math.floor(Date.now() / 1000)
      if (opened.k !== stateKey || typeof opened.v !== 'string' || typeof opened.exp !== 'number' || opened.exp <= now) {
        return undefined
      }
      // checked and marked with no await in between: two concurrent takes cannot both pass
      if (!consumed.add(stateKey, opened.exp)) return undefined
      return opened.v
    },
  }
}

/** States already consumed by this instance, remembered until they expire, bounded in number. */
function createConsumedSet(maxEntries: number): { add(key: string, expiresAtSec: number): boolean } {
  const expiries = new Map<string, number>()
  return {
    add(key, expiresAtSec) {
      const now = Date.now() / 1000
      const known = expiries.get(key)
      if (known !== undefined && known > now) return false
      if (expiries.size >= maxEntries) {
        for (const [k, exp] of expiries) if (exp <= now) expiries.delete(k)
        while (expiries.size >= maxEntries) expiries.delete(expiries.keys().next().value as string)
      }
      expiries.set(key, expiresAtSec)
      return true
    },
  }
}
