import type { TransportOptions } from '../http/send-request.js'
import { createKeySet, type KeySet } from '../oidc/key-set.js'

const maxKeySets = 32
const byDefaultFetch = new Map<string, KeySet>()
const byCustomFetch = new WeakMap<typeof fetch, Map<string, KeySet>>()

/**
 * FranceConnect's key set for a `jwks_uri`, shared by every one-shot verification in the process, so
 * that `verifyAccessToken` does not fetch the JWKS on each call: cached per URI (and per `fetch`
 * implementation and timeout), refreshed on an unknown `kid` by {@link createKeySet}. At most 32
 * sets are kept per `fetch`; the oldest goes first.
 *
 * @example
 * ```ts
 * const keys = sharedKeySet('https://oidc.franceconnect.gouv.fr/api/v2/jwks', { timeoutMs: 5_000 })
 * ```
 */
export function sharedKeySet(jwksUri: string, transport: TransportOptions): KeySet {
  let sets = byDefaultFetch
  if (transport.fetch) {
    sets = byCustomFetch.get(transport.fetch) ?? new Map()
    byCustomFetch.set(transport.fetch, sets)
  }
  const id = `${transport.timeoutMs} ${jwksUri}`
  let keys = sets.get(id)
  if (!keys) {
    if (sets.size >= maxKeySets) {
      const oldest = sets.keys().next()
      if (!oldest.done) sets.delete(oldest.value)
    }
    keys = createKeySet(jwksUri, { timeoutMs: transport.timeoutMs, fetch: transport.fetch })
    sets.set(id, keys)
  }
  return keys
}
