/**
 * Mocks of France Travail's FranceConnected APIs, served by France Travail itself:
 * `GET /partenaire/fc-statutaugmente/v1/statut` and `GET /partenaire/fc-liste-paiements/v1/`, with the
 * FranceConnect access token as `Authorization: Bearer`, the documented headers on the answer
 * (`application/json;charset=UTF-8`, `Cache-Control: no-store`, `Pragma: no-cache`), and the partner
 * platform's OAuth-style errors.
 *
 * | Status | error | When |
 * |---|---|---|
 * | 401 | `invalid_token` | FranceConnect token missing or inactive |
 * | 403 | `insufficient_scope` | the route's scope was not granted |
 * | 404 | `not_found` (mock's own) | France Travail knows nobody with this identity |
 */
import type { SandboxApiId, SandboxIdentity } from '../types.js'
import { bearerToken, checkToken, sendJson, type ApiGuard, type MockRequest } from './shared.js'

const answerHeaders = { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache' }
const oauth = (error: string, description: string) => ({ error, error_description: description })

const routes: Record<string, SandboxApiId> = {
  '/partenaire/fc-statutaugmente/v1/statut': 'france-travail-statut',
  '/partenaire/fc-liste-paiements/v1/': 'france-travail-paiements',
  '/partenaire/fc-liste-paiements/v1': 'france-travail-paiements',
}

/** Answers below France Travail's base URL; false when not one of its FranceConnect routes. */
export async function handleFranceTravail(
  request: MockRequest,
  guard: ApiGuard,
  identities: readonly SandboxIdentity[],
): Promise<boolean> {
  const api = routes[request.path]
  if (!api) return false
  const { req, res } = request
  if (request.method !== 'GET') {
    sendJson(res, 405, oauth('invalid_request', 'GET only'))
    return true
  }
  guard.count(api)
  const check = await checkToken(bearerToken(req), guard.verifier, guard.scopesOf(api), identities)
  if (!check.ok) {
    switch (check.reason) {
      case 'absent':
      case 'inactive':
        sendJson(res, 401, oauth('invalid_token', 'The FranceConnect access token is missing, unknown, expired or revoked'), {
          'www-authenticate': 'Bearer error="invalid_token"',
        })
        return true
      case 'insufficient_scope':
        sendJson(res, 403, oauth('insufficient_scope', `Missing scope: ${guard.scopesOf(api).join(' ')}`))
        return true
      case 'checktoken_failed':
        sendJson(res, 502, oauth('server_error', 'FranceConnect checktoken failed'))
        return true
      case 'unknown_person':
        break
    }
  }
  const payload = check.ok ? check.identity.data?.[api] : undefined
  if (!check.ok || !payload) {
    sendJson(res, 404, oauth('not_found', 'Aucun demandeur d’emploi ne correspond à cette identité'))
    return true
  }
  res.writeHead(200, answerHeaders)
  res.end(JSON.stringify(payload))
  return true
}
