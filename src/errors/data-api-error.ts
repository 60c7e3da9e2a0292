import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Codes of {@link DataApiError}, by what the answer means for the app. */
export type DataApiErrorCode =
  | 'api_bad_request'
  | 'api_unauthorized'
  | 'api_forbidden'
  | 'api_not_found'
  | 'api_conflict'
  | 'api_rate_limited'
  | 'api_unavailable'
  | 'api_error'
  /** The answer lists more people than the connector follows (its `maxBeneficiaires`): refused before fanning out. */
  | 'too_many_beneficiaries'

/**
 * A data API answered with an error status. `code` says what it means (`api_not_found`: the provider
 * knows no such person or has no data; `api_unauthorized`: the FranceConnect token is invalid or
 * expired; `api_rate_limited`; `api_unavailable`…), `providerCode` keeps the provider's own code
 * (API Particulier `errors[].code`, DGFiP `erreur.code` or `codeapp`, OAuth `error`), `retryable`
 * whether trying again could help.
 *
 * @example
 * ```ts
 * // DataApiError { code: 'api_not_found', api: 'statut-etudiant-boursier', status: 404, providerCode: '26003' }
 * ```
 */
export class DataApiError extends FranceConnectSdkError {
  override name = 'DataApiError'
  declare readonly code: DataApiErrorCode
  readonly api: string
  /** The provider's description (`errors[].detail`, `erreur.message`, `error_description`), for logs. */
  readonly description?: string
  /** Seconds the provider asked to wait (`Retry-After`), when it said. */
  readonly retryAfterSec?: number

  constructor(
    api: string,
    details: {
      status: number
      providerCode?: string
      description?: string
      retryAfterSec?: number
      /** A code saying why a successful answer is refused (e.g. `too_many_beneficiaries`), instead of the status's. */
      code?: DataApiErrorCode
    },
  ) {
    const code = details.code ?? codeForStatus(details.status)
    const provider = details.providerCode === undefined ? '' : `, provider code ${details.providerCode}`
    const message =
      details.code === undefined
        ? `The ${api} API answered HTTP ${details.status}${provider}`
        : `The ${api} API answer was refused (${details.code})`
    super(code, message, {
      status: details.status,
      providerCode: details.providerCode,
      retryable: details.status === 429 || details.status >= 500,
    })
    this.api = api
    if (details.description !== undefined) this.description = details.description
    if (details.retryAfterSec !== undefined) this.retryAfterSec = details.retryAfterSec
  }
}

function codeForStatus(status: number): DataApiErrorCode {
  if (status === 400 || status === 422) return 'api_bad_request'
  if (status === 401) return 'api_unauthorized'
  if (status === 403) return 'api_forbidden'
  // 204 No Content: the provider has no data for this person or period (DGFiP does this).
  if (status === 404 || status === 204) return 'api_not_found'
  if (status === 409) return 'api_conflict'
  if (status === 429) return 'api_rate_limited'
  if (status >= 500) return 'api_unavailable'
  return 'api_error'
}
