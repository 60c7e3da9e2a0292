import { ConfigurationError } from '../errors/configuration-error.js'
import { decryptJwe, type JweDecrypt } from '../oidc/decrypt-jwe.js'
import { eidasLevels, type EidasLevel } from './eidas.js'
import { issuers, type FranceConnectEnvironment, type IntegrationOrProduction } from './environments.js'
import type { Provider, ProviderEndpoints, ProviderOf, TokenAuthMethod } from './provider.js'

/** Where a preset points: a known environment, or any issuer (a mock, a self-hosted copy). */
export type PresetLocation<Env extends string> =
  | { env: Env; issuer?: never; allowInsecureHttp?: never }
  | {
      issuer: string
      env?: never
      /**
       * Development only: accept a plain-HTTP issuer that is not on loopback (a mock in
       * docker-compose, `http://fc-mock:3000/api/v2`). Refused with `env`: the real platforms are HTTPS.
       */
      allowInsecureHttp?: boolean
    }

/**
 * The authorization parameters FranceConnect v2 and FranceConnect+ accept, and nothing else (the
 * authorize DTO of core-fcp); the sandbox's mock enforces the same list.
 */
export const franceConnectAuthorizeParameters = [
  'client_id',
  'response_type',
  'redirect_uri',
  'scope',
  'acr_values',
  'nonce',
  'state',
  'prompt',
  'claims',
  'idp_hint',
  'ui_locales',
] as const

/** The `prompt` values FranceConnect v2 and FranceConnect+ accept. */
export const franceConnectPrompts = ['login', 'consent', 'login consent', 'consent login'] as const

/**
 * What FranceConnect v2 and FranceConnect+ share, being one core: discovery, the strict parameter
 * allow-list without PKCE, the client authentication and revocation rules, the scopes and prompts,
 * the claims family, the required `iss` in the callback.
 */
const franceConnectRules = {
  discovery: true,
  authorizeParameters: franceConnectAuthorizeParameters,
  pkce: false,
  tokenAuthMethods: ['client_secret_post', 'private_key_jwt'],
  defaultScopes: ['openid', 'identite_pivot'],
  prompts: franceConnectPrompts,
  revocationAuthMethod: 'client_secret_post',
  revocationSendsTypeHint: false,
  claims: 'franceconnect',
  callbackIssRequired: true,
} as const satisfies Partial<Provider>

/** The explicit development opt-in of a location, refused for the platforms' own environments. */
function insecureHttpOf(location: { env?: string; allowInsecureHttp?: boolean }): { insecureHttp?: true } {
  if (location.allowInsecureHttp !== true) return {}
  if (location.env !== undefined) {
    throw new ConfigurationError(
      'configuration_invalid',
      `allowInsecureHttp is for a development issuer, not the "${location.env}" environment`,
    )
  }
  return { insecureHttp: true }
}

function locate<Env extends string>(platform: keyof typeof issuers, location: PresetLocation<Env>): string {
  if (location.issuer !== undefined) return location.issuer
  const known = issuers[platform] as Record<string, string>
  const issuer = known[location.env]
  if (issuer === undefined) {
    throw new ConfigurationError(
      'configuration_invalid',
      `Unknown ${platform} environment "${location.env}" (known: ${Object.keys(known).join(', ')})`,
    )
  }
  return issuer
}

/**
 * FranceConnect v2 (standard, eIDAS level 1): ID token and userinfo signed ES256 or RS256,
 * `acr_values=eidas1` required, no PKCE (FranceConnect refuses unknown parameters).
 *
 * @example
 * ```ts
 * const provider = franceConnect({ env: 'sandbox' })
 * const local = franceConnect({ issuer: sandbox.issuer })
 * ```
 */
export function franceConnect(location: PresetLocation<FranceConnectEnvironment>): ProviderOf<'franceconnect'> {
  return {
    id: 'franceconnect',
    name: 'FranceConnect',
    issuer: locate('franceconnect', location),
    ...insecureHttpOf(location),
    ...franceConnectRules,
    signingAlgorithms: ['ES256', 'RS256'],
    userinfo: 'jwt',
    acr: { levels: eidasLevels, allowed: ['eidas1'], default: 'eidas1', parameter: 'acr_values', required: true },
  }
}

