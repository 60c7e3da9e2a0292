/**
 * Mock of DGFiP's API Impôt particulier, FranceConnect mode, behind its APIM gateway:
 * `GET /impotparticulier/1.0/situations/ir/assiettes/annrev/{annrev}` with the gateway's token in
 * `Authorization` (any non-empty token is accepted, but one is required), the FranceConnect access
 * token in `X-FranceConnect-OAuth`, a UUID `X-Correlation-ID` and `ID_Teleservice`; and the gateway's
 * `POST /token` (OAuth client credentials, HTTP Basic) for `dgfipGatewayToken`.
 *
 * | Status | Body | When |
 * |---|---|---|
 * | 401 | `{erreur: {code: '900902'}}` / `'900901'` | gateway token missing / empty |
 * | 400 | `{erreur: {code: '910000'}}` | `X-Correlation-ID` missing or not a UUID |
 * | 400 | `{erreur: {code: '910001'}}` (mock's own) | `ID_Teleservice` missing |
 * | 401 | `{error: 'invalid_token', reason, message}` | FranceConnect token missing or inactive |
 * | 403 | `{error: 'access_denied', reason, message}` | no DGFiP scope granted |
 * | 404 | `{error: 'not_found', reason, message}` | nobody matches, or no tax data |
 * | 204 | (empty) | a taxpayer with no situation for that year |
 */
import { randomBytes } from 'node:crypto'
import type { JsonObject, SandboxIdentity } from '../types.js'
import {
  type ApiGuard,
  checkToken,
  header,
  type MockRequest,
  type TokenRefusal,
  pathsFor,
  project,
  sendEmpty,
  sendJson,
  type TokenCheck,
} from './shared.js'

const mediaType = 'application/prs.dgfip.part.situations.ir.assiettes.v1+json'
const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

const decl1 = ['nmNaiDec1', 'nmUsaDec1', 'prnmDec1', 'dateNaisDec1', 'dptNaissDec1', 'lieuNaissDec1']
const decl2 = ['nmNaiDec2', 'nmUsaDec2', 'prnmDec2', 'dateNaisDec2', 'dptNaissDec2', 'lieuNaissDec2']

/**
 * Which fields each DGFiP scope opens (⚠️ inferred from the names, as the SDK's registry does). The
 * amounts no scope names (`revenuBrutGlobal`, `revImposable`, `impAvImput`, `montTotIr`) come with
 * `dgfip_rfr` and `dgfip_mntRevbareme` here; the year scopes open no field.
 */
const fields: Record<string, readonly string[]> = {
  dgfip_rfr: ['rfr', 'revenuBrutGlobal', 'revImposable'],
  dgfip_nbpart: ['nbPart'],
  dgfip_sitfam: ['sitFam'],
  dgfip_aft: ['aft', 'aftDetail'],
  dgfip_nbpac: ['pac.nbPac'],
  dgfip_pac_nbPac: ['pac.nbPac'],
  dgfip_pac: ['pac'],
  dgfip_pariso: ['sitParIso'],
  dgfip_decl: [...decl1, ...decl2],
  dgfip_nmUsaDec1: ['nmUsaDec1'],
  dgfip_nmNaiDec1: ['nmNaiDec1'],
  dgfip_prnmDec1: ['prnmDec1'],
  dgfip_dateNaisDec1: ['dateNaisDec1'],
  dgfip_nmUsaDec2: ['nmUsaDec2'],
  dgfip_nmNaiDec2: ['nmNaiDec2'],
  dgfip_prnmDec2: ['prnmDec2'],
  dgfip_dateNaisDec2: ['dateNaisDec2'],
  dgfip_mntRevbareme: ['mntRevbareme', 'impAvImput', 'montTotIr'],
  dgfip_inddeficit: ['indDeficit'],
  dgfip_RevDecl_Cat1_Tspr: ['rev.tspr'],
  dgfip_RevDecl_Cat2_Rcm: ['rev.rcm'],
  dgfip_RevDecl_Cat3_PMV: ['rev.pv'],
  dgfip_RevDecl_Cat4_Ref: ['rev.fonc'],
  dgfip_RevDecl_Cat5_NonSal: ['rev.pro'],
  dgfip_RevNets_Cat1_Tspr: ['rev.tspr'],
  dgfip_RevNets_Cat2_Rcm: ['rev.rcm'],
  dgfip_RevNets_Cat3_PMV: ['rev.pv'],
  dgfip_RevNets_Cat4_Ref: ['rev.fonc'],
  dgfip_RevNets_Cat5_NonSal: ['rev.pro'],
  dgfip_PaDeduc_EnfMaj: ['rev.chges'],
  dgfip_PaDeduc_Autres: ['rev.chges'],
  dgfip_EpargRetrDeduc: ['rev.chges'],
}

const gatewayError = (code: string, message: string) => ({ erreur: { code, message, horodatage: new Date().toISOString() } })

/** The gateway's OAuth client credentials, and the tokens it issued. */
export interface DgfipGateway {
  clientId: string
  clientSecret: string
}

