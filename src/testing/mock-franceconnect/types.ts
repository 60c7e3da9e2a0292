/**
 * Public types of the mock FranceConnect (an OpenID Provider on loopback, built on oidc-provider).
 */
import type { JWK } from 'jose'

/** What the mock impersonates: FranceConnect v2, FranceConnect+, FranceConnect v1, ProConnect, or any OpenID Provider. */
export type OpVariant = 'v2' | 'fcplus' | 'v1' | 'proconnect' | 'generic'

/**
 * A person of the mock's identity provider: a stable `id` (the account the mock signs in, from which
 * the pairwise `sub` of every client and data provider is derived) and the claims it can release,
 * flat, with their OpenID Connect names. Only the claims the variant maps to a granted scope leave the
 * mock; other members (`description`, the sandbox's `data`) are never released.
 */
export interface MockIdentity {
  /** Stable account key, e.g. `angela-dubois`; never shown to relying parties (they get a pairwise `sub`). */
  id: string
  given_name: string
  given_name_array?: string[] | undefined
  family_name: string
  gender: 'male' | 'female'
  /** `YYYY-MM-DD` (presumed dates normalised). */
  birthdate: string
  /** INSEE code of the commune of birth; `""` for people born abroad. */
  birthplace: string
  /** INSEE code of the country of birth, `99100` for France. */
  birthcountry: string
  email?: string | undefined
  preferred_username?: string | undefined
  /** The birth date as the identity provider sent it (`-00` allowed). */
  idp_birthdate?: string | undefined
  idp_id?: string | undefined
  /** A line shown under the name on the login page. */
  description?: string | undefined
  /** ProConnect claims (usual_name, uid, siret, phone) and anything else. */
  [member: string]: unknown
}

/** A person as the mock's caller sees it: with the pairwise `sub` the registered client receives. */
export type SignedInIdentity = MockIdentity & {
  /** The pairwise subject of the registered client: 64 lowercase hex characters + `v1`. */
  sub: string
}

/** A data provider registered at the mock FranceConnect, for `/checktoken` (docs/data-provider.md). */
export interface MockDataProviderRegistration {
  /** Its `client_id` (≥ 32 characters at FranceConnect). */
  clientId: string
  /** Its `client_secret` (≥ 32 characters). */
  clientSecret: string
  /** Its registered scopes: checktoken's `scope` is the granted scopes that are among these. */
  scopes: readonly string[]
  /** Its public encryption keys (`use: "enc"`, `alg`), as served at its registered `jwks_uri`. */
  jwks?: { keys: JWK[] } | undefined
  /** Its registered `jwks_uri`: read at each checktoken, as FranceConnect does (instead of `jwks`). */
  jwksUri?: string | undefined
  /** `checktoken_signed_response_alg` (default ES256). */
  signingAlg?: 'ES256' | 'RS256' | undefined
  /** `checktoken_encrypted_response_alg` (default: the `alg` of its first encryption key). */
  encryptionAlg?: 'ECDH-ES' | 'RSA-OAEP' | 'RSA-OAEP-256' | undefined
  /** A name for logs and the v1 answer. */
  name?: string | undefined
}