/**
 * FranceConnect+ (eIDAS levels 2 and 3): ID token and userinfo signed ES256 then encrypted to the
 * client's keys (RSA-OAEP, RSA-OAEP-256 or ECDH-ES, with A256GCM). Give the client
 * `encryptionKeys` and serve `client.jwks()` at the `jwks_uri` registered with FranceConnect.
 *
 * @example
 * ```ts
 * const provider = franceConnectPlus({ env: 'integration' })
 * ```
 */
export function franceConnectPlus(location: PresetLocation<IntegrationOrProduction>): ProviderOf<'franceconnect'> {
  return {
    id: 'franceconnect-plus',
    name: 'FranceConnect+',
    issuer: locate('franceconnect-plus', location),
    ...insecureHttpOf(location),
    ...franceConnectRules,
    signingAlgorithms: ['ES256'],
    userinfo: 'jwe',
    decryptJwe,
    encryption: {
      required: true,
      keyManagementAlgorithms: ['ECDH-ES', 'RSA-OAEP', 'RSA-OAEP-256'],
      contentEncryptionAlgorithms: ['A256GCM'],
    },
    acr: {
      levels: eidasLevels,
      allowed: ['eidas2', 'eidas3'],
      default: 'eidas2',
      parameter: 'acr_values',
      required: true,
    },
  }
}

/**
 * FranceConnect v1 (legacy, being shut down): no discovery, `/api/v1` paths, ID token HS256 keyed
 * by the client secret, plain JSON userinfo, `/api/v1/logout`, no revocation.
 *
 * @example
 * ```ts
 * const provider = franceConnectV1({ env: 'integration' })
 * ```
 */
export function franceConnectV1(location: PresetLocation<IntegrationOrProduction>): ProviderOf<'franceconnect'> {
  const issuer = locate('franceconnect-v1', location)
  const endpoints: ProviderEndpoints = {
    authorization_endpoint: `${issuer}/api/v1/authorize`,
    token_endpoint: `${issuer}/api/v1/token`,
    userinfo_endpoint: `${issuer}/api/v1/userinfo`,
    end_session_endpoint: `${issuer}/api/v1/logout`,
  }
  return {
    id: 'franceconnect-v1',
    name: 'FranceConnect v1',
    issuer,
    ...insecureHttpOf(location),
    discovery: false,
    endpoints,
    authorizeParameters: ['client_id', 'response_type', 'redirect_uri', 'scope', 'acr_values', 'nonce', 'state', 'claims'],
    pkce: false,
    tokenAuthMethods: ['client_secret_post'],
    signingAlgorithms: ['HS256'],
    userinfo: 'json',
    acr: { levels: eidasLevels, allowed: eidasLevels, parameter: 'acr_values', required: false },
    defaultScopes: ['openid', 'identite_pivot'],
    revocationSendsTypeHint: false,
    claims: 'franceconnect',
    callbackIssRequired: false,
  }
}

/**
 * ProConnect's authentication levels since 18 June 2026, lowest first: `eidas0` (identity providers
 * that are not eIDAS-notified), `eidas1`, each with a multi-factor variant, then `eidas2`, `eidas3`.
 */
export const proConnectAcrLevels = ['eidas0', 'eidas0-mfa', 'eidas1', 'eidas1-mfa', 'eidas2', 'eidas3'] as const

/** ProConnect's levels that imply multi-factor authentication: ask one of them to require MFA. */
export const proConnectMfaLevels = ['eidas0-mfa', 'eidas1-mfa', 'eidas2', 'eidas3'] as const

/** ProConnect's level for a company director whose mandate was checked: satisfied by itself only. */
export const proConnectCertificationDirigeant = 'https://proconnect.gouv.fr/assurance/certification-dirigeant'

/**
 * ProConnect (for public agents and professionals): same core as FranceConnect, `state` and `nonce`
 * of at least 32 characters, `prompt=none` and `login_hint` allowed, levels asked through
 * `claims.id_token.acr`, userinfo a signed JWT.
 *
 * @example
 * ```ts
 * const provider = proConnect({ env: 'integration' })
 * ```
 */
