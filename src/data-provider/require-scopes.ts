import { InsufficientScopeError } from '../errors/insufficient-scope-error.js'
import type { AnyAccessTokenResult } from './types.js'

/**
 * The scopes among `required` that the result was not granted: all of them for an inactive token.
 *
 * @example
 * ```ts
 * missingScopes(token, ['dgfip_rfr', 'dgfip_nbpart']) // ['dgfip_nbpart']
 * ```
 */
export function missingScopes(result: AnyAccessTokenResult, required: readonly string[]): string[] {
  const granted = new Set(result.active ? result.scopes : [])
  return [...new Set(required)].filter((scope) => !granted.has(scope))
}

/**
 * Asserts that a checktoken result is active and was granted every scope given; otherwise throws an
 * {@link InsufficientScopeError} (code `insufficient_scope`) whose `missing` lists the scopes lacking
 * (every scope, for an inactive token). After it, TypeScript knows the result is active.
 *
 * @example
 * ```ts
 * const token = await verifier.verify(accessToken)
 * requireScopes(token, ['dgfip_rfr'])
 * token.identity.family_name // token is an ActiveAccessToken here
 * ```
 */
export function requireScopes<T extends AnyAccessTokenResult>(
  result: T,
  scopes: readonly string[],
): asserts result is Extract<T, { active: true }> {
  const missing = missingScopes(result, scopes)
  if (missing.length > 0 || !result.active) throw new InsufficientScopeError(missing)
}
