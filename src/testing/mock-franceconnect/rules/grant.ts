/**
 * What the consent grants from the `claims` authorization parameter. FranceConnect's core grants
 * every requested scope but, from `claims`, only `rep_scope` (france-connect/sources
 * `back/libs/oidc-provider/src/services/oidc-provider-grant.service.ts`); `amr` is released only
 * when `claims` asks it (`core-oidc-provider-middleware.service.ts`, overrideClaimAmrMiddleware).
 */
import type { OpVariant } from '../types.js'

/** Claims the `claims` parameter can add to a grant, per platform. */
const GRANTABLE_CLAIMS: Record<OpVariant, readonly string[] | 'all'> = {
  v2: ['rep_scope', 'amr'],
  fcplus: ['rep_scope', 'amr'],
  v1: ['rep_scope', 'amr'],
  proconnect: ['amr'],
  generic: 'all',
}

/**
 * The claim names a consent grants for a `claims` parameter: those it asks (in `id_token` or
 * `userinfo`) that the platform lets it grant; any other asked claim is dropped, not granted.
 *
 * @example
 * ```ts
 * grantedClaims('{"id_token":{"amr":{"essential":true},"given_name":null}}', 'v2') // ['amr']
 * ```
 */
export function grantedClaims(claims: string | undefined, variant: OpVariant): string[] {
  if (!claims) return []
  let requested: { id_token?: object | null; userinfo?: object | null }
  try {
    requested = JSON.parse(claims) as typeof requested
  } catch {
    return []
  }
  const asked = new Set([...Object.keys(requested?.id_token ?? {}), ...Object.keys(requested?.userinfo ?? {})])
  const grantable = GRANTABLE_CLAIMS[variant]
  return [...asked].filter((name) => grantable === 'all' || grantable.includes(name))
}
