import type { JWK } from 'jose'
import type { FranceConnectEvent, FranceConnectLogger } from '../observability/observe.js'
import type { EncryptionKey } from '../oidc/encryption-keys.js'
import type { Provider, TokenAuthMethod } from '../providers/provider.js'
import type { FranceConnectClaims, ProConnectClaims, StandardClaims } from '../registry/identity-claims.js'
import type { SharedCache } from '../stores/shared-cache.js'
import type { TransactionStore } from '../stores/transaction-store.js'
import type { AnyConnector } from '../registry/connector.js'

/** The key the client signs its `private_key_jwt` assertions with. */
export interface PrivateKeyJwt {
  /** A private JWK (with `kid`) or a CryptoKey. */
  key: JWK | CryptoKey
  /** The signature algorithm: ES256 for FranceConnect+, ES256 or RS256 elsewhere. */
  alg: string
  /** The key id FranceConnect knows the key by (required with a CryptoKey). */
  kid?: string | undefined
}

/** Options of `createClient`. */
export interface ClientOptions {
  /** The provider preset: `franceConnect({ env })`, `franceConnectPlus(…)`, `proConnect(…)`, `oidcProvider(…)`… */
  provider: Provider
  clientId: string
  /** The client secret (`client_secret_post`/`basic`; also the HS256 key on FranceConnect v1). */
  clientSecret?: string | undefined
  /** Authenticate with a signed JWT instead of the secret. */
  privateKeyJwt?: PrivateKeyJwt | undefined
  /** Force a token endpoint authentication method (default: the first the provider accepts for what you gave). */
  tokenAuthMethod?: TokenAuthMethod | undefined
  /** The callback URL registered with the provider, used as is (never derived from the request). */
  redirectUri: string
  /** Where the provider sends the user after logout (registered, exactly equal). */
  postLogoutRedirectUri?: string | undefined
  /** Other registered post-logout URIs that `logout(session, { postLogoutRedirectUri })` may choose. */
  postLogoutRedirectUris?: readonly string[] | undefined
  /** Identity scopes to ask (default: the preset's, e.g. `openid identite_pivot`). `openid` is always added. */
  scopes?: readonly string[] | undefined
  /** Data API connectors: their scopes are added to the request; `getAllData` calls them. */
  apis?: readonly AnyConnector[] | undefined
  /** The default eIDAS level to ask (default: the preset's lowest allowed). */
  acr?: string | undefined
  /** Where transactions wait between authorize and callback (default: `memoryStore()`). */
  store?: TransactionStore | undefined
  /**
   * A cache shared between instances for the discovery document and the key set (e.g.
   * `redisCache()`), so short-lived instances do not refetch them at every cold start. Default:
   * in-process only.
   */
  cache?: SharedCache | undefined
  /**
   * How this service's userinfo answers, where the provider lets each service choose (ProConnect: `jwt`
   * by default, `json` for a service registered without `userinfo_signed_response_alg`). An unsigned
   * answer is still refused where `jwt` is configured.
   */
  userinfo?: 'json' | 'jwt' | undefined
  /** FranceConnect+: the client's private decryption keys (their public halves go to `jwks()`). */
  encryptionKeys?: readonly EncryptionKey[] | undefined
  /** A `fetch` implementation (proxy, custom agent, tests). */
  fetch?: typeof fetch | undefined
  /** Timeout of each request to the provider, in milliseconds (default 10,000). */
  timeoutMs?: number | undefined
  /**
   * Audiences besides `clientId` that an ID token or userinfo JWT may name (OpenID Connect Core
   * §3.1.3.7). Default: none, so a token meant for several parties is refused.
   */
  trustedAudiences?: readonly string[] | undefined
  /** Clock skew tolerated on `exp`, `iat`, `nbf`, in seconds (default 30). */
  clockToleranceSec?: number | undefined
  /** How long a started sign-in may wait for its callback, in seconds (default 1,800: FranceConnect's session). */
  transactionTtlSec?: number | undefined
  /**
   * A logger (pino, or anything with `debug`/`info`/`warn`/`error(fields, message)`) the client writes
   * one line to per operation: discovery, keys, authorize, callback, token, userinfo, logout,
   * revocation, refresh, each data API call. The fields are a {@link FranceConnectEvent} without its
   * `level`: never a token, a code, a secret, a claim nor a personal datum.
   */
  logger?: FranceConnectLogger | undefined
  /** Called with the {@link FranceConnectEvent} of each operation, once it has ended (what it throws is ignored). */
  events?: (event: FranceConnectEvent) => void
  /**
   * OpenTelemetry spans (`franceconnect.callback`, `franceconnect.token`, `franceconnect.data.<api>`…)
   * through `@opentelemetry/api`, an optional peer dependency: when it is installed they go to the
   * tracer provider the app registered; when it is not, nothing happens. `false`: never load it.
   * Default `true`.
   */
  tracing?: boolean | undefined
}

