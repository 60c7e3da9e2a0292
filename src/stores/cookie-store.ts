import { ConfigurationError } from '../errors/configuration-error.js'
import { StoreError } from '../errors/store-error.js'
import { lazyModule } from '../internal/lazy-module.js'
import type { TransactionStore } from './transaction-store.js'

/** Options of {@link cookieStore}. */
export interface CookieStoreOptions {
  /** At least 32 characters; the same on every instance. Rotate by deploying a new one. */
  secret: string
  /** The cookie's name (default `fc_tx`). */
  name?: string | undefined
  /**
   * How many consumed, unexpired sign-ins one instance remembers to refuse their replay (default
   * 100,000); past it, new sign-ins fail with `store_full` until some expire.
   */
  maxConsumed?: number | undefined
}

const encoder = new TextEncoder()
// Loaded on first use: only apps with this store seal cookies.
const jweEncrypt = lazyModule(() => import('jose/jwe/compact/encrypt'))
const jweDecrypt = lazyModule(() => import('jose/jwe/compact/decrypt'))
const decoder = new TextDecoder()

/**
 * A store that keeps nothing on the server: the transaction is sealed (JWE, A256GCM, key derived
 * from `secret`) into a value that the app sets as an HttpOnly cookie and hands back at the callback;
 * that cookie is also what binds the sign-in to the browser. Works across instances with no shared
 * store. A sealed value is bound to its client and state and expires with its TTL; each instance
 * also remembers the states it consumed until they expire, so a replay to the same instance is
 * refused (a replay to another instance is stopped by the provider, which accepts a code once).
 * That memory is never shortened to make room: when `maxConsumed` unexpired states are remembered,
 * new sign-ins are refused with `StoreError('store_full')` until some expire.
 *
 * @example
 * ```ts
 * const fc = createClient({ ..., store: cookieStore({ secret: process.env.COOKIE_SECRET! }) })
 * const { url, cookie } = await fc.authorize()
 * res.cookie(cookie.name, cookie.value, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: cookie.maxAgeSec * 1000 })
 * const session = await fc.callback(req.url, { cookie: req.cookies[cookie.name] })
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
  const consumed = createConsumedSet(options.maxConsumed ?? 100_000)

  /** The transaction sealed in `sealed` for `key`, or undefined when it is another one or expired. */
  async function open(key: string, sealed: string | undefined): Promise<{ value: string; exp: number } | undefined> {
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
    if (opened.k !== key || typeof opened.v !== 'string' || typeof opened.exp !== 'number' || opened.exp <= now) {
      return undefined
    }
    return { value: opened.v, exp: opened.exp }
  }

  return {
    cookieName: options.name ?? 'fc_tx',
    stateless: true,
    async put(key, value, ttlSec) {
      consumed.assertRoom()
      const exp = Math.floor(Date.now() / 1000) + ttlSec
      const plaintext = encoder.encode(JSON.stringify({ k: key, v: value, exp }))
      const { CompactEncrypt } = await jweEncrypt()
      return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(await keyBytes)
    },
    async get(key, sealed) {
      // A consumed one is still returned: the cookie is this browser's, and `take` refuses the replay.
      return (await open(key, sealed))?.value
    },
    async take(key, sealed) {
      const opened = await open(key, sealed)
      if (!opened) return undefined
      // checked and marked with no await in between: two concurrent takes cannot both pass
      return consumed.add(key, opened.exp) ? opened.value : undefined
    },
  }
}

/**
 * The states this instance consumed, each remembered until its sealed value expires: a consumed
 * state must stay refused as long as its cookie could be replayed, so an unexpired entry is never
 * evicted. Past `maxEntries` unexpired entries, the store refuses rather than forgets.
 */
function createConsumedSet(maxEntries: number): {
  add(key: string, expiresAtSec: number): boolean
  assertRoom(): void
} {
  // Insertion order is close to expiry order (one TTL per client), so expired entries are at the front.
  const expiries = new Map<string, number>()
  let nextFullSweepAt = 0

  function sweep(): void {
    const now = Date.now() / 1000
    for (const [key, exp] of expiries) {
      if (exp > now) break
      expiries.delete(key)
    }
    // A TTL shorter than an earlier one leaves expired entries behind a live one: sweep all, at most once a second.
    if (expiries.size >= maxEntries && Date.now() >= nextFullSweepAt) {
      nextFullSweepAt = Date.now() + 1000
      for (const [key, exp] of expiries) if (exp <= now) expiries.delete(key)
    }
  }

  function assertRoom(): void {
    sweep()
    if (expiries.size >= maxEntries) {
      throw new StoreError('store_full', `This instance remembers ${maxEntries} unexpired consumed sign-ins: try again later`)
    }
  }

  return {
    add(key, expiresAtSec) {
      const known = expiries.get(key)
      if (known !== undefined && known > Date.now() / 1000) return false
      assertRoom()
      expiries.delete(key)
      expiries.set(key, expiresAtSec)
      return true
    },
    assertRoom,
  }
}
