import { FranceConnectSdkError } from './franceconnect-sdk-error.js'
import { describeFranceConnectCode } from './franceconnect-error-codes.js'

/** Codes of {@link ProviderError}: which endpoint answered with an error. */
export type ProviderErrorCode =
  | 'discovery_error'
  | 'jwks_error'
  | 'token_error'
  | 'userinfo_error'
  | 'revocation_error'
  | 'checktoken_error'

/**
 * An endpoint answered with an error: an OAuth error body (`invalid_grant`, `invalid_client`,
 * `invalid_token` in `providerCode`), a FranceConnect error page (its `Y……` code in
 * `franceConnectCode`), or a bare 5xx.
 *
 * @example
 * ```ts
 * // the user reloaded the callback page: the code was already used
 * // ProviderError { code: 'token_error', providerCode: 'invalid_grant', status: 400 }
 * ```
 */
export class ProviderError extends FranceConnectSdkError {
  override name = 'ProviderError'
  declare readonly code: ProviderErrorCode
  /** FranceConnect's own code (`Y049E20B`…) when the answer carried one. */
  readonly franceConnectCode?: string
  /** The provider's `error_description`, when it sent one. */
  readonly description?: string

  constructor(
    code: ProviderErrorCode,
    details: {
      status: number
      providerCode?: string | undefined
      description?: string | undefined
      franceConnectCode?: string | undefined
    },
  ) {
    const known = details.franceConnectCode ? describeFranceConnectCode(details.franceConnectCode) : undefined
    const what = details.providerCode ?? `HTTP ${details.status}`
    const fc = details.franceConnectCode ? `, ${details.franceConnectCode}${known ? `: ${known.en}` : ''}` : ''
    super(code, `${endpointName[code]} answered with an error (${what}${fc})`, {
      status: details.status,
      providerCode: details.providerCode,
      retryable: details.status >= 500 || details.status === 429,
    })
    if (details.franceConnectCode !== undefined) this.franceConnectCode = details.franceConnectCode
    if (details.description !== undefined) this.description = details.description
  }
}

const endpointName: Record<ProviderErrorCode, string> = {
  discovery_error: 'The discovery endpoint',
  jwks_error: 'The key set endpoint',
  token_error: 'The token endpoint',
  userinfo_error: 'The userinfo endpoint',
  revocation_error: 'The revocation endpoint',
  checktoken_error: 'The checktoken endpoint',
}
