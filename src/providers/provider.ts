/** The endpoints of a provider, as discovery gives them or as a preset fixes them. */
export interface ProviderEndpoints {
  authorization_endpoint: string
  token_endpoint: string
  userinfo_endpoint?: string | undefined
  jwks_uri?: string | undefined
  end_session_endpoint?: string | undefined
  revocation_endpoint?: string | undefined
}

import type { JweDecrypt } from '../oidc/decrypt-jwe.js'

/** How the userinfo endpoint answers: plain JSON, a signed JWT, a signed then encrypted JWT, or by content type. */
export type UserinfoFormat = 'json' | 'jwt' | 'jwe' | 'auto'

/** How the client authenticates at the token endpoint. */
export type TokenAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt'

/**
 * A provider described as data: where it is and which rules it follows. Made by the preset
 * functions (`franceConnect()`, `franceConnectPlus()`…), read by the client.
 */
export interface Provider {
  /** Which preset made it: `franceconnect`, `franceconnect-plus`, `franceconnect-v1`, `proconnect`, `oidc`. */
  readonly id: string
  /** A name for people and logs. */
  readonly name: string
  /** The issuer, exactly as the ID token's `iss`. */
  readonly issuer: string
  /** Fetch `{issuer}/.well-known/openid-configuration` (false for FranceConnect v1, which has none). */
  readonly discovery: boolean
  /** Endpoints fixed by the preset; with discovery, they override the discovered ones. */
  readonly endpoints?: Partial<ProviderEndpoints> | undefined
  /**
   * Hosts besides the issuer's where the provider's endpoints may be (`host` or `host:port`). Every
   * endpoint elsewhere is refused before anything is sent to it.
   */
  readonly endpointHosts?: readonly string[] | undefined
  /** `false` lifts the rule above (generic providers only, explicitly): endpoints anywhere on HTTPS. */
  readonly pinEndpoints?: boolean | undefined
  /**
   * The app opted in to a plain-HTTP issuer off loopback, for development (`allowInsecureHttp`):
   * the issuer and the endpoints on its host may then be `http:`.
   */
  readonly insecureHttp?: true | undefined
  /**
   * Every authorization parameter the provider accepts. FranceConnect refuses unknown ones
   * (error Y030007), so the client sends nothing outside this list; `undefined` means any.
   */
  readonly authorizeParameters?: readonly string[] | undefined
  /** Send PKCE (S256). Off where the provider refuses the extra parameters. */
  readonly pkce: boolean
  /** Token endpoint authentication methods the provider accepts, preferred first. */
  readonly tokenAuthMethods: readonly TokenAuthMethod[]
  /** Signature algorithms accepted on ID tokens and userinfo JWTs. */
  readonly signingAlgorithms: readonly string[]
  /** How userinfo answers. */
  readonly userinfo: UserinfoFormat
  /**
   * The formats a client may choose instead with `createClient({ userinfo })`, where the provider
   * lets each service register its own (ProConnect: signed, or plain JSON without
   * `userinfo_signed_response_alg`). Absent: the preset's format only.
   */
  readonly userinfoChoices?: readonly UserinfoFormat[] | undefined
  /** ID token and userinfo are signed then encrypted to the client's keys (FranceConnect+). */
  readonly encryption?: {
    readonly required: boolean
    readonly keyManagementAlgorithms: readonly string[]
    readonly contentEncryptionAlgorithms: readonly string[]
  }
  /**
   * Decrypts the provider's JWEs with the client's `encryptionKeys`: set by `franceConnectPlus()`,
   * or given to `oidcProvider({ decryptJwe })`. A function rather than data so that a client of a
   * provider that does not encrypt never bundles JWE decryption.
   */
  readonly decryptJwe?: JweDecrypt | undefined
  /**
   * Levels of assurance: ranked from lowest to highest (with the multi-factor ones), the ones that
   * may be asked, the default. A level asked is a minimum: every level that satisfies it is accepted
   * (`acceptableAcrValues`).
   */
  readonly acr?: {
    readonly levels: readonly string[]
    /** The levels that imply multi-factor authentication: asking one accepts only those. */
    readonly mfaLevels?: readonly string[] | undefined
    readonly allowed: readonly string[]
    readonly default?: string | undefined
    /**
     * Where to ask it: `acr_values` (FranceConnect: the core keeps the lowest level asked), or
     * `claims.id_token.acr` with every acceptable value (ProConnect matches that list exactly).
     */
    readonly parameter: 'acr_values' | 'claims'
    /** The returned `acr` must be present (FranceConnect always sends it). */
    readonly required: boolean
  }
  /** Scopes asked when the app names none. */
  readonly defaultScopes: readonly string[]
  /** `prompt` values the provider accepts, if it restricts them. */
  readonly prompts?: readonly string[] | undefined
  /**
   * How the client authenticates at the revocation endpoint when it differs from the token
   * endpoint: FranceConnect's revocation takes exactly `token`, `client_id` and `client_secret`,
   * whatever the token endpoint's method.
   */
  readonly revocationAuthMethod?: 'client_secret_post' | undefined
  /** Fields the revocation endpoint accepts beyond the token (FranceConnect rejects `token_type_hint`). */
  readonly revocationSendsTypeHint: boolean
  /**
   * Which identity claims rules the claims are checked against: FranceConnect's pivot identity,
   * ProConnect's agent claims, or the standard OpenID Connect ones (src/registry/identity-claims.ts).
   * A name, so that a preset carries data only and the rules ride with the callback.
   */
  readonly claims: 'franceconnect' | 'proconnect' | 'standard'
  /** The callback carries `iss` (RFC 9207); when true its absence is refused. */
  readonly callbackIssRequired: boolean
}

/**
 * A provider whose identity claims are of a known family: what the presets return, so that
 * `createClient` can type `session.claims` by preset.
 */
export type ProviderOf<Family extends Provider['claims']> = Provider & { readonly claims: Family }
