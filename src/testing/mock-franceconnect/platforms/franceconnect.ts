/**
 * What the FranceConnect platforms share, from france-connect/sources: the routes and lifetimes of
 * `back/instances/core-fcp-{low,high}/src/config/oidc-provider.ts`, the authorize whitelist of
 * `back/apps/core-fcp/src/dto/authorize-params.dto.ts`, the scope → claims tables of
 * `back/libs/scopes/src/data/`.
 */
import type { ClaimsConfig } from './types.js'
import { franceConnectAuthorizeParameters, franceConnectPrompts } from '../../../providers/presets.js'

/**
 * `openid` also maps `acr` and `auth_time` on the FranceConnect platforms so that every ID token
 * carries them (iss, aud, sub, exp, iat, nonce, acr, auth_time), even on v1 without acr_values.
 * The userinfo response never gets them: accounts do not return these claims.
 */
export const FC_OPENID = ['sub', 'acr', 'auth_time']

/** The identity scopes every FranceConnect platform maps the same way (FC v2 adds `given_name_array`). */
export const FC_IDENTITY_CLAIMS: ClaimsConfig = {
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
}

export const FC_V2_ROUTES = {
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

/** The authorize parameters core-fcp's DTO lets through: one list with the presets'. */
export const FC_AUTHORIZE_PARAMS: readonly string[] = franceConnectAuthorizeParameters

export const FC_PROMPTS = new Set<string>(franceConnectPrompts)

export const FC_TTL = {
  AccessToken: 60,
  AuthorizationCode: 30,
  IdToken: 60,
  Grant: 30,
  Interaction: 1800,
  Session: 1800,
  RefreshToken: 3600,
}
