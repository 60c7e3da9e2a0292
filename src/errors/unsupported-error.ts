import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** The code of an {@link UnsupportedError}: one, whatever is missing (`feature` says what). */
export type UnsupportedErrorCode = 'unsupported'

/**
 * What a provider or a session does not offer: `revocation` (no revocation endpoint: FranceConnect
 * v1), `logout` (no end-session endpoint), `refresh` (a session without a refresh token:
 * FranceConnect issues none).
 */
export type UnsupportedFeature = 'revocation' | 'logout' | 'refresh'

/**
 * The one way the SDK says "not supported": the provider (or the session) does not offer what was
 * asked. `feature` names it; nothing was sent.
 *
 * @example
 * ```ts
 * await v1Client.revoke(session) // throws UnsupportedError { code: 'unsupported', feature: 'revocation' }
 * ```
 */
export class UnsupportedError extends FranceConnectSdkError {
  override name = 'UnsupportedError'
  declare readonly code: UnsupportedErrorCode
  /** What is not offered. */
  readonly feature: UnsupportedFeature
  constructor(feature: UnsupportedFeature, message: string) {
    super('unsupported', message)
    this.feature = feature
  }
}
