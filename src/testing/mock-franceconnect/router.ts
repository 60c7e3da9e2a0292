/**
 * The mock's front door: counts each request, serves the interaction pages and checktoken, applies
 * the FranceConnect rules oidc-provider alone would not (france-connect/sources
 * `back/libs/oidc-provider/src/oidc-provider.controller.ts` and its DTOs), then hands the request to
 * oidc-provider, mounted under the issuer's path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type ChecktokenContext, handleChecktokenV1, handleChecktokenV2 } from './checktoken.js'
import { type Dispatch, readBody, replayRequest, send, sendJson, sendVerdict } from './http.js'
import type { InteractionHandler } from './interactions.js'
import { checkAuthorizeRequest, rewriteAuthorizeQuery } from './rules/authorize.js'
import { checkLogoutRequest } from './rules/logout.js'
import { checkRevocationBody } from './rules/revocation.js'
import type { Verdict } from './rules/verdict.js'
import type { OpSetup } from './setup.js'
import type { OpRoutes, OpSite } from './site.js'

/** The names `StartedOp.requests` counts requests under. */
const REQUEST_NAMES = [
  'discovery',
  'jwks',
  'authorize',
  'token',
  'userinfo',
  'revocation',
  'end_session',
  'checktoken',
  'interaction',
] as const

/** A request counter by name, every name at 0. */
export function requestCounter(): { requests: Record<string, number>; count(name: string): void } {
  const requests: Record<string, number> = Object.fromEntries(REQUEST_NAMES.map((name) => [name, 0]))
  return {
    requests,
    count(name) {
      requests[name] = (requests[name] ?? 0) + 1
    },
  }
}

/** What the front door hands requests to. */
export interface RouterParts {
  setup: OpSetup
  site: OpSite
  /** oidc-provider's request listener. */
  provider: Dispatch
  interactions: InteractionHandler
  checktoken: ChecktokenContext
  count(name: string): void
}

/** The name a request to oidc-provider is counted under, from its path below the issuer. */
function requestName(inner: string, routes: OpRoutes): string | undefined {
  if (inner === '/.well-known/openid-configuration' || inner === '/.well-known/oauth-authorization-server') return 'discovery'
  const byRoute: [string, string][] = [
    [routes.jwks, 'jwks'],
    [routes.authorization, 'authorize'],
    [routes.token, 'token'],
    [routes.userinfo, 'userinfo'],
    [routes.revocation, 'revocation'],
    [routes.end_session, 'end_session'],
  ]
  return byRoute.find(([route]) => route === inner)?.[1]
}

/** Endpoints a platform does not have, or not that way: answered here. True when answered. */
function refusedEndpoint(setup: OpSetup, site: OpSite, req: IncomingMessage, res: ServerResponse, inner: string): boolean {
  const { profile } = setup
  const { routes } = site
  const method = req.method ?? 'GET'
  // v1 has no discovery document and no JWKS
  if (!profile.hasDiscovery && (inner.startsWith('/.well-known/') || inner === routes.jwks)) {
    send(res, 404, 'text/plain', 'not found')
    return true
  }
  // FranceConnect's userinfo route is GET only
  if (profile.userinfoGetOnly && inner === routes.userinfo && method === 'POST') {
    const path = new URL(req.url ?? '/', site.origin).pathname
    sendJson(res, 404, { error: 'not_found', error_description: `Cannot POST ${path}` })
    return true
  }
  // client_secret_basic is not enabled on FranceConnect. oidc-provider treats basic and post as
  // interchangeable for a client_secret_post client, so refuse the Authorization header here.
  if (
    profile.clientAuthMethod === 'client_secret_post' &&
    method === 'POST' &&
    (inner === routes.token || inner === routes.revocation) &&
    /^basic\s/i.test(req.headers.authorization ?? '')
  ) {
    const description = 'client authentication failed (client_secret_basic is not enabled, use client_secret_post)'
    sendVerdict(res, { kind: 'json', status: 401, body: { error: 'invalid_client', error_description: description } })
    return true
  }
  return false
}

