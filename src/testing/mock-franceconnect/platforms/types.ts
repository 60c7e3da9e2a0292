/** The shape of a platform's configuration: what differs between the platforms the mock can impersonate. */
import type { OpVariant } from '../types.js'

/** oidc-provider `claims` configuration: scope -> claims it releases; `null` = claim not tied to a scope. */
export type ClaimsConfig = Record<string, string[] | null>

export interface AcrRules {
  /** Known values, lowest level first. */
  ranked: string[]
  /** Values the platform accepts; a known-but-not-allowed lowest value gives error=invalid_acr. */
  allowed: string[]
  /** Level used when acr_values is absent or only has unknown values. */
  fallback: string | undefined
  /** acr_values mandatory (missing -> Y030007). */
  required: boolean
  /**
   * ProConnect: no ranking, no rewrite; the level the identity provider authenticated at must be one
   * of the essential `claims.id_token.acr` values asked, else `access_denied`.
   */
  exactMatch?: boolean
}

/** FranceConnect-core's strict authorize DTO (core-fcp `AuthorizeParamsDto`, core-fca-low's on ProConnect). */
export interface StrictAuthorize {
  errorCode: string
  allowed: Set<string>
  required: string[]
  minNonce: number
  minState: number
  /** ProConnect: the nonce is optional, 1 to 512 ASCII characters. */
  maxNonce?: number
  prompts: Set<string>
  /** FranceConnect rewrites `prompt` to this before oidc-provider sees it. */
  forcedPrompt?: string
  /** FranceConnect rewrites `acr_values` to the lowest known level asked (`pickAcr`). */
  rewritesAcr: boolean
}

/** oidc-provider lifetimes, in seconds. */
export interface Lifetimes {
  AccessToken: number
  AuthorizationCode: number
  IdToken: number
  Grant: number
  Interaction: number
  Session: number
  RefreshToken: number
}

export interface VariantProfile {
  variant: OpVariant
  /** Path prefix the provider is mounted under ('' when the issuer is the origin). */
  mountPath: string
  routes: Record<string, string>
  strictAuthorize?: StrictAuthorize
  acr: AcrRules
  amr: string[]
  claims: ClaimsConfig
  /** Scopes besides the claim-defined ones. */
  extraScopes: string[]
  acceptsDataScopes: boolean
  ttl: Lifetimes
  clientAuthMethod: 'client_secret_post' | 'client_secret_basic'
  /** Also exposes discovery and /jwks (v1 has neither). */
  hasDiscovery: boolean
  revocation: boolean
  jwtUserinfo: boolean
  encryption: boolean
  /** Strict revocation body (exactly token, client_id, client_secret: `RevocationTokenParamsDTO`). */
  strictRevocation: boolean
  /** Strict end-session query (`LogoutParamsDto`: id_token_hint required, nothing unlisted). */
  strictLogout: boolean
  /** Subject type of every client: pairwise on FranceConnect, public on ProConnect. */
  subjectType: 'pairwise' | 'public'
  /** Userinfo only answers GET (FranceConnect has no POST route for it). */
  userinfoGetOnly: boolean
  /** Data providers' checktoken: v2 (form, JWE(JWS)), v1 (JSON), or none. */
  checktoken: 'v2' | 'v1' | undefined
  pkceRequired: boolean
  refreshTokens: boolean
  idTokenSigningAlgs: string[]
}
