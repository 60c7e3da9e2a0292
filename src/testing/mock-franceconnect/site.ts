/** Where a started mock answers: its origin, its issuer, its routes and its endpoint URLs. */
import type { VariantProfile } from './platforms/index.js'
import type { OpEndpoints } from './types.js'

/** oidc-provider's route names, relative to the issuer. */
export type OpRoutes = Record<string, string> & {
  authorization: string
  token: string
  userinfo: string
  jwks: string
  end_session: string
  revocation: string
}

/** A started mock's addresses. */
export interface OpSite {
  /** http://127.0.0.1:PORT */
  origin: string
  issuer: string
  routes: OpRoutes
  /** Path of the data providers' checktoken, if the platform has one. */
  checktokenPath: string | undefined
}

/**
 * The addresses of a platform's mock served at `origin`.
 *
 * @example
 * ```ts
 * siteOf(profileFor('v1'), 'http://127.0.0.1:4000').checktokenPath // '/api/v1/checktoken'
 * ```
 */
export function siteOf(profile: VariantProfile, origin: string): OpSite {
  const checktokenPath =
    profile.checktoken === 'v2'
      ? `${profile.mountPath}/checktoken`
      : profile.checktoken === 'v1'
        ? '/api/v1/checktoken'
        : undefined
  return { origin, issuer: `${origin}${profile.mountPath}`, routes: profile.routes as OpRoutes, checktokenPath }
}

/**
 * The endpoint URLs of a site (v1 included, which has no discovery document).
 *
 * @example
 * ```ts
 * endpointsOf(profileFor('v2'), site).endSession // 'http://127.0.0.1:4000/api/v2/session/end'
 * ```
 */
export function endpointsOf(profile: VariantProfile, site: OpSite): OpEndpoints {
  const { issuer, routes } = site
  return {
    ...(profile.hasDiscovery ? { discovery: `${issuer}/.well-known/openid-configuration`, jwks: `${issuer}${routes.jwks}` } : {}),
    authorization: `${issuer}${routes.authorization}`,
    token: `${issuer}${routes.token}`,
    userinfo: `${issuer}${routes.userinfo}`,
    endSession: `${issuer}${routes.end_session}`,
    ...(profile.revocation ? { revocation: `${issuer}${routes.revocation}` } : {}),
    ...(site.checktokenPath ? { checktoken: `${site.origin}${site.checktokenPath}` } : {}),
  }
}