/** Options of `startMockFranceConnect`: the platform it mimics, the registered client, its people and data providers. */
export interface StartOpOptions {
  variant: OpVariant
  /** v2: ES256 (default) or RS256; proconnect: RS256 (default) or ES256; fcplus always ES256; generic RS256 unless set; v1 always HS256. */
  signingAlg?: 'ES256' | 'RS256' | undefined
  /** fcplus only (required): the relying party's PUBLIC encryption JWKS (kid, use:'enc', alg ECDH-ES|RSA-OAEP|RSA-OAEP-256). */
  clientEncryptionJwks?: { keys: object[] } | undefined
  /** fcplus: the relying party's registered `jwks_uri`, read by the OP (instead of `clientEncryptionJwks`). */
  clientEncryptionJwksUri?: string | undefined
  /**
   * The scopes the service is habilitated for (its registered list): asking any other ends in a
   * redirect with `error=invalid_scope`. Default: every scope the variant offers.
   */
  scopes?: readonly string[] | undefined
  /** proconnect: `jwt` (default, `userinfo_signed_response_alg` registered) or `json` (none registered: plain JSON userinfo). */
  userinfo?: 'jwt' | 'json' | undefined
  /** The people of the login page, first one pre-selected. Default: the sandbox's people (`sandboxIdentities()`). */
  identities?: readonly MockIdentity[] | undefined
  /** Data scopes (src/registry/data-scopes.ts) granted when requested (v1, v2, fcplus). Default: every data scope the variant offers. */
  dataScopes?: readonly string[] | undefined
  /** Data providers allowed to call `/checktoken` (v2, fcplus). v1's checktoken takes no credentials. */
  dataProviders?: readonly MockDataProviderRegistration[] | undefined
  /** Default 0 (a free port), always bound on 127.0.0.1. */
  port?: number | undefined
  /** Registered client; defaults: random 64-hex client_id and client_secret. */
  clientId?: string | undefined
  clientSecret?: string | undefined
  /** The service's name on the consent page. */
  clientName?: string | undefined
  /** Registered callback. Default http://127.0.0.1:3000/callback */
  redirectUri?: string | undefined
  /** Registered post-logout redirect. Default http://127.0.0.1:3000/logout-callback */
  postLogoutRedirectUri?: string | undefined
}

/** Options of `StartedOp.authorize` and `sandbox.signIn`: who signs in, at which level, or a cancel. */
export interface AuthorizeOptions {
  /** The person to sign in: index in `identities`, its `id`, its `sub`, or its family name (default: the first). */
  identity?: number | string | undefined
  /**
   * The level the identity provider authenticated at (default: the lowest allowed level >= what was
   * requested). Not validated on FranceConnect: lets tests make the OP answer a level lower than
   * requested. On ProConnect a level outside the essential `claims.id_token.acr` values ends in
   * `error=access_denied`, as the real core does.
   */
  acr?: string | undefined
  /** Abort like a user clicking "Annuler": the OP redirects with error=access_denied. */
  cancel?: boolean | undefined
}

/** A running mock FranceConnect: issuer, registered client, people, endpoints, and a scripted browser (authorize, logout). */
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
  /** The people of the login page, each with the `sub` the registered client gets for them. */
  identities: SignedInIdentity[]
  /** The scopes the registered client is habilitated for. */
  registeredScopes: string[]
  /** Plain endpoint URLs (also for v1, which has no discovery document). */
  endpoints: OpEndpoints
  /**
   * Follows an authorization URL through the OP's pages with plain HTTP and a fresh cookie jar (so
   * concurrent sign-ins never share a session), signs in, consents, and resolves with the callback
   * URL (code, state, iss). Rejects with an OpHttpError (status, FranceConnect code) when the OP
   * answers with an HTML error page instead of a redirect.
   */
  authorize(authorizationUrl: string, opts?: AuthorizeOptions): Promise<string>
  /** Follows an end-session URL, confirms the logout form, resolves with the final redirect URL. */
  logout(endSessionUrl: string): Promise<string>
  /** The `sub` a client (or data provider) id gets for a person: pairwise, 64 hex + `v1`. */
  subFor(identityId: string, clientId: string): string
  /** Requests counted by endpoint: discovery, jwks, authorize, token, userinfo, revocation, end_session, checktoken (+ interaction). */
  requests: Record<string, number>
  /** The OP's public signing JWKS (ES256 + RS256); empty for v1 (HS256 with the client secret). */
  jwks: { keys: object[] }
  /** Errors the OP hit internally (server_error events), for debugging failed tests. */
  serverErrors: unknown[]
  close(): Promise<void>
}

/** The mock FranceConnect's endpoint URLs (v1 included, which has no discovery document). */
export interface OpEndpoints {
  discovery?: string | undefined
  authorization: string
  token: string
  userinfo: string
  jwks?: string | undefined
  endSession: string
  revocation?: string | undefined
  /** `/checktoken` (v2, fcplus) or `/api/v1/checktoken` (v1); none for proconnect and generic. */
  checktoken?: string | undefined
}
