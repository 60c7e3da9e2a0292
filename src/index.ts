/**
 * franceconnect-sdk: sign citizens in with FranceConnect (v2, FranceConnect+, v1), agents with
 * ProConnect, or anyone with an OpenID Connect provider, every check on by default.
 *
 * Data API connectors live in their own subpaths (`franceconnect-sdk/apis/<id>`): this entry never
 * imports one.
 *
 * @module
 */
export { createClient, type Client } from './client/create-client.js'
export type {
  AnyClaims,
  AuthorizeOptions,
  AuthorizeResult,
  CallbackInput,
  CallbackOptions,
  ClaimsOf,
  ClientOptions,
  LogoutOptions,
  LogoutResult,
  PrivateKeyJwt,
  Session,
  TransactionCookie,
} from './client/types.js'
export type { AnyConnector, ApiResult, Connector, ConnectorContext, DataOf, ParamsOf } from './registry/connector.js'
export type { SettledApiResult } from './client/get-data.js'
export type { HttpHooks } from './http/api-request.js'
export type {
  FranceConnectEvent,
  FranceConnectEventName,
  FranceConnectLogger,
  FranceConnectLogLevel,
} from './observability/observe.js'

export {
  franceConnect,
  franceConnectPlus,
  franceConnectV1,
  proConnect,
  proConnectAcrLevels,
  proConnectMfaLevels,
  proConnectCertificationDirigeant,
  oidcProvider,
  type OidcProviderOptions,
  type PresetLocation,
} from './providers/presets.js'
export { issuers, type FranceConnectEnvironment, type IntegrationOrProduction } from './providers/environments.js'
export {
  eidasLevels,
  compareAcr,
  isAcrAtLeast,
  acceptableAcrValues,
  type AcrRanking,
  type EidasLevel,
} from './providers/eidas.js'
export type { Provider, ProviderEndpoints, ProviderOf, TokenAuthMethod, UserinfoFormat } from './providers/provider.js'

export { memoryStore, type MemoryStore, type MemoryStoreOptions } from './stores/memory-store.js'
export { cookieStore, type CookieStoreOptions } from './stores/cookie-store.js'
export type { TransactionStore } from './stores/transaction-store.js'
export type { SharedCache } from './stores/shared-cache.js'

export { toPublicEncryptionJwk, type EncryptionKey } from './oidc/encryption-keys.js'
export { decryptJwe, type JweDecrypt } from './oidc/decrypt-jwe.js'
export type { ClaimsSchema, FranceConnectClaims, ProConnectClaims, StandardClaims } from './registry/identity-claims.js'
export * from './registry/index.js'

export * from './errors/index.js'
