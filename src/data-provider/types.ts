import type { EncryptionKey } from '../oidc/encryption-keys.js'
import type { FranceConnectClaims } from '../registry/identity-claims.js'
import type { FranceConnectSdkError } from '../errors/franceconnect-sdk-error.js'

/** Which checktoken protocol FranceConnect speaks: v2 (FranceConnect v2 and FranceConnect+) or the legacy v1. */
export type ChecktokenVersion = 'v2' | 'v1'

/** What every checktoken call accepts, whatever the version. */
interface CommonOptions {
  /**
   * FranceConnect's issuer: `https://oidc.franceconnect.gouv.fr/api/v2` (v2), `https://auth.franceconnect.gouv.fr/api/v2`
   * (FranceConnect+), `https://app.franceconnect.gouv.fr` (v1), or a loopback mock. A preset's `issuer` fits:
   * `franceConnect({ env: 'production' }).issuer`.
   */
  issuer: string
  /** The checktoken URL, when it is not `{issuer}/checktoken` (v2) or `{issuer}/api/v1/checktoken` (v1). */
  checktokenEndpoint?: string | undefined
  /** A `fetch` implementation (proxy, custom agent, tests). Default: the global `fetch`. */
  fetch?: typeof fetch | undefined
  /** Abort each call to FranceConnect after this many milliseconds, body included (default 5000). */
  timeoutMs?: number | undefined
  /** Allowed clock skew with FranceConnect, in seconds (default 10). */
  clockToleranceSec?: number | undefined
}

/** Options of `verifyAccessToken` for FranceConnect v2 and FranceConnect+ (the default version). */
export interface VerifyAccessTokenOptions extends CommonOptions {
  version?: 'v2' | undefined
  /** The data provider's own `client_id`, given by FranceConnect when it registered the data provider. */
  clientId: string
  /** The data provider's `client_secret`. */
  clientSecret: string
  /**
   * The private keys FranceConnect encrypts checktoken answers to (private JWKs with `kid` and `alg`:
   * `ECDH-ES`, `RSA-OAEP` or `RSA-OAEP-256`); their public halves are served at the registered
   * `jwks_uri` (see `dataProviderJwks`). Keys are tried in this order among those whose `alg` matches.
   */
  decryptionKeys: readonly EncryptionKey[]
  /** FranceConnect's key set, when it is not `{issuer}/jwks`. */
  jwksUri?: string | undefined
  /**
   * The signed answer has no `exp`: refuse it when its `iat` is older than this many seconds
   * (default 60), clock tolerance aside.
   */
  maxAgeSec?: number | undefined
}

/**
 * Options of `verifyAccessToken` for FranceConnect v1 (legacy): its checktoken takes no data provider
 * credentials and answers plain JSON, so `clientId`, `clientSecret`, `decryptionKeys` and `jwksUri`
 * are not used.
 */
export interface VerifyAccessTokenV1Options extends CommonOptions {
  version: 'v1'
  clientId?: string | undefined
  clientSecret?: string | undefined
  decryptionKeys?: readonly EncryptionKey[] | undefined
  jwksUri?: string | undefined
  maxAgeSec?: number | undefined
}

/** How a verifier caches checktoken results. */
export interface ResultCacheOptions {
  /** At most this many results are kept; the least recently used goes first (default 1000). */
  maxEntries?: number | undefined
  /**
   * Keep an inactive result (expired, unknown or revoked token) this many seconds (default 5; 0: not
   * cached). A token never comes back to life, but FranceConnect may not know a brand-new token for
   * an instant, so this stays short.
   */
  inactiveTtlSec?: number | undefined
  /**
   * Keep an active result at most this many seconds, even if the token lives longer (default: until
   * the token's `exp`, 60 s at most on FranceConnect). Lower it to notice a revocation sooner.
   */
  maxTtlSec?: number | undefined
}

/** What a verifier adds to the `verifyAccessToken` options. */
interface VerifierExtras {
  /**
   * The result cache (on by default), keyed by a SHA-256 hash of the token. `false` turns it off;
   * concurrent calls for one token still share one checktoken request.
   */
  cache?: ResultCacheOptions | false
  /** Scopes every `authenticate` call requires unless it names its own. */
  scopes?: readonly string[]
  /** The `realm` of the `WWW-Authenticate` challenges (default `api`). */
  realm?: string
}

/** Options of `createAccessTokenVerifier` for FranceConnect v2 and FranceConnect+. */
export interface AccessTokenVerifierOptions extends VerifyAccessTokenOptions, VerifierExtras {}
/** Options of `createAccessTokenVerifier` for FranceConnect v1. */
export interface AccessTokenVerifierV1Options extends VerifyAccessTokenV1Options, VerifierExtras {}

/** Options of the one-shot `authenticate`: the `verifyAccessToken` options, the scopes required, the realm. */
export type AuthenticateOptions = VerifyAccessTokenOptions & AuthenticateExtras
/** Options of the one-shot `authenticate` for FranceConnect v1. */
export type AuthenticateV1Options = VerifyAccessTokenV1Options & AuthenticateExtras

