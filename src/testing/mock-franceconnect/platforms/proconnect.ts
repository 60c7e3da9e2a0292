/**
 * ProConnect (proconnect-gouv/federation, core-fca-low `config/oidc-provider.ts`): FranceConnect's
 * core for public agents, with public subjects, levels asked through `claims`, `prompt=none`,
 * refresh tokens and 12-hour sessions; no checktoken.
 */
import { FC_V2 } from './fc-v2.js'
import { FC_AUTHORIZE_PARAMS, FC_OPENID } from './franceconnect.js'
import type { ClaimsConfig, VariantProfile } from './types.js'

/** ProConnect's levels since 18 June 2026 (core-fca-low `acrValues`), lowest first. */
export const PROCONNECT_ACR_VALUES = [
  'eidas0',
  'eidas0-mfa',
  'eidas1',
  'eidas1-mfa',
  'eidas2',
  'eidas3',
  'https://proconnect.gouv.fr/assurance/certification-dirigeant',
] as const

/**
 * Scope `phone` releases `phone_number`, and the agent's organisation claims. `openid` also maps acr
 * and auth_time, as on the FranceConnect platforms.
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

export const PROCONNECT: VariantProfile = {
  ...FC_V2,
  variant: 'proconnect',
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
