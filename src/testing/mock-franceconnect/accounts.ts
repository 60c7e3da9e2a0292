/** The mock's accounts as oidc-provider sees them: each person's releasable claims on a platform. */
import type { KoaishContext } from './load-oidc-provider.js'
import type { VariantProfile } from './platforms/index.js'
import type { MockIdentity } from './types.js'

/** The claim names a platform can release (every claim its scopes map to). */
function releasableClaims(profile: VariantProfile): Set<string> {
  const names = new Set<string>()
  for (const claims of Object.values(profile.claims)) for (const claim of claims ?? []) names.add(claim)
  for (const [claim, scope] of Object.entries(profile.claims)) if (scope === null) names.add(claim)
  names.delete('sub')
  names.delete('acr')
  names.delete('auth_time')
  return names
}

/** The claims an identity can release on a platform (oidc-provider filters them by scope and `claims`). */
function accountClaims(profile: VariantProfile, identity: MockIdentity, releasable: Set<string>): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(identity)) if (value !== undefined && releasable.has(key)) claims[key] = value
  if (profile.variant === 'fcplus') {
    // FC+ identity comes from the IdP; rnipp_* twins carry the RNIPP version (same values here)
    for (const key of ['gender', 'family_name', 'given_name', 'birthdate', 'birthplace', 'birthcountry']) {
      if (identity[key] !== undefined) claims[`rnipp_${key}`] = identity[key]
    }
    claims.rnipp_given_name_array = identity.given_name_array ?? identity.given_name.split(' ')
  }
  return claims
}

/**
 * oidc-provider's `findAccount` for a platform and its people.
 *
 * @example
 * ```ts
 * const configuration = { findAccount: accountFinder(profile, (id) => people.find((person) => person.id === id)) }
 * ```
 */
export function accountFinder(profile: VariantProfile, identity: (accountId: string) => MockIdentity | undefined) {
  const releasable = releasableClaims(profile)
  return async (_ctx: KoaishContext, accountId: string) => {
    const found = identity(accountId)
    if (!found) return undefined
    return { accountId, claims: async () => accountClaims(profile, found, releasable) }
  }
}
