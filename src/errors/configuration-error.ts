import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Codes of {@link ConfigurationError}. */
export type ConfigurationErrorCode = 'configuration_invalid' | 'insecure_url' | 'issuer_mismatch' | 'endpoint_not_allowed'

/**
 * The options given to the SDK cannot work: a missing client secret, a plain-HTTP URL that is not
 * loopback, a preset environment that does not exist. Thrown at once, before any request.
 *
 * @example
 * ```ts
 * createClient({ provider: oidcProvider({ issuer: 'http://idp.example.fr' }), ... })
 * // throws ConfigurationError { code: 'insecure_url' }
 * ```
 */
export class ConfigurationError extends FranceConnectSdkError {
  override name = 'ConfigurationError'
  declare readonly code: ConfigurationErrorCode
  constructor(code: ConfigurationErrorCode, message: string) {
    super(code, message)
  }
}
