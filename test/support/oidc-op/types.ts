/**
 * Public types of the loopback test OpenID Provider (see ../oidc-op.ts).
 * Section numbers (§n) refer to /work/shared/reference/franceconnect-protocol.md.
 */

export type OpVariant = 'v2' | 'fcplus' | 'v1' | 'proconnect' | 'generic'

/** Claims the OP releases for one person, keyed by claim name. */
export interface TestIdentity {
  /** Pairwise-shaped subject: 64 lowercase hex chars + 'v1' (66 chars), §7.1. */
  sub: string
  given_name: string
  given_name_array?: string[]
  family_name: string
  gender: 'male' | 'female'
  birthdate: string
  birthplace: string
  birthcountry: string
  email?: string
  preferred_username?: string
  /** proconnect: usual_name, uid, siret, idp_id, phone may also be present. */
  [claim: string]: unknown
}

export interface StartOpOptions {
  variant: OpVariant
  /** v2: ES256 (default) or RS256; proconnect: RS256 (default) or ES256; fcplus always ES256; generic RS256 unless set; v1 always HS256. */
  signingAlg?: 'ES256' | 'RS256'
  /** fcplus only (required): the relying party's PUBLIC encryption JWKS (kid, use:'enc', alg ECDH-ES|RSA-OAEP|RSA-OAEP-256), §3.2. */
  clientEncryptionJwks?: { keys: object[] }
  /** Default: DEFAULT_IDENTITIES (Angela Claire Louise DUBOIS of §16 and a person born abroad). */
  identities?: TestIdentity[]
  /** Data scopes (§9.5) granted when requested (v1, v2, fcplus). Default: DEFAULT_DATA_SCOPES. */
  dataScopes?: string[]
  /** Default 0 (a free port), always bound on 127.0.0.1. */
  port?: number
  /** Registered client; defaults: random 64-hex client_id and client_secret. */
  clientId?: string
  clientSecret?: string
  /** Registered callback (never served in tests). Default http://127.0.0.1:3000/callback */
  redirectUri?: string
  /** Registered post-logout redirect. Default http://127.0.0.1:3000/logout-callback */
  postLogoutRedirectUri?: string
}

export interface AuthorizeOptions {
  /** Index in `identities` or the identity's `sub` (default: the first identity). */
  identity?: number | string
  /** acr the interaction finishes with (default: lowest allowed level >= what was requested). Not validated: lets tests make the OP answer a level lower than requested. */
  acr?: string
  /** Abort like a user clicking "cancel": the OP redirects with error=access_denied. */
  cancel?: boolean
}

export interface StartedOp {
  variant: OpVariant
  /** v2/fcplus/proconnect: http://127.0.0.1:PORT/api/v2; v1 and generic: http://127.0.0.1:PORT */
  issuer: string
  /** http://127.0.0.1:PORT */
  origin: string
  clientId: string
  clientSecret: string
  redirectUri: string
  postLogoutRedirectUri: string
  identities: TestIdentity[]
  /** Plain endpoint URLs (also for v1, which has no discovery document). */
  endpoints: OpEndpoints
  /**
   * Follows an authorization URL through the OP's pages with plain HTTP and a cookie jar
   * (one "browser" per OP), signs in and consents, and resolves with the callback URL
   * (code, state, iss). Rejects with an OpHttpError (status, FranceConnect code) when the OP
   * answers with an HTML error page instead of a redirect.
   */
  authorize(authorizationUrl: string, opts?: AuthorizeOptions): Promise<string>
  /** Follows an end-session URL, confirms the logout form, resolves with the final redirect URL. */
  logout(endSessionUrl: string): Promise<string>
  /** Requests counted by endpoint: discovery, jwks, authorize, token, userinfo, revocation, end_session (+ interaction). */
  requests: Record<string, number>
  /** The OP's public signing JWKS (ES256 + RS256); empty for v1 (HS256 with the client secret). */
  jwks: { keys: object[] }
  /** Errors the OP hit internally (server_error events), for debugging failed tests. */
  serverErrors: unknown[]
  close(): Promise<void>
}

export interface OpEndpoints {
  discovery?: string
  authorization: string
  token: string
  userinfo: string
  jwks?: string
  endSession: string
  revocation?: string
}
