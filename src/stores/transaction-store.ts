/**
 * Where the client keeps a sign-in (or logout) transaction between the redirect to the provider and
 * the return: put with a time to live, taken once. Values are opaque strings the client serialised.
 *
 * Stateless stores (the sealed cookie) return the value to hand to the browser from `put`, and get it
 * back as `sealed` in `take`.
 */
export interface TransactionStore {
  /** Keeps `value` under `key` for `ttlSec` seconds; a stateless store returns the sealed value. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a server-side store returns nothing, a stateless one the sealed value
  put(key: string, value: string, ttlSec: number): Promise<string | void>
  /** Returns the value and forgets it, atomically: a second take of the same key gets `undefined`. */
  take(key: string, sealed?: string): Promise<string | undefined>
  /** For stores that travel in a cookie: its name. */
  readonly cookieName?: string
}
