export { FranceConnectSdkError, isFranceConnectSdkError } from './franceconnect-sdk-error.js'
export { ConfigurationError, type ConfigurationErrorCode } from './configuration-error.js'
export { CallbackError, type CallbackErrorCode } from './callback-error.js'
export { AuthorizationError, type AuthorizationErrorCode } from './authorization-error.js'
export { ProviderError, type ProviderErrorCode } from './provider-error.js'
export { TransportError, type TransportErrorCode } from './transport-error.js'
export {
  TokenValidationError,
  type TokenKind,
  type TokenProblem,
  type TokenValidationErrorCode,
} from './token-validation-error.js'
export { AcrError, type AcrErrorCode } from './acr-error.js'
export { ClaimsError, type ClaimsErrorCode } from './claims-error.js'
export { LogoutError, type LogoutErrorCode } from './logout-error.js'
export { StoreError, type StoreErrorCode } from './store-error.js'
export { UnsupportedError, type UnsupportedErrorCode, type UnsupportedFeature } from './unsupported-error.js'
export { ParameterError, type ParameterErrorCode } from './parameter-error.js'
export {
  franceConnectErrorCodes,
  describeFranceConnectCode,
  findFranceConnectCode,
  type KnownFranceConnectCode,
} from './franceconnect-error-codes.js'
export { SessionError, type SessionErrorCode } from './session-error.js'
export { SchemaError, type SchemaErrorCode } from './schema-error.js'
export { DataApiError, type DataApiErrorCode } from './data-api-error.js'
export { InsufficientScopeError, type InsufficientScopeErrorCode } from './insufficient-scope-error.js'
export { messageFr } from './messages-fr.js'
export type { FranceConnectSdkErrorCode } from './error-codes.js'
