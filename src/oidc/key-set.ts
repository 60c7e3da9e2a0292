import type { JWK } from 'jose'
import { ProviderError } from '../errors/provider-error.js'
import { TokenValidationError, type TokenKind } from '../errors/token-validation-error.js'
import { readJsonObject } from '../http/read-json.js'
import { sendRequest, type TransportHooks, type TransportOptions } from '../http/send-request.js'
import { type Observe, observationHooks } from '../observability/observe.js'
import type { SharedCache } from '../stores/shared-cache.js'
import { importJwk } from './import-jwk.js'
import { singleFlight } from '../internal/single-flight.js'

/** The verification keys of one provider, fetched once, cached, refreshed on an unknown `kid`. */
export interface KeySet {
  /** The key for a JWS header, refetching the set once if the `kid` is unknown. */
  getKey(header: { kid?: string | undefined; alg: string }, kind: TokenKind): Promise<CryptoKey | Uint8Array>
  /** The one published JWK for a JWS header, with the same refetch rule, for a verifier that imports it itself. */
  getJwk(header: { kid?: string | undefined; alg: string }, kind: TokenKind): Promise<JWK>
  /** How many times the key set was fetched (for tests and benchmarks). */
  readonly fetchCount: number
}

/** Options of {@link createKeySet}. */
export interface KeySetOptions {
  /** Refetch the whole set when it is older than this (FranceConnect serves `max-age=600`). */
  maxAgeMs?: number | undefined
  /** Do not refetch on an unknown `kid` more often than this, so forged `kid`s cannot flood the provider. */
  cooldownMs?: number | undefined
  /** A cache shared with other instances: read before the first fetch, written after every fetch. */
  shared?: SharedCache | undefined
  /** Reports each fetch of the set (the client's logger, events and spans: `franceconnect.jwks`). */
  observe?: Observe | undefined
}

interface CachedKeys {
  keys: JWK[]
  fetchedAt: number
  imported: Map<string, Promise<CryptoKey | Uint8Array>>
}

/**
 * A provider's key set behind its `jwks_uri`: fetched on first use, one request however many
 * verifications wait for it, refreshed when stale or when a token names a `kid` not in it.
 *
 * @example
 * ```ts
 * const keys = createKeySet('https://oidc.franceconnect.gouv.fr/api/v2/jwks', { timeoutMs: 10_000 })
 * const key = await keys.getKey({ kid: 'pkcs11:ES256:hsm', alg: 'ES256' }, 'id_token')
 * ```
 */
export function createKeySet(jwksUri: string, transport: TransportOptions, options: KeySetOptions = {}): KeySet {
  const maxAgeMs = options.maxAgeMs ?? 600_000
  const cooldownMs = options.cooldownMs ?? 10_000
  let cached: CachedKeys | undefined
  let fetchCount = 0

  const sharedKey = `jwks:${jwksUri}`
  const fetchKeys = async (): Promise<JWK[]> => {
    fetchCount++
    const get = async (hooks?: TransportHooks) => {
      const response = await sendRequest(
        jwksUri,
        { headers: { accept: 'application/jwk-set+json, application/json' } },
        hooks ? { ...transport, hooks } : transport,
      )
      const keys = verificationKeys(readJsonObject('jwks_error', response).keys)
      if (!keys) throw new ProviderError('jwks_error', { status: response.status, providerCode: 'invalid_jwks' })
      return keys
    }
    const { observe } = options
    const keys = await (observe ? observe('franceconnect.jwks', (observation) => get(observationHooks(observation))) : get())
    // The shared cache is an optimisation: if it fails, the keys fetched are still good.
    await options.shared?.set(sharedKey, JSON.stringify(keys), Math.floor(maxAgeMs / 1000)).catch(() => undefined)
    return keys
  }
  const keep = (keys: JWK[]): CachedKeys => (cached = { keys, fetchedAt: Date.now(), imported: new Map() })
  const refresh = singleFlight(async () => keep(await fetchKeys()))
  const load = singleFlight(async () => {
    // Anyone who can write to the shared cache could plant keys there: what it holds is checked like
    // a fetched set, and an unreadable or invalid value is ignored and the provider asked instead.
    const shared = await options.shared?.get(sharedKey).catch(() => undefined)
    const fromCache = typeof shared === 'string' ? verificationKeys(parseJson(shared)) : undefined
    return keep(fromCache?.length ? fromCache : await fetchKeys())
  })

  async function current(): Promise<CachedKeys> {
    if (cached && Date.now() - cached.fetchedAt < maxAgeMs) return cached
    return cached ? refresh() : load()
  }

  async function find(header: { kid?: string | undefined; alg: string }, kind: TokenKind) {
    let set = await current()
    let match = selectKey(set.keys, header, kind)
    if (match === undefined && Date.now() - set.fetchedAt >= cooldownMs) {
      set = await refresh()
      match = selectKey(set.keys, header, kind)
    }
    if (match === undefined) {
      throw new TokenValidationError(kind, 'kid_unknown', `No key of the provider matches the ${kind} header (kid, alg)`)
    }
    return { set, match }
  }

  return {
    get fetchCount() {
      return fetchCount
    },
    async getJwk(header, kind) {
      return (await find(header, kind)).match.jwk
    },
    async getKey(header, kind) {
      const { set, match } = await find(header, kind)
      const cacheKey = `${match.index}:${header.alg}`
      let imported = set.imported.get(cacheKey)
      if (!imported) {
        imported = importJwk(match.jwk, header.alg, 'verify')
        set.imported.set(cacheKey, imported)
      }
      try {
        return await imported
      } catch (cause) {
        set.imported.delete(cacheKey)
        throw new TokenValidationError(
          kind,
          'kid_unknown',
          `The provider key for the ${kind} cannot be used with ${header.alg}`,
          cause,
        )
      }
    },
  }
}

const ktyForAlg: Record<string, string> = { ES: 'EC', RS: 'RSA', PS: 'RSA', Ed: 'OKP' }

/**
 * The keys of a JWK Set that may verify signatures: objects with a `kty`, not meant for encryption
 * (`use: 'enc'`) nor restricted to operations other than `verify` (`key_ops`). `undefined` when the
 * value is not a key set at all.
 */
function verificationKeys(value: unknown): JWK[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.filter((key): key is JWK => {
    if (typeof key !== 'object' || key === null || typeof (key as JWK).kty !== 'string') return false
    const { use, key_ops: keyOps } = key as JWK
    if (use !== undefined && use !== 'sig') return false
    return keyOps === undefined || (Array.isArray(keyOps) && keyOps.includes('verify'))
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function selectKey(
  keys: JWK[],
  header: { kid?: string | undefined; alg: string },
  kind: TokenKind,
): { jwk: JWK; index: number } | undefined {
  const kty = ktyForAlg[header.alg.slice(0, 2)]
  const candidates: { jwk: JWK; index: number }[] = []
  keys.forEach((jwk, index) => {
    if (header.kid !== undefined && jwk.kid !== header.kid) return
    if (jwk.alg !== undefined && jwk.alg !== header.alg) return
    if (kty !== undefined && jwk.kty !== kty) return
    candidates.push({ jwk, index })
  })
  // Two keys answering the same kid and alg: refuse rather than guess which one the token means.
  if (candidates.length > 1) {
    throw new TokenValidationError(kind, 'kid_unknown', `Several provider keys match the ${kind} header: refusing to choose`)
  }
  return candidates[0]
}