/** Options of `client.authorize()`. */
export interface AuthorizeOptions {
  /** eIDAS level (`eidas1`, `eidas2`, `eidas3`); the returned `acr` must be at least this. */
  acr?: string | undefined
  /** `login`, `consent`, `login consent` (FranceConnect); `none` (ProConnect). */
  prompt?: string | undefined
  /** The OIDC `claims` request, e.g. `{ id_token: { amr: { essential: true } } }`. */
  claims?: Record<string, unknown> | undefined
  /** Ask for the `amr` claim (shorthand for the `claims` request above). */
  amr?: boolean | undefined
  /** Send the user straight to this identity provider (`idp_hint`). */
  idpHint?: string | undefined
  /** ProConnect and generic providers: `login_hint`. */
  loginHint?: string | undefined
  /** Replace the client's identity scopes for this sign-in (the connectors' scopes are still added). */
  scopes?: readonly string[] | undefined
  /** Abort the discovery request if needed. */
  signal?: AbortSignal | undefined
}

/** What `authorize()` returns: set `cookie`, then redirect the browser to `url`. */
export interface AuthorizeResult {
  url: string
  /** The state sent to the provider: keep it in your own session if you bind with `expectedState`. */
  state: string
  /**
   * Binds the sign-in to this browser: set it (HttpOnly, Secure, SameSite=Lax, `maxAgeSec`) before
   * redirecting, and hand its value back to `callback(url, { cookie })`. With the memory and Redis
   * stores it is a random secret whose hash is stored; with `cookieStore` it is the sealed transaction.
   */
  cookie: TransactionCookie
}

/** The cookie that binds a sign-in or logout to the browser that started it. */
export interface TransactionCookie {
  name: string
  value: string
  maxAgeSec: number
}

/** What the callback accepts: the full callback URL, or its query. */
export type CallbackInput = string | URL | URLSearchParams

/**
 * What proves that a callback comes back to the browser that started it. One is required: without
 * either, `callback()` and `logoutCallback()` refuse with `binding_missing`.
 */
export interface BindingOptions {
  /** The value of the cookie `authorize()` (or `logout()`) returned, read from the request. */
  cookie?: string | undefined
  /**
   * For apps that keep the state in their own server-side session: the `state` that `authorize()`
   * returned for this browser. With `cookieStore`, the cookie is needed as well (it carries the
   * transaction).
   */
  expectedState?: string | undefined
}

/** Options of `client.callback()` and `client.logoutCallback()`. */
export interface CallbackOptions extends BindingOptions {
  signal?: AbortSignal | undefined
}

/** Identity claims of any provider: `sub` and whatever else it released. */
export type AnyClaims = { sub: string; [claim: string]: unknown }

/**
 * The identity claims a provider's sessions carry, by its family: `FranceConnectClaims` for the
 * FranceConnect presets, `ProConnectClaims` for ProConnect, `StandardClaims` for `oidcProvider`.
 */
export type ClaimsOf<P extends Provider> = P extends { readonly claims: 'franceconnect' }
  ? FranceConnectClaims
  : P extends { readonly claims: 'proconnect' }
    ? ProConnectClaims
    : P extends { readonly claims: 'standard' }
      ? StandardClaims
      : AnyClaims

/**
 * A verified sign-in. Plain data: serialisable to JSON, safe to keep in the app's session.
 * `claims` is typed by the preset: `Session<FranceConnectClaims>` from a `franceConnect()` client.
 */
export interface Session<Claims extends { sub: string } = AnyClaims> {
  /** The subject: pairwise on FranceConnect (64 hex characters + `v1`). */
  sub: string
  /** The level the provider authenticated at (at least the level asked). */
  acr?: string | undefined
  /** Authentication methods, when asked (`amr: true`). */
  amr?: string[] | undefined
  /** The identity claims, validated (OpenID Connect names: `given_name`, `family_name`, `birthdate`…). */
  claims: Claims
  /** The signed ID token (for FranceConnect+, the JWS that was inside the JWE): the logout `id_token_hint`. */
  idToken: string
  /** The access token for the data APIs and revocation. */
  accessToken: string
  /** The refresh token, where the provider issues one (ProConnect). */
  refreshToken?: string | undefined
  /** The scopes granted. */
  scopes: string[]
  /** When the access token expires, in seconds since the epoch. */
  expiresAt: number
}

/** Options of `client.logout()`. */
export interface LogoutOptions {
  /** Override the client's `postLogoutRedirectUri`: one of `postLogoutRedirectUris` (or the default). */
  postLogoutRedirectUri?: string | undefined
  /** Stop waiting (for the provider's discovery on a cold client) when this signal fires: `aborted`. */
  signal?: AbortSignal | undefined
}

/** What `logout()` returns: set `cookie`, then redirect the browser to `url`. */
export interface LogoutResult {
  url: string
  state: string
  /** Binds the logout to this browser: hand its value back to `logoutCallback(url, { cookie })`. */
  cookie: TransactionCookie
}
