/**
 * Mocks of the CNAM's APIs: "API des droits assurés" v1 (`/me`, `/me/beneficiaires`, and with a `nir`
 * header `/`, `/contrats`, `/caisse`, `/exonerations`, `/medecin-traitant`), called with the
 * FranceConnect access token as `Authorization: Bearer` and the CNAM's `X-API-Key`; and the API
 * Indemnités journalières as the SDK's provisional connector calls it (`GET /paiements`, default
 * field mapping). The CNAM publishes no error answer: the mock's are OAuth-style
 * `{error, error_description}` JSON.
 *
 * | Status | error | When |
 * |---|---|---|
 * | 401 | `invalid_api_key` | droits: `X-API-Key` missing or wrong; IJ: wrong when sent |
 * | 401 | `invalid_token` | FranceConnect token missing or inactive |
 * | 403 | `insufficient_scope` | droits: `droits_assurance_maladie` not granted; IJ: `cnam_paiements_ij` not granted |
 * | 400 | `invalid_request` | `dateDebut` / `dateFin` not dates, `nir` header missing |
 * | 404 | `not_found` | nobody matches, no data, or a `nir` that is not the person's or a beneficiary's |
 */
import type { JsonObject, SandboxData, SandboxIdentity } from '../types.js'
import {
  bearerToken,
  checkToken,
  header,
  isCalendarDate,
  sendJson,
  type ApiGuard,
  type MockRequest,
  type TokenRefusal,
} from './shared.js'

const oauth = (error: string, description: string) => ({ error, error_description: description })

function refuse(request: MockRequest, reason: TokenRefusal | 'no_data'): void {
  const { res } = request
  switch (reason) {
    case 'absent':
    case 'inactive':
      sendJson(res, 401, oauth('invalid_token', 'FranceConnect access token missing, unknown, expired or revoked'), {
        'www-authenticate': 'Bearer error="invalid_token"',
      })
      return
    case 'insufficient_scope':
      sendJson(res, 403, oauth('insufficient_scope', 'The FranceConnect access token was granted no scope of this API'))
      return
    case 'checktoken_failed':
      sendJson(res, 502, oauth('server_error', 'FranceConnect checktoken failed'))
      return
    case 'unknown_person':
    case 'no_data':
      sendJson(res, 404, oauth('not_found', 'Aucun assuré ne correspond à cette identité'))
  }
}

/** `dateDebut` / `dateFin`, when given, must be dates; the window is returned. */
function dateWindow(request: MockRequest): { from?: string; to?: string } | undefined {
  const from = request.query.get('dateDebut') ?? undefined
  const to = request.query.get('dateFin') ?? undefined
  for (const value of [from, to]) {
    if (value !== undefined && !isCalendarDate(value)) {
      sendJson(request.res, 400, oauth('invalid_request', 'dateDebut and dateFin must be dates YYYY-MM-DD'))
      return undefined
    }
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) }
}

/** Answers below the droits API's base URL (`…/v1/droits/beneficiaires`); false when not one of its routes. */
export async function handleCnamDroits(
  request: MockRequest,
  guard: ApiGuard,
  identities: readonly SandboxIdentity[],
  apiKey: string,
): Promise<boolean> {
  const routes = ['/me', '/me/beneficiaires', '/', '', '/contrats', '/caisse', '/exonerations', '/medecin-traitant']
  if (!routes.includes(request.path)) return false
  const { req, res } = request
  if (request.method !== 'GET') {
    sendJson(res, 405, oauth('invalid_request', 'GET only'))
    return true
  }
  guard.count('droits-assurance-maladie')
  if (header(req, 'x-api-key') !== apiKey) {
    sendJson(res, 401, oauth('invalid_api_key', 'X-API-Key missing or unknown'))
    return true
  }
  if (!dateWindow(request)) return true
  const check = await checkToken(bearerToken(req), guard.verifier, guard.scopesOf('droits-assurance-maladie'), identities)
  if (!check.ok) {
    refuse(request, check.reason)
    return true
  }
  // The spec: "Vous devez utiliser le scope droits_assurance_maladie" (the cnam_* ones gate nothing documented).
  if (!check.scopes.includes('droits_assurance_maladie')) {
    refuse(request, 'insufficient_scope')
    return true
  }
  const droits = check.identity.data?.['droits-assurance-maladie']
  if (!droits) {
    refuse(request, 'no_data')
    return true
  }
  answerDroits(request, droits)
  return true
}

/** A known insured person's answer: `/me`, `/me/beneficiaires`, or a route for one NIR of the household. */
function answerDroits(request: MockRequest, droits: NonNullable<SandboxData['droits-assurance-maladie']>): void {
  const { req, res } = request
  if (request.path === '/me') {
    sendJson(res, 200, droits.me)
    return
  }
  if (request.path === '/me/beneficiaires') {
    sendJson(res, 200, droits.beneficiaires)
    return
  }
  // The per-beneficiary routes take the NIR of the person or of one of their beneficiaries.
  const nir = header(req, 'nir')
  if (!nir) {
    sendJson(res, 400, oauth('invalid_request', 'The nir header is required on this route'))
    return
  }
  const person = [droits.me, ...droits.beneficiaires].find((candidate) => candidate.nir === nir)
  if (!person) {
    sendJson(res, 404, oauth('not_found', 'Aucun bénéficiaire ne correspond à ce NIR'))
    return
  }
  sendJson(res, 200, perBeneficiary(request.path, droits, nir, person))
}

function perBeneficiary(
  path: string,
  droits: NonNullable<SandboxData['droits-assurance-maladie']>,
  nir: string,
  person: JsonObject,
): unknown {
  switch (path) {
    case '/contrats':
      return droits.contrats[nir] ?? []
    case '/caisse':
      return droits.caisse ?? {}
    case '/exonerations':
      return nir === droits.me.nir ? (droits.exonerations ?? []) : []
    case '/medecin-traitant':
      return person.medecin_traitant_choisi === true && nir === droits.me.nir ? (droits.medecinTraitant ?? {}) : {}
    default:
      return person
  }
}

/** Answers below the IJ API's base URL (`GET /paiements`); false when not its route. */
export async function handleCnamIj(
  request: MockRequest,
  guard: ApiGuard,
  identities: readonly SandboxIdentity[],
  apiKey: string,
): Promise<boolean> {
  if (request.path !== '/paiements') return false
  const { req, res } = request
  if (request.method !== 'GET') {
    sendJson(res, 405, oauth('invalid_request', 'GET only'))
    return true
  }
  guard.count('indemnites-journalieres')
  const sentKey = header(req, 'x-api-key')
  if (sentKey !== undefined && sentKey !== apiKey) {
    sendJson(res, 401, oauth('invalid_api_key', 'X-API-Key unknown'))
    return true
  }
  const window = dateWindow(request)
  if (!window) return true
  const check = await checkToken(bearerToken(req), guard.verifier, guard.scopesOf('indemnites-journalieres'), identities)
  if (!check.ok) {
    refuse(request, check.reason)
    return true
  }
  const ij = check.identity.data?.['indemnites-journalieres']
  if (!ij) {
    refuse(request, 'no_data')
    return true
  }
  // payments whose indemnified period meets the window
  const paiements = ij.paiements.filter((paiement) => {
    const debut = String(paiement.date_debut ?? '')
    const fin = String(paiement.date_fin ?? debut)
    return (window.from === undefined || fin >= window.from) && (window.to === undefined || debut <= window.to)
  })
  sendJson(res, 200, { paiements })
  return true
}
