/** FranceConnect v2 (core-fcp-low): pairwise subjects, eidas1 only, JWT userinfo, checktoken v2. */
import { FC_AUTHORIZE_PARAMS, FC_IDENTITY_CLAIMS, FC_PROMPTS, FC_TTL, FC_V2_ROUTES } from './franceconnect.js'
import type { ClaimsConfig, VariantProfile } from './types.js'

/** Scope -> claims (`fcp-low.scopes.ts`): given names also as an array, the IdP's claims. `amr` is requested through `claims`. */
const V2_CLAIMS: ClaimsConfig = {
  ...FC_IDENTITY_CLAIMS,
  profile: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'preferred_username'],
  identite_pivot: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
  given_name: ['given_name', 'given_name_array'],
  idp_birthdate: ['idp_birthdate'],
  idp_id: ['idp_id'],
  amr: ['amr'],
}

export const FC_V2: VariantProfile = {
  variant: 'v2',
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
  // only eidas1; unknown -> eidas1; eidas2/eidas3 -> invalid_acr
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
  // core-fcp-low lists HS256 too, and its discovery test expects HS256 ES256 RS256
  idTokenSigningAlgs: ['HS256', 'ES256', 'RS256'],
}
