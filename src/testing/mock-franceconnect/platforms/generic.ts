/** Any OpenID Provider: oidc-provider's own behaviour, standard scopes, PKCE required, refresh tokens. */
import { FC_V2_ROUTES } from './franceconnect.js'
import type { ClaimsConfig, VariantProfile } from './types.js'

/** Plain OIDC standard scopes. */
const GENERIC_CLAIMS: ClaimsConfig = {
  openid: ['sub'],
  profile: ['given_name', 'family_name', 'preferred_username', 'gender', 'birthdate'],
  email: ['email'],
  amr: null,
}

export const GENERIC: VariantProfile = {
  variant: 'generic',
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