export function proConnect(location: PresetLocation<IntegrationOrProduction>): ProviderOf<'proconnect'> {
  return {
    id: 'proconnect',
    name: 'ProConnect',
    issuer: locate('proconnect', location),
    ...insecureHttpOf(location),
    discovery: true,
    authorizeParameters: [...franceConnectAuthorizeParameters, 'login_hint'],
    pkce: false,
    tokenAuthMethods: ['client_secret_post', 'private_key_jwt'],
    signingAlgorithms: ['ES256', 'RS256'],
    userinfo: 'jwt',
    userinfoChoices: ['jwt', 'json'],
    acr: {
      levels: proConnectAcrLevels,
      mfaLevels: proConnectMfaLevels,
      allowed: [...proConnectAcrLevels, proConnectCertificationDirigeant],
      parameter: 'claims',
      required: false,
    },
    defaultScopes: ['openid', 'given_name', 'usual_name', 'email', 'uid'],
    prompts: ['none', 'login', 'consent', 'login consent', 'consent login', 'select_account'],
    revocationSendsTypeHint: false,
    claims: 'proconnect',
    callbackIssRequired: false,
  }
}

/** Options of {@link oidcProvider}. */
export interface OidcProviderOptions {
  issuer: string
  /** Accepted signature algorithms (default: what discovery lists, else RS256 and ES256). */
  signingAlgorithms?: readonly string[] | undefined
  /** Token endpoint authentication (default: client_secret_basic, then client_secret_post). */
  tokenAuthMethods?: readonly TokenAuthMethod[] | undefined
  /** Userinfo format (default `auto`: a JWT is verified, JSON is accepted). */
  userinfo?: Provider['userinfo'] | undefined
  /** Scopes asked when the app names none (default `openid`). */
  defaultScopes?: readonly string[] | undefined
  /**
   * Hosts besides the issuer's where discovery may put endpoints (e.g. a token endpoint on another
   * domain). Every other host is refused.
   */
  endpointHosts?: readonly string[] | undefined
  /** `false` accepts endpoints on any HTTPS host (default `true`: the issuer's host and `endpointHosts`). */
  pinEndpoints?: boolean | undefined
  /** Development only: accept a plain-HTTP issuer that is not on loopback (a mock in docker-compose). */
  allowInsecureHttp?: boolean | undefined
  /**
   * For a provider that encrypts ID tokens or userinfo to the client's `encryptionKeys`: the JWE
   * decryption, e.g. `decryptJwe` from `franceconnect-sdk` (without it, an encrypted token is refused).
   */
  decryptJwe?: JweDecrypt | undefined
}

/**
 * Any OpenID Connect provider, found by discovery; PKCE S256 on, every other check as strict as
 * for FranceConnect.
 *
 * @example
 * ```ts
 * const provider = oidcProvider({ issuer: 'https://login.example.fr/realms/agents' })
 * ```
 */
export function oidcProvider(options: OidcProviderOptions): ProviderOf<'standard'> {
  return {
    id: 'oidc',
    name: 'OpenID Connect provider',
    issuer: options.issuer,
    ...insecureHttpOf({ allowInsecureHttp: options.allowInsecureHttp === true }),
    discovery: true,
    pkce: true,
    tokenAuthMethods: options.tokenAuthMethods ?? ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    signingAlgorithms: options.signingAlgorithms ?? ['RS256', 'ES256', 'PS256', 'EdDSA'],
    userinfo: options.userinfo ?? 'auto',
    userinfoChoices: ['auto', 'jwt', 'json'],
    defaultScopes: options.defaultScopes ?? ['openid'],
    ...(options.endpointHosts ? { endpointHosts: options.endpointHosts } : {}),
    ...(options.pinEndpoints === false ? { pinEndpoints: false } : {}),
    ...(options.decryptJwe ? { decryptJwe: options.decryptJwe } : {}),
    revocationSendsTypeHint: true,
    claims: 'standard',
    callbackIssRequired: false,
  }
}

export type { EidasLevel }
