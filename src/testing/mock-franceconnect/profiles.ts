/**
 * What differs between the variants the mock FranceConnect can impersonate. Section numbers (§n)
 * refer to the FranceConnect protocol reference.
 */
import { dataScopes } from '../../registry/data-scopes.js'
import type { OpVariant } from './types.js'

/**
 * Every data scope of the "API FranceConnectées" FranceConnect v2 enables (§9.5): they release no
 * identity claim, they only appear in the granted `scope` (and in checktoken's).
 */
export const DEFAULT_DATA_SCOPES: readonly string[] = Object.freeze(dataScopes.map((entry) => entry.scope))

/** The data scopes a variant offers: FranceConnect+ maps only the CNAM, CNOUS and DGFiP ones (§9.5). */
export function dataScopesOf(variant: OpVariant): string[] {
  if (variant === 'fcplus')
    return dataScopes.filter((entry) => entry.platforms.includes('franceconnect-plus')).map((entry) => entry.scope)
  if (variant === 'v2' || variant === 'v1') return [...DEFAULT_DATA_SCOPES]
  return []
}

/** oidc-provider `claims` configuration: scope -> claims it releases; `null` = claim not tied to a scope. */
export type ClaimsConfig = Record<string, string[] | null>

/**
 * `openid` also maps `acr` and `auth_time` on the FranceConnect variants so that every ID token
 * carries them (§7.1: iss, aud, sub, exp, iat, nonce, acr, auth_time), even on v1 without
 * acr_values. The userinfo response never gets them: accounts do not return these claims.
 */
const FC_OPENID = ['sub', 'acr', 'auth_time']

/** FranceConnect v2 scope -> claims (§9.2). `amr` is requested through `claims` (§4, §7.1). */
const V2_CLAIMS: ClaimsConfig = {
  openid: FC_OPENID,
  profile: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'preferred_username'],
  birth: ['birthplace', 'birthcountry'],
  identite_pivot: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
  given_name: ['given_name', 'given_name_array'],
  family_name: ['family_name'],
  gender: ['gender'],
  birthdate: ['birthdate'],
  birthplace: ['birthplace'],
  birthcountry: ['birthcountry'],
  email: ['email'],
  preferred_username: ['preferred_username'],
  idp_birthdate: ['idp_birthdate'],
  idp_id: ['idp_id'],
  amr: ['amr'],
}

/** FranceConnect+ (§9.3): no given_name_array / idp_birthdate; rnipp_* twins return the IdP claim + its twin. */
const FCPLUS_CLAIMS: ClaimsConfig = {
  openid: FC_OPENID,
  profile: ['given_name', 'family_name', 'birthdate', 'gender', 'preferred_username'],
  birth: ['birthplace', 'birthcountry'],
  identite_pivot: ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
  given_name: ['given_name'],
  family_name: ['family_name'],
  gender: ['gender'],
  birthdate: ['birthdate'],
  birthplace: ['birthplace'],
  birthcountry: ['birthcountry'],
  email: ['email'],
  preferred_username: ['preferred_username'],
  amr: ['amr'],
  rnipp_gender: ['gender', 'rnipp_gender'],
  rnipp_family_name: ['family_name', 'rnipp_family_name'],
  rnipp_given_name: ['given_name', 'rnipp_given_name', 'rnipp_given_name_array'],
  rnipp_birthdate: ['birthdate', 'rnipp_birthdate'],
  rnipp_birthplace: ['birthplace', 'rnipp_birthplace'],
  rnipp_birthcountry: ['birthcountry', 'rnipp_birthcountry'],
}

/** FranceConnect v1 (§1, §8, §12.2): identity pivot + email, address and phone existed in v1. */
const V1_CLAIMS: ClaimsConfig = {
  openid: FC_OPENID,
  profile: ['given_name', 'family_name', 'birthdate', 'gender', 'preferred_username'],
  birth: ['birthplace', 'birthcountry'],
  identite_pivot: ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
  given_name: ['given_name'],
  family_name: ['family_name'],
  gender: ['gender'],
  birthdate: ['birthdate'],
  birthplace: ['birthplace'],
  birthcountry: ['birthcountry'],
  email: ['email'],
  preferred_username: ['preferred_username'],
  address: ['address'],
  phone: ['phone_number'],
}

