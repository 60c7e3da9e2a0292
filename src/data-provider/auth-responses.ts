import { ConfigurationError } from '../errors/configuration-error.js'
import { InsufficientScopeError } from '../errors/insufficient-scope-error.js'
import { ProviderError } from '../errors/provider-error.js'
import { TransportError } from '../errors/transport-error.js'
import { isFranceConnectSdkError, type FranceConnectSdkError } from '../errors/franceconnect-sdk-error.js'
import type { AuthenticateFailure } from './types.js'

/** The realm of the challenges when none is given. */
export const defaultRealm = 'api'

// RFC 7230 quoted-string content without DQUOTE and backslash, so no escaping is ever needed.
const quotable = /^[\x20\x21\x23-\x5B\x5D-\x7E]*$/
// RFC 6749 §3.3 scope-token.
const scopeToken = /^[\x21\x23-\x5B\x5D-\x7E]+$/

/**
 * Refuses a realm that cannot be written as a plain quoted string.
 *
 * @example
 * ```ts
 * assertRealm('revenus') // ok; assertRealm('a"b') throws ConfigurationError
 * ```
 */
export function assertRealm(realm: unknown): asserts realm is string {
  if (typeof realm !== 'string' || !quotable.test(realm)) {
    throw new ConfigurationError('configuration_invalid', 'realm must be printable ASCII without quotes or backslashes')
  }
}

/**
 * Refuses scopes that are not RFC 6749 scope tokens (they go into a header).
 *
 * @example
 * ```ts
 * assertScopes(['dgfip_rfr']) // ok; assertScopes(['a b']) throws ConfigurationError
 * ```
 */
export function assertScopes(scopes: unknown): asserts scopes is readonly string[] {
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string' && scopeToken.test(scope))) {
    throw new ConfigurationError('configuration_invalid', 'scopes must be a list of OAuth scope names')
  }
}

function challenge(realm: string, attributes: Record<string, string> = {}): string {
  const parts = [`realm="${realm}"`, ...Object.entries(attributes).map(([name, value]) => `${name}="${value}"`)]
  return `Bearer ${parts.join(', ')}`
}

/**
 * 401 for a request with no bearer credentials: the challenge carries no `error` (RFC 6750 §3.1).
 *
 * @example
 * ```ts
 * missingTokenFailure('api').headers // { 'www-authenticate': 'Bearer realm="api"' }
 * ```
 */
export function missingTokenFailure(realm: string): AuthenticateFailure {
  return {
    ok: false,
    status: 401,
    headers: { 'www-authenticate': challenge(realm) },
    body: { error: 'invalid_request', error_description: 'An access token is required (Authorization: Bearer <token>)' },
  }
}

/**
 * 401 `invalid_token`: malformed, expired, revoked or unknown token.
 *
 * @example
 * ```ts
 * invalidTokenFailure('api', 'The access token is expired, revoked or unknown').status // 401
 * ```
 */
export function invalidTokenFailure(realm: string, description: string, cause?: FranceConnectSdkError): AuthenticateFailure {
  return {
    ok: false,
    status: 401,
    headers: { 'www-authenticate': challenge(realm, { error: 'invalid_token', error_description: description }) },
    body: { error: 'invalid_token', error_description: description },
    ...(cause ? { cause } : {}),
  }
}

/**
 * 403 `insufficient_scope`, naming the scopes missing in the challenge's `scope` attribute.
 *
 * @example
 * ```ts
 * insufficientScopeFailure('api', ['dgfip_aft']).headers['www-authenticate'] // '… error="insufficient_scope", …, scope="dgfip_aft"'
 * ```
 */
export function insufficientScopeFailure(realm: string, missing: readonly string[]): AuthenticateFailure {
  const description = `The access token lacks the scopes: ${missing.join(' ')}`
  return {
    ok: false,
    status: 403,
    headers: {
      'www-authenticate': challenge(realm, {
        error: 'insufficient_scope',
        error_description: description,
        scope: missing.join(' '),
      }),
    },
    body: { error: 'insufficient_scope', error_description: description },
    cause: new InsufficientScopeError(missing),
  }
}

/**
 * The answer for a verification that failed with an error: 503 when FranceConnect cannot be reached
 * or is failing (timeouts, network errors, redirects, oversized or non-JSON bodies, its 5xx and 429,
 * for checktoken as for its JWKS), 401 for a token FranceConnect called
 * active past its `exp`, 500 for everything else (credentials refused by FranceConnect, an answer
 * that fails verification): never a 401 for our own outage. Errors that are not the SDK's are bugs,
 * and are thrown again.
 *
 * @example
 * ```ts
 * failureForError(new TransportError('timeout', 'The server did not answer in time'), 'api').status // 503
 * ```
 */
export function failureForError(error: unknown, realm: string): AuthenticateFailure {
  if (!isFranceConnectSdkError(error)) throw error
  if (error.code === 'checktoken_expired') {
    return invalidTokenFailure(realm, 'The access token is expired, revoked or unknown', error)
  }
  if (isUnavailable(error)) {
    return {
      ok: false,
      status: 503,
      headers: {},
      body: { error: 'temporarily_unavailable', error_description: 'The access token cannot be verified at the moment' },
      cause: error,
    }
  }
  return {
    ok: false,
    status: 500,
    headers: {},
    body: { error: 'server_error', error_description: 'The access token cannot be verified' },
    cause: error,
  }
}

function isUnavailable(error: FranceConnectSdkError): boolean {
  if (error instanceof TransportError) return true
  if (error instanceof ProviderError) return error.status !== undefined && (error.status >= 500 || error.status === 429)
  return false
}