function refused(res: ServerResponse, verdict: Exclude<Verdict, { kind: 'pass' }>): undefined {
  sendVerdict(res, verdict)
  return undefined
}

/**
 * The FranceConnect core's checks of authorize, end-session and revocation requests, and its rewrite
 * of authorize's query. Resolves with the request to hand to oidc-provider, or undefined when answered.
 */
async function applyCoreRules(
  setup: OpSetup,
  site: OpSite,
  req: IncomingMessage,
  res: ServerResponse,
  inner: string,
): Promise<IncomingMessage | undefined> {
  const { profile, client } = setup
  const { routes, issuer } = site
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', site.origin)
  if (method === 'GET' && inner === routes.authorization) {
    const verdict = checkAuthorizeRequest(profile, url.searchParams, client, issuer)
    if (verdict.kind !== 'pass') return refused(res, verdict)
    if (profile.strictAuthorize) req.url = `${url.pathname}?${rewriteAuthorizeQuery(profile, url.searchParams)}`
  }
  if (method === 'GET' && inner === routes.end_session && profile.strictLogout) {
    const verdict = checkLogoutRequest(url.searchParams)
    if (verdict.kind !== 'pass') return refused(res, verdict)
  }
  if (profile.strictRevocation && method === 'POST' && inner === routes.revocation) {
    const body = await readBody(req)
    const verdict = checkRevocationBody(new URLSearchParams(body.toString('utf8')))
    if (verdict.kind !== 'pass') return refused(res, verdict)
    return replayRequest(req, body)
  }
  return req
}

/** Express-style mounting: oidc-provider derives its mount path from originalUrl vs url. */
function mount(forwarded: IncomingMessage, originalUrl: string, mountPath: string): void {
  const stripped = originalUrl.slice(mountPath.length)
  ;(forwarded as IncomingMessage & { originalUrl?: string }).originalUrl = originalUrl
  forwarded.url = stripped.startsWith('/') ? stripped : `/${stripped}`
}

/** Serves a request for oidc-provider: counted, checked by the core's rules, mounted, handed over. */
async function toProvider(parts: RouterParts, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const { setup, site } = parts
  const { mountPath } = setup.profile
  if (mountPath && path !== mountPath && !path.startsWith(`${mountPath}/`)) {
    send(res, 404, 'text/plain', 'not found')
    return
  }
  const inner = path.slice(mountPath.length) || '/'
  const name = requestName(inner, site.routes)
  if (name) parts.count(name)
  if (refusedEndpoint(setup, site, req, res, inner)) return
  const forwarded = await applyCoreRules(setup, site, req, res, inner)
  if (!forwarded) return
  // FranceConnect lets its key set be cached ten minutes
  if ((req.method ?? 'GET') === 'GET' && inner === site.routes.jwks) res.setHeader('cache-control', 'public, max-age=600')
  if (mountPath) mount(forwarded, req.url ?? '/', mountPath)
  await parts.provider(forwarded, res)
}

/**
 * The mock's request listener.
 *
 * @example
 * ```ts
 * const dispatch = createRouter({ setup, site, provider: provider.callback(), interactions, checktoken, count })
 * ```
 */
export function createRouter(parts: RouterParts): Dispatch {
  const { profile } = parts.setup
  return async (req, res) => {
    const path = new URL(req.url ?? '/', parts.site.origin).pathname
    const interaction = /^\/interaction\/([^/]+)(?:\/(login|consent))?$/.exec(path)
    if (interaction?.[1]) {
      parts.count('interaction')
      await parts.interactions(req, res, interaction[1], interaction[2])
      return
    }
    if (parts.site.checktokenPath && path === parts.site.checktokenPath) {
      parts.count('checktoken')
      await (profile.checktoken === 'v1' ? handleChecktokenV1 : handleChecktokenV2)(req, res, parts.checktoken)
      return
    }
    await toProvider(parts, req, res, path)
  }
}
