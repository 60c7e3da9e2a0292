/**
 * A service's habilitation: the scopes registered for it. FranceConnect's core gives oidc-provider
 * the service provider's own scope list as its client `scope`
 * (france-connect/sources `back/libs/service-provider-adapter-mongo/src/services/service-provider-adapter-mongo.service.ts`),
 * so that a sign-in asking anything else ends in a redirect with `error=invalid_scope`.
 */
import type { VariantProfile } from '../platforms/index.js'

/**
 * The client `scope` to register: undefined (every scope the platform offers) when none is given,
 * else the given list with `openid`, after checking that the platform knows each scope.
 *
 * @example
 * ```ts
 * registeredScopesOf(profileFor('v2'), dataScopes, ['openid', 'given_name']) // ['openid', 'given_name']
 * ```
 */
export function registeredScopesOf(
  profile: VariantProfile,
  dataScopes: readonly string[],
  scopes: readonly string[] | undefined,
): string[] | undefined {
  if (scopes === undefined) return undefined
  const known = new Set(['openid', ...Object.keys(profile.claims), ...profile.extraScopes, ...dataScopes])
  const unknown = scopes.filter((scope) => !known.has(scope))
  if (unknown.length) throw new TypeError(`scopes: ${profile.variant} does not offer ${unknown.join(', ')}`)
  return [...new Set(['openid', ...scopes])]
}
