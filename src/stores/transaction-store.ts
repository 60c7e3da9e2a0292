/**
 * Where the client keeps a sign-in (or logout) transaction between the redirect to the provider and
 * the return: put with a time to live, read to check its browser binding, then taken once. Values
 * are opaque strings the client serialised; keys carry the client's identity and the state.
 *
 * Server-side stores (memory, Redis) keep the value; the browser holds only a random binding secret
 * whose hash is inside the value. A stateless store (`stateless: true`, the sealed cookie) keeps
 * nothing: `put` returns the sealed value, which travels in the browser's cookie and comes back as
 * `sealed` in `get` and `take`, so the cookie is the binding itself.
 */
export interface TransactionStore {
  /** Keeps `value` under `key` for `ttlSec` seconds; a stateless store returns the sealed value. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a server-side store returns nothing, a stateless one the sealed value
  put(key: string, value: string, ttlSec: number): Promise<string | void>
  /**
   * Returns the value without consuming it (`undefined` when unknown or expired), so the client can
   * check the browser's binding before it burns the transaction. A stateless store may return one
   * already consumed: its `take` is what refuses the replay.
   */
  get(key: string, sealed?: string): Promise<string | undefined>
  /** Returns the value and forgets it, atomically: a second take of the same key gets `undefined`. */
  take(key: string, sealed?: string): Promise<string | undefined>
  /** The transaction cookie's name (default `fc_tx`). */
  readonly cookieName?: string | undefined
  /** The store keeps nothing server-side: the value `put` returns is the cookie. */
  readonly stateless?: boolean | undefined
}
