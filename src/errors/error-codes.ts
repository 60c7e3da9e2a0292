import type { AcrErrorCode } from './acr-error.js'
import type { AuthorizationErrorCode } from './authorization-error.js'
import type { CallbackErrorCode } from './callback-error.js'
import type { ClaimsErrorCode } from './claims-error.js'
import type { ConfigurationErrorCode } from './configuration-error.js'
import type { DataApiErrorCode } from './data-api-error.js'
import type { InsufficientScopeErrorCode } from './insufficient-scope-error.js'
import type { LogoutErrorCode } from './logout-error.js'
import type { ParameterErrorCode } from './parameter-error.js'
import type { ProviderErrorCode } from './provider-error.js'
import type { SchemaErrorCode } from './schema-error.js'
import type { SessionErrorCode } from './session-error.js'
import type { StoreErrorCode } from './store-error.js'
import type { TokenValidationErrorCode } from './token-validation-error.js'
import type { TransportErrorCode } from './transport-error.js'
import type { UnsupportedErrorCode } from './unsupported-error.js'

/**
 * Every `code` an error of the SDK can carry: a `switch` over it is checked by the compiler
 * (each class also exports its own union, e.g. `CallbackErrorCode`).
 *
 * @example
 * ```ts
 * function pageFor(code: FranceConnectSdkErrorCode): string {
 *   switch (code) {
 *     case 'access_denied': return '/annule'
 *     case 'binding_missing': return '/recommencer'
 *     default: return '/erreur'
 *   }
 * }
 * ```
 */
export type FranceConnectSdkErrorCode =
  | AcrErrorCode
  | AuthorizationErrorCode
  | CallbackErrorCode
  | ClaimsErrorCode
  | ConfigurationErrorCode
  | DataApiErrorCode
  | InsufficientScopeErrorCode
  | LogoutErrorCode
  | ParameterErrorCode
  | ProviderErrorCode
  | SchemaErrorCode
  | SessionErrorCode
  | StoreErrorCode
  | TokenValidationErrorCode
  | TransportErrorCode
  | UnsupportedErrorCode
