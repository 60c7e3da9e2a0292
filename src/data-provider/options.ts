import { ConfigurationError } from '../errors/configuration-error.js'
import { assertEndpointOfIssuer, assertSecureUrl } from '../http/secure-url.js'
import type { TransportOptions } from '../http/send-request.js'
import { createDecryptionKeys, type DecryptionKeys } from '../oidc/encryption-keys.js'
import { assertChecktokenEncryptionKey } from './jwks.js'
import type { ChecktokenVersion, VerifyAccessTokenOptions, VerifyAccessTokenV1Options } from './types.js'

/** The verification options, checked once and completed with their defaults. */
export interface ResolvedChecktokenOptions {
  version: ChecktokenVersion
  issuer: string
  checktokenEndpoint: string
  /** v2 only. */
  jwksUri: string
  clientId: string
  clientSecret: string
  /** v2 only. */
  decryptionKeys?: DecryptionKeys | undefined
  maxAgeSec: number
  clockToleranceSec: number
  transport: TransportOptions
}

const defaultTimeoutMs = 5_000
const defaultMaxAgeSec = 60
const defaultClockToleranceSec = 10
// A checktoken answer is a JWE of a few kilobytes; verifyJwt refuses tokens above 64 KiB anyway.
const maxAnswerBytes = 96 * 1024

/**
 * Checks the options of a checktoken verification and fills in the defaults, throwing a
 * ConfigurationError for anything that could only fail later (missing credentials or keys, plain
 * HTTP off loopback, a key FranceConnect cannot encrypt to).
 *
 * @example
 * ```ts
 * const resolved = resolveChecktokenOptions({ issuer, clientId, clientSecret, decryptionKeys })
 * resolved.checktokenEndpoint // `${issuer}/checktoken`
 * ```
 */
export function resolveChecktokenOptions(
  options: VerifyAccessTokenOptions | VerifyAccessTokenV1Options,
): ResolvedChecktokenOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError(
      'configuration_invalid',
      'verifyAccessToken needs options: { issuer, clientId, clientSecret, decryptionKeys }',
    )
  }
  const version = options.version ?? 'v2'
  if (version !== 'v2' && version !== 'v1') {
    throw new ConfigurationError('configuration_invalid', 'version must be "v2" or "v1"')
  }
  if (typeof options.issuer !== 'string' || options.issuer.length === 0) {
    throw new ConfigurationError('configuration_invalid', 'The data provider options need the FranceConnect issuer')
  }
  assertSecureUrl(options.issuer, 'The issuer')
  const issuer = options.issuer.replace(/\/+$/, '')
  const checktokenEndpoint =
    options.checktokenEndpoint ?? (version === 'v1' ? `${issuer}/api/v1/checktoken` : `${issuer}/checktoken`)
  assertEndpointOfIssuer(issuer, checktokenEndpoint, 'checktokenEndpoint')
  const jwksUri = options.jwksUri ?? `${issuer}/jwks`

  const maxAgeSec = options.maxAgeSec ?? defaultMaxAgeSec
  const clockToleranceSec = options.clockToleranceSec ?? defaultClockToleranceSec
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  assertNonNegative(maxAgeSec, 'maxAgeSec', false)
  assertNonNegative(clockToleranceSec, 'clockToleranceSec', true)
  assertNonNegative(timeoutMs, 'timeoutMs', false)
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigurationError('configuration_invalid', 'fetch must be a function')
  }
  const transport: TransportOptions = {
    timeoutMs,
    maxBodyBytes: maxAnswerBytes,
    fetch: options.fetch,
  }

  if (version === 'v1') {
    return {
      version,
      issuer,
      checktokenEndpoint,
      jwksUri,
      clientId: '',
      clientSecret: '',
      maxAgeSec,
      clockToleranceSec,
      transport,
    }
  }

  assertEndpointOfIssuer(issuer, jwksUri, 'jwksUri')
  if (typeof options.clientId !== 'string' || options.clientId.length === 0) {
    throw new ConfigurationError('configuration_invalid', 'The data provider options need its FranceConnect clientId')
  }
  if (typeof options.clientSecret !== 'string' || options.clientSecret.length === 0) {
    throw new ConfigurationError('configuration_invalid', 'The data provider options need its FranceConnect clientSecret')
  }
  const keys = options.decryptionKeys
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new ConfigurationError(
      'configuration_invalid',
      'FranceConnect encrypts checktoken answers: give decryptionKeys (and serve dataProviderJwks(keys) at your jwks_uri)',
    )
  }
  keys.forEach(assertChecktokenEncryptionKey)
  return {
    version,
    issuer,
    checktokenEndpoint,
    jwksUri,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    decryptionKeys: createDecryptionKeys(keys),
    maxAgeSec,
    clockToleranceSec,
    transport,
  }
}

function assertNonNegative(value: unknown, name: string, zeroAllowed: boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw new ConfigurationError('configuration_invalid', `${name} must be a ${zeroAllowed ? 'non-negative' : 'positive'} number`)
  }
}