/**
 * ProConnect (core-fca-low `config/oidc-provider.ts`): scope `phone` releases `phone_number`, and the
 * agent's organisation claims. `openid` also maps acr and auth_time, as on the FranceConnect variants.
 */
const PROCONNECT_CLAIMS: ClaimsConfig = {
  openid: FC_OPENID,
  amr: ['amr'],
  uid: ['uid'],
  given_name: ['given_name'],
  email: ['email'],
  phone: ['phone_number'],
  organizational_unit: ['organizational_unit'],
  siren: ['siren'],
  siret: ['siret'],
  usual_name: ['usual_name'],
  belonging_population: ['belonging_population'],
  idp_id: ['idp_id'],
  idp_acr: ['idp_acr'],
  custom: ['custom'],
}

/** Plain OIDC standard scopes. */
const GENERIC_CLAIMS: ClaimsConfig = {
  openid: ['sub'],
  profile: ['given_name', 'family_name', 'preferred_username', 'gender', 'birthdate'],
  email: ['email'],
  amr: null,
}

export interface AcrRules {
  /** Known values, lowest level first. */
  ranked: string[]
  /** Values the platform accepts; a known-but-not-allowed lowest value gives error=invalid_acr (§4). */
  allowed: string[]
  /** Level used when acr_values is absent or only has unknown values. */
  fallback: string | undefined
  /** acr_values mandatory (missing -> Y030007, §4, gotcha 2). */
  required: boolean
  /**
   * ProConnect: no ranking, no rewrite; the level the identity provider authenticated at must be one
   * of the essential `claims.id_token.acr` values asked, else `access_denied`.
   */
  exactMatch?: boolean
}

