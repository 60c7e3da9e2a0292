import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** The code of a {@link ParameterError}. */
export type ParameterErrorCode = 'parameter_invalid'

/**
 * The arguments of one call cannot work, while the client's configuration is fine: an eIDAS level or
 * a `prompt` the provider does not offer, a scope that is not a scope token, a data API's period
 * written wrong. Thrown at once, before any request; the message names the parameter, never a value
 * the person gave.
 *
 * @example
 * ```ts
 * await fc.authorize({ acr: 'eidas3' }) // on FranceConnect v2: ParameterError { code: 'parameter_invalid' }
 * ```
 */
export class ParameterError extends FranceConnectSdkError {
  override name = 'ParameterError'
  declare readonly code: ParameterErrorCode
  constructor(message: string) {
    super('parameter_invalid', message)
  }
}