/** What one `authenticate` call may require. */
export interface AuthenticateExtras {
  /** Scopes the token must have all been granted; otherwise a 403 `insufficient_scope` naming the missing ones. */
  scopes?: readonly string[] | undefined
  /** The `realm` of the `WWW-Authenticate` challenges (default `api`). */
  realm?: string | undefined
}

/** The answer for an expired, unknown or revoked access token. */
export interface InactiveAccessToken {
  active: false
}

interface ActiveAccessTokenBase {
  active: true
  /** The scopes the service provider was granted that belong to this data provider (FranceConnect filters them). */
  scopes: string[]
  /** The `client_id` of the service provider the token was issued to. */
  clientId: string
  /**
   * The eIDAS level the service provider asked (`acr_values`): `eidas1` on FranceConnect, `eidas2` or
   * `eidas3` on FranceConnect+. FranceConnect's checktoken reports the level asked, not the one the
   * user reached (which may be higher): the ID token's `acr` is the service provider's to check.
   */
  acr: string
}

/** A valid FranceConnect v2 / FranceConnect+ access token, as checktoken described it. */
export interface ActiveAccessToken extends ActiveAccessTokenBase {
  version: 'v2'
  /** The user's subject as computed for this data provider (it differs from the service provider's `sub`). */
  sub: string
  /** The pivot identity (and `sub`), validated like a relying party's claims. */
  identity: FranceConnectClaims
  /** When the access token was issued, epoch seconds. */
  issuedAt: number
  /** When the access token expires, epoch seconds. */
  expiresAt: number
  /**
   * An id of the access token for logs and replay accounting: the first 16 characters of the
   * base64url SHA-256 of its `jti`. Never the token itself (FranceConnect's `jti` is the token).
   */
  tokenId: string
}

/** The identity FranceConnect v1's checktoken returns: the pivot identity, with no guaranteed `sub`. */
export type FranceConnectV1Identity = Omit<FranceConnectClaims, 'sub'> & { sub?: string | undefined }

/**
 * A valid FranceConnect v1 access token. v1's checktoken says nothing of the subject, the token's
 * times or its id: those members are `undefined` (`sub` is the identity's, when it has one).
 */
export interface ActiveAccessTokenV1 extends ActiveAccessTokenBase {
  version: 'v1'
  sub: string | undefined
  identity: FranceConnectV1Identity
  issuedAt: undefined
  expiresAt: undefined
  tokenId: undefined
  /** The service provider's name, as v1 gives it. */
  clientName: string | undefined
}

/** What `verifyAccessToken` answers for FranceConnect v2 and FranceConnect+. */
export type AccessTokenResult = ActiveAccessToken | InactiveAccessToken
/** What `verifyAccessToken` answers for FranceConnect v1. */
export type AccessTokenV1Result = ActiveAccessTokenV1 | InactiveAccessToken
/** Any checktoken result. */
export type AnyAccessTokenResult = AccessTokenResult | AccessTokenV1Result

/** An incoming HTTP request, as any framework has it: Node's `req`, a fetch `Request`, Express, Fastify, Hono's `c.req.raw`. */
export interface BearerRequest {
  headers: Record<string, string | string[] | undefined> | Headers
}

/** A refusal `authenticate` prepared: send `status`, `headers` and the JSON `body` as they are. */
export interface AuthenticateFailure {
  ok: false
  /** 401 no or bad token, 403 scope missing, 503 FranceConnect unreachable or failing, 500 anything else on our side. */
  status: 401 | 403 | 500 | 503
  /** `www-authenticate` on 401 and 403 (RFC 6750); nothing on 5xx. */
  headers: Record<string, string>
  body: { error: string; error_description: string }
  /** The error behind a 403 or a 5xx, for your logs: its `code` says what happened; it holds no token or secret. */
  cause?: FranceConnectSdkError | undefined
}

/** What `authenticate` answers: the verified token, or a refusal ready to send. */
export type AuthenticateResult<T extends ActiveAccessToken | ActiveAccessTokenV1 = ActiveAccessToken> =
  | { ok: true; token: T }
  | AuthenticateFailure

/** A look at a verifier's result cache: its keys are SHA-256 hashes, never tokens. */
export interface ResultCacheView {
  /** How many results are cached (expired ones may still count until they are looked up or evicted). */
  readonly size: number
  /** The cache keys (base64url SHA-256 of the tokens), oldest first. */
  keys(): string[]
  /**
   * Forgets one token's result, e.g. when you learn it was revoked; `true` if one was cached.
   * Asynchronous: the key is the token's SHA-256 by Web Crypto.
   */
  delete(token: string): Promise<boolean>
  /** Forgets every result. */
  clear(): void
}

/** A checktoken verifier holding FranceConnect's key set and a result cache. */
export interface AccessTokenVerifier<R extends AnyAccessTokenResult = AccessTokenResult> {
  /** Verifies an access token with FranceConnect's checktoken (or answers from the cache). */
  verify(token: string): Promise<R>
  /** Reads the request's bearer token, verifies it, checks the scopes, and says what to answer. */
  authenticate(request: BearerRequest, options?: AuthenticateExtras): Promise<AuthenticateResult<Extract<R, { active: true }>>>
  /** The result cache, for inspection and invalidation. */
  readonly cache: ResultCacheView
}