export interface VariantProfile {
  variant: OpVariant
  /** Path prefix the provider is mounted under ('' when the issuer is the origin). */
  mountPath: string
  routes: Record<string, string>
  /** FranceConnect-core strict authorize DTO (§4, §15). */
  strictAuthorize?: {
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
  acr: AcrRules
  amr: string[]
  claims: ClaimsConfig
  /** Scopes besides the claim-defined ones. */
  extraScopes: string[]
  acceptsDataScopes: boolean
  ttl: {
    AccessToken: number
    AuthorizationCode: number
    IdToken: number
    Grant: number
    Interaction: number
    Session: number
    RefreshToken: number
  }
  clientAuthMethod: 'client_secret_post' | 'client_secret_basic'
  /** Also exposes discovery and /jwks (v1 has neither, §2.2). */
  hasDiscovery: boolean
  revocation: boolean
  jwtUserinfo: boolean
  encryption: boolean
  /** Strict revocation body (exactly token, client_id, client_secret; §11). */
  strictRevocation: boolean
  /** Strict end-session query (LogoutParamsDto: id_token_hint required, nothing unlisted; §10). */
  strictLogout: boolean
  /** Subject type of every client: pairwise on FranceConnect, public on ProConnect. */
  subjectType: 'pairwise' | 'public'
  /** Userinfo only answers GET (§2.2: no POST route on FC). */
  userinfoGetOnly: boolean
  /** Data providers' checktoken: v2 (form, JWE(JWS), §12.1), v1 (JSON, §12.2), or none. */
  checktoken: 'v2' | 'v1' | undefined
  pkceRequired: boolean
  refreshTokens: boolean
  idTokenSigningAlgs: string[]
}

const FC_V2_ROUTES = {
  authorization: '/authorize',
  token: '/token',
  userinfo: '/userinfo',
  jwks: '/jwks',
  end_session: '/session/end',
  revocation: '/token/revocation',
  // not enabled, but oidc-provider wants a value for every route name
  introspection: '/token/introspection',
  registration: '/reg',
  pushed_authorization_request: '/request',
  code_verification: '/device',
  device_authorization: '/device/auth',
  backchannel_authentication: '/backchannel',
  challenge: '/challenge',
  credential: '/credential',
}

/** Authorize DTO whitelist of core-fcp (§4). */
const FC_AUTHORIZE_PARAMS = [
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
]

/**
 * ProConnect's levels since 18 June 2026 (core-fca-low `config/oidc-provider.ts` acrValues), lowest first.
 */
export const PROCONNECT_ACR_VALUES = [
  'eidas0',
  'eidas0-mfa',
  'eidas1',
  'eidas1-mfa',
  'eidas2',
  'eidas3',
  'https://proconnect.gouv.fr/assurance/certification-dirigeant',
] as const

const FC_PROMPTS = new Set(['login', 'consent', 'login consent', 'consent login'])

const FC_TTL = {
  // §14
  AccessToken: 60,
  AuthorizationCode: 30,
  IdToken: 60,
  Grant: 30,
  Interaction: 1800,
  Session: 1800,
  RefreshToken: 3600,
}

export function profileFor(variant: OpVariant): VariantProfile {
  switch (variant) {
    case 'v2':
      return {
        variant,
        mountPath: '/api/v2',
        routes: FC_V2_ROUTES,
        strictAuthorize: {
          errorCode: 'Y030007',
          allowed: new Set(FC_AUTHORIZE_PARAMS),
          required: ['client_id', 'response_type', 'redirect_uri', 'scope', 'acr_values', 'nonce', 'state'],
          minNonce: 22,
          minState: 1,
          prompts: FC_PROMPTS,
          forcedPrompt: 'login consent',
          rewritesAcr: true,
        },
        // §4: only eidas1; unknown -> eidas1; eidas2/eidas3 -> invalid_acr
        acr: { ranked: ['eidas1', 'eidas2', 'eidas3'], allowed: ['eidas1'], fallback: 'eidas1', required: true },
        amr: ['fc', 'pwd'],
        claims: V2_CLAIMS,
        extraScopes: [],
        acceptsDataScopes: true,
        ttl: FC_TTL,
        clientAuthMethod: 'client_secret_post',
        hasDiscovery: true,
        revocation: true,
        jwtUserinfo: true,
        encryption: false,
        strictRevocation: true,
        strictLogout: true,
        subjectType: 'pairwise',
        userinfoGetOnly: true,
        checktoken: 'v2',
        pkceRequired: false,
        refreshTokens: false,
        // §3.1: the discovery test expects HS256 ES256 RS256
        idTokenSigningAlgs: ['HS256', 'ES256', 'RS256'],
      }
    case 'fcplus':
      return {
        ...profileFor('v2'),
        variant,
        // §4: eidas2/eidas3, lowest known wins; unknown -> eidas3; eidas1 -> invalid_acr
        acr: { ranked: ['eidas1', 'eidas2', 'eidas3'], allowed: ['eidas2', 'eidas3'], fallback: 'eidas3', required: true },
        amr: ['fc', 'pop', 'mfa', 'pin'],
        claims: FCPLUS_CLAIMS,
        // §14: session / interaction 600 s on FC+
        ttl: { ...FC_TTL, Interaction: 600, Session: 600 },
        encryption: true,
        idTokenSigningAlgs: ['ES256'],
      }
    case 'proconnect':
      return {
        ...profileFor('v2'),
        variant,
        strictAuthorize: {
          // core-fca-low AuthorizeParamsDto: PKCE, login_hint, siret_hint and response_mode allowed; nonce optional
          errorCode: 'Y000400',
          allowed: new Set([
            ...FC_AUTHORIZE_PARAMS,
            'response_mode',
            'login_hint',
            'siret_hint',
            'code_challenge',
            'code_challenge_method',
          ]),
          required: ['client_id', 'response_type', 'redirect_uri', 'scope', 'state'],
          minNonce: 0,
          maxNonce: 512,
          minState: 1,
          prompts: new Set(['none', 'login', 'consent', 'login consent', 'consent login']),
          rewritesAcr: false,
        },
        acr: {
          ranked: [...PROCONNECT_ACR_VALUES],
          allowed: [...PROCONNECT_ACR_VALUES],
          fallback: 'eidas1',
          required: false,
          exactMatch: true,
        },
        amr: ['pwd'],
        claims: PROCONNECT_CLAIMS,
        acceptsDataScopes: false,
        checktoken: undefined,
        // core-fca-low has its own logout DTO, not reproduced here
        strictLogout: false,
        subjectType: 'public',
        // core-fca-low sets Grant, Session and RefreshToken to 12 h and leaves the others to
        // oidc-provider's defaults: access tokens live an hour
        ttl: {
          AccessToken: 3600,
          AuthorizationCode: 60,
          IdToken: 3600,
          Grant: 12 * 3600,
          Interaction: 3600,
          Session: 12 * 3600,
          RefreshToken: 12 * 3600,
        },
        refreshTokens: true,
        idTokenSigningAlgs: ['ES256', 'RS256', 'HS256'],
      }
    case 'v1':
      return {
        variant,
        mountPath: '',
        // §2.2
        routes: {
          ...Object.fromEntries(Object.entries(FC_V2_ROUTES).map(([name, path]) => [name, `/api/v1${path}`])),
          end_session: '/api/v1/logout',
        },
        // v1 accepted acr_values eidas1..eidas3; missing or other -> highest level (§1, Keycloak-FranceConnect#10)
        acr: {
          ranked: ['eidas1', 'eidas2', 'eidas3'],
          allowed: ['eidas1', 'eidas2', 'eidas3'],
          fallback: 'eidas3',
          required: false,
        },
        amr: ['fc', 'pwd'],
        claims: V1_CLAIMS,
        extraScopes: [],
        acceptsDataScopes: true,
        ttl: FC_TTL,
        clientAuthMethod: 'client_secret_post',
        hasDiscovery: false,
        revocation: false,
        jwtUserinfo: false,
        encryption: false,
        strictRevocation: false,
        strictLogout: false,
        subjectType: 'pairwise',
        userinfoGetOnly: false,
        checktoken: 'v1',
        pkceRequired: false,
        refreshTokens: false,
        idTokenSigningAlgs: ['HS256'],
      }
    case 'generic':
      return {
        variant,
        mountPath: '',
        routes: { ...FC_V2_ROUTES, authorization: '/auth', userinfo: '/me' },
        acr: { ranked: [], allowed: [], fallback: undefined, required: false },
        amr: ['pwd'],
        claims: GENERIC_CLAIMS,
        extraScopes: ['offline_access'],
        acceptsDataScopes: false,
        ttl: {
          AccessToken: 3600,
          AuthorizationCode: 60,
          IdToken: 3600,
          Grant: 14 * 24 * 3600,
          Interaction: 3600,
          Session: 14 * 24 * 3600,
          RefreshToken: 14 * 24 * 3600,
        },
        clientAuthMethod: 'client_secret_basic',
        hasDiscovery: true,
        revocation: true,
        jwtUserinfo: false,
        encryption: false,
        strictRevocation: false,
        strictLogout: false,
        subjectType: 'pairwise',
        userinfoGetOnly: false,
        checktoken: undefined,
        pkceRequired: true,
        refreshTokens: true,
        idTokenSigningAlgs: ['RS256', 'ES256'],
      }
  }
}

/**
 * The acr an authorization request resolves to, or the invalid_acr error (§4).
 * `requested` is the raw acr_values plus any claims.id_token.acr values.
 */
export function resolveAcr(
  rules: AcrRules,
  requested: string[],
): { acr: string | undefined } | { error: string; description: string } {
  const known = requested
    .filter((value) => rules.ranked.includes(value))
    .sort((a, b) => rules.ranked.indexOf(a) - rules.ranked.indexOf(b))
  if (rules.ranked.length === 0) {
    // generic: no acr policy, echo the first requested value if any
    return { acr: requested[0] }
  }
  const chosen = known[0] ?? rules.fallback
  if (chosen !== undefined && !rules.allowed.includes(chosen)) {
    return {
      error: 'invalid_acr',
      description: `acr_value is not valid, should be equal one of these values, expected ${rules.allowed.join(',')}, got ${chosen}`,
    }
  }
  return { acr: chosen }
}