/** The APIM gateway's own checks of its credentials and headers: the refusal to send, or undefined. */
function gatewayRefusal(request: MockRequest): { status: number; body: JsonObject } | undefined {
  const { req } = request
  const authorization = header(req, 'authorization')
  if (authorization === undefined) return { status: 401, body: gatewayError('900902', 'Missing Credentials') }
  if (!/^Bearer \S+$/i.test(authorization)) return { status: 401, body: gatewayError('900901', 'Invalid Credentials') }
  const correlation = header(req, 'x-correlation-id')
  if (correlation === undefined || !uuid.test(correlation))
    return { status: 400, body: gatewayError('910000', 'X-Correlation-ID manquant ou mal formé') }
  if (!header(req, 'id_teleservice')?.trim()) return { status: 400, body: gatewayError('910001', 'ID_Teleservice manquant') }
  return undefined
}

const invalidToken = {
  status: 401,
  body: {
    error: 'invalid_token',
    reason: 'X-FranceConnect-OAuth',
    message: 'Jeton FranceConnect absent, inconnu, expiré ou révoqué.',
  },
}

/** DGFiP's answer to a FranceConnect token it cannot serve (the unknown person is a 404, answered later). */
const tokenRefusals: Partial<Record<TokenRefusal, { status: number; body: JsonObject }>> = {
  absent: invalidToken,
  inactive: invalidToken,
  insufficient_scope: {
    status: 403,
    body: {
      error: 'access_denied',
      reason: 'scope',
      message: 'Accès refusé : aucun scope DGFiP accordé à ce jeton FranceConnect.',
    },
  },
  checktoken_failed: {
    status: 502,
    body: { error: 'bad_gateway', reason: 'checktoken', message: 'La vérification du jeton auprès de FranceConnect a échoué.' },
  },
}

/** The person's situation for `annrev`, as far as the granted scopes open it: 200, 204 or 404. */
function answerSituation(request: MockRequest, check: TokenCheck, annrev: string): void {
  const { res } = request
  const situations = check.ok ? check.identity.data?.['impot-particulier'] : undefined
  if (!check.ok || !situations) {
    sendJson(res, 404, { error: 'not_found', reason: 'usager', message: 'Aucun foyer fiscal ne correspond à cette identité.' })
    return
  }
  const situation = situations[annrev] as JsonObject | undefined
  if (!situation) {
    // no situation for that year (the FranceConnect data-provider dataset answers 204 in that case)
    sendEmpty(res, 204)
    return
  }
  res.writeHead(200, { 'content-type': mediaType, 'cache-control': 'no-store' })
  res.end(JSON.stringify(project(structuredClone(situation), pathsFor(check.scopes, fields))))
}

/** Answers below the DGFiP gateway's base URL; false when the path is not one of its routes. */
export async function handleDgfip(
  request: MockRequest,
  guard: ApiGuard,
  identities: readonly SandboxIdentity[],
  gateway: DgfipGateway,
): Promise<boolean> {
  const { req, res } = request
  if (request.path === '/token') {
    await issueGatewayToken(request, gateway)
    return true
  }
  const match = /^\/impotparticulier\/1\.0\/situations\/ir\/assiettes\/annrev\/([^/]+)$/.exec(request.path)
  if (!match) return false
  if (request.method !== 'GET') {
    sendJson(res, 405, gatewayError('405', 'Method not allowed'))
    return true
  }
  guard.count('impot-particulier')
  // The APIM gateway checks its own credentials and headers first.
  const refusal = gatewayRefusal(request)
  if (refusal) {
    sendJson(res, refusal.status, refusal.body)
    return true
  }
  const annrev = match[1] ?? ''
  if (!/^\d{4}$/.test(annrev)) {
    sendJson(res, 400, {
      error: 'bad_request',
      reason: 'annrev',
      message: 'Requête mal formée : annrev doit être une année sur quatre chiffres.',
    })
    return true
  }
  const token = header(req, 'x-franceconnect-oauth')?.replace(/^Bearer\s+/i, '')
  const check = await checkToken(token, guard.verifier, guard.scopesOf('impot-particulier'), identities)
  const tokenRefusal = check.ok ? undefined : tokenRefusals[check.reason]
  if (tokenRefusal) sendJson(res, tokenRefusal.status, tokenRefusal.body)
  else answerSituation(request, check, annrev)
  return true
}

/** `POST /token`: client credentials by HTTP Basic (as DGFiP's known integrations do), form `grant_type=client_credentials`. */
async function issueGatewayToken(request: MockRequest, gateway: DgfipGateway): Promise<void> {
  const { req, res } = request
  if (request.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request', error_description: 'POST only' })
    return
  }
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
  const basic = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '')
  const [id, secret] = basic
    ? Buffer.from(basic[1] ?? '', 'base64')
        .toString('utf8')
        .split(':')
        .map((part) => decodeURIComponent(part))
    : []
  if (id !== gateway.clientId || secret !== gateway.clientSecret) {
    sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' })
    return
  }
  if (form.get('grant_type') !== 'client_credentials') {
    sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' })
    return
  }
  sendJson(res, 200, {
    access_token: randomBytes(24).toString('base64url'),
    token_type: 'Bearer',
    expires_in: 3600,
    scope: form.get('scope') ?? 'RessourceIR',
  })
}
