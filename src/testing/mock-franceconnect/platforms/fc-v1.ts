/**
 * FranceConnect v1 (legacy): everything under `/api/v1`, no discovery and no JWKS, ID tokens HS256
 * with the client secret, plain JSON userinfo, checktoken v1 (france-connect/service-provider-example
 * and data-provider-example).
 */
import { FC_IDENTITY_CLAIMS, FC_TTL, FC_V2_ROUTES } from './franceconnect.js'
import type { ClaimsConfig, VariantProfile } from './types.js'

/** Identity pivot + email; address and phone existed in v1. */
const V1_CLAIMS: ClaimsConfig = {
  ...FC_IDENTITY_CLAIMS,
  address: ['address'],
  phone: ['phone_number'],
}

export const FC_V1: VariantProfile = {
  variant: 'v1',
  mountPath: '',
  routes: {
    ...Object.fromEntries(Object.entries(FC_V2_ROUTES).map(([name, path]) => [name, `/api/v1${path}`])),
    end_session: '/api/v1/logout',
  },
  // v1 accepted acr_values eidas1..eidas3; missing or other -> highest level (Keycloak-FranceConnect#10)
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
