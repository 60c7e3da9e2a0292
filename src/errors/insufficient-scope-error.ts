import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** The code of a {@link InsufficientScopeError}. */
export type InsufficientScopeErrorCode = 'insufficient_scope'

/**
 * An access token is valid but was not granted every scope the data provider's route needs (or is
 * not active at all, in which case every scope is missing). `missing` lists the scopes lacking, so
 * that the answer can name them (`WWW-Authenticate: Bearer error="insufficient_scope", scope="…"`).
 *
 * @example
 * ```ts
 * requireScopes(token, ['dgfip_rfr', 'dgfip_nbpart'])
 * // throws InsufficientScopeError { code: 'insufficient_scope', missing: ['dgfip_nbpart'] }
 * ```
 */
export class InsufficientScopeError extends FranceConnectSdkError {
  override name = 'InsufficientScopeError'
  declare readonly code: InsufficientScopeErrorCode
  /** The scopes that were needed and not granted (scope names, never personal data). */
  readonly missing: readonly string[]
  constructor(missing: readonly string[]) {
    super(
      'insufficient_scope',
      missing.length > 0 ? `The access token lacks the scopes: ${missing.join(' ')}` : 'The access token is not active',
    )
    this.missing = missing
  }
}
