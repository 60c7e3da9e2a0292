/**
 * Public key sets read at a registered `jwks_uri`: the data provider's (checktoken's encryption key,
 * france-connect/sources `back/apps/core-fcp/src/services/data-provider.service.ts`) and the
 * FranceConnect+ service's (ID token and userinfo encryption).
 */
import type { JWK } from 'jose'

/**
 * Fetches a JWKS (5 s timeout) and checks it holds public keys only.
 *
 * @example
 * ```ts
 * const { keys } = await fetchPublicJwks('http://127.0.0.1:4100/jwks')
 * ```
 */
export async function fetchPublicJwks(uri: string): Promise<{ keys: JWK[] }> {
  const response = await fetch(uri, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) })
  if (!response.ok) throw new Error(`jwks_uri ${uri} answered ${response.status}`)
  const body = (await response.json()) as { keys?: unknown }
  if (!Array.isArray(body.keys)) throw new Error(`jwks_uri ${uri} did not answer a key set`)
  const keys = body.keys as JWK[]
  if (keys.some((key) => typeof key !== 'object' || key === null || 'd' in key))
    throw new Error(`jwks_uri ${uri} must serve PUBLIC keys only`)
  return { keys }
}
