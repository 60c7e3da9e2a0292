/**
 * FranceConnect's error codes for the pages oidc-provider renders itself (france-connect/sources
 * `back/_doc/erreurs.md`; `Y` + 2-digit scope + code): unknown client, unregistered redirect_uri,
 * and the generic oidc-provider error.
 */
import type { VariantProfile } from '../platforms/index.js'

/**
 * The code of an oidc-provider error page on a FranceConnect platform, or undefined elsewhere.
 *
 * @example
 * ```ts
 * fcErrorCode(profileFor('v2'), 'authorization', 'invalid_client', undefined) // 'Y04EA6EF'
 * ```
 */
export function fcErrorCode(
  profile: VariantProfile,
  route: string | undefined,
  error: string,
  description: string | undefined,
): string | undefined {
  if (!profile.strictAuthorize) return undefined
  if (error === 'invalid_client') return 'Y04EA6EF'
  if (error === 'invalid_redirect_uri') return 'Y04C013C'
  // ProConnect documents Y030111 for an unregistered post_logout_redirect_uri; FC's own code was not captured
  if (route === 'end_session' && description?.includes('post_logout_redirect_uri')) return 'Y030111'
  if (route === 'authorization') return profile.strictAuthorize.errorCode
  return 'Y040001'
}
