/**
 * What every mock data API shares: answering JSON, reading the FranceConnect access token, checking
 * it with the mock FranceConnect's checktoken through `franceconnect-sdk/data-provider` (as the real
 * providers do), finding the person from the pivot identity it returns, and keeping only the fields
 * the granted scopes open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isBearerTokenSyntax, readBearerToken } from '../../data-provider/bearer-token.js'
import type { AccessTokenResult, AccessTokenV1Result, AccessTokenVerifier } from '../../data-provider/types.js'
import type { JsonObject, SandboxApiId, SandboxIdentity } from '../types.js'

/** What a mock API handler needs to check tokens. */
export interface ApiGuard {
  verifier: AccessTokenVerifier<AccessTokenResult> | AccessTokenVerifier<AccessTokenV1Result>
  scopesOf(api: SandboxApiId): string[]
  count(api: SandboxApiId): void
}

/** A request to a mock API, already parsed. */
export interface MockRequest {
  req: IncomingMessage
  res: ServerResponse
  method: string
  /** The path below the API's base URL. */
  path: string
  query: URLSearchParams
}

/** Answers JSON, never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(JSON.stringify(body))
}

/** Answers with no body, never cached. */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'cache-control': 'no-store', ...headers })
  res.end()
}

/** The bearer token of the `Authorization` header, or undefined (absent, another scheme, malformed). */
export function bearerToken(req: IncomingMessage): string | undefined {
  const reading = readBearerToken({ headers: req.headers })
  return reading.kind === 'token' ? reading.token : undefined
}

/** A header's single value (undefined when absent or repeated). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return typeof value === 'string' ? value : undefined
}

/** What checking a FranceConnect token for one API gives. */
export type TokenCheck =
  | { ok: true; identity: SandboxIdentity; scopes: string[] }
  /** absent or not a token; inactive (expired, unknown, revoked); no scope of the API; checktoken failed; nobody matches. */
  | { ok: false; reason: 'absent' | 'inactive' | 'insufficient_scope' | 'checktoken_failed' | 'unknown_person' }

/** Why a token check failed. */
export type TokenRefusal = Exclude<TokenCheck, { ok: true }>['reason']

/** Normalised for comparison: upper case, no accents, single spaces. */
function fold(value: unknown): string {
  return String(value ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase()
}

/**
 * The person whose pivot identity matches the one checktoken returned: birth name, first names, sex,
 * birth date, birthplace and birth country (names compared without case or accents), as a data
 * provider reconciles with its own base. The data provider's `sub` differs from the service
 * provider's, so it cannot be used.
 */
export function reconcile(identities: readonly SandboxIdentity[], pivot: Record<string, unknown>): SandboxIdentity | undefined {
  return identities.find(
    (identity) =>
      fold(identity.family_name) === fold(pivot.family_name) &&
      fold(identity.given_name) === fold(pivot.given_name) &&
      identity.gender === pivot.gender &&
      identity.birthdate === pivot.birthdate &&
      (identity.birthplace ?? '') === (pivot.birthplace ?? '') &&
      identity.birthcountry === pivot.birthcountry,
  )
}

/**
 * Checks a FranceConnect access token for one API: syntax, checktoken (active), the scopes of the
 * API among those granted, then the person.
 */
export async function checkToken(
  token: string | undefined,
  verifier: AccessTokenVerifier<AccessTokenResult> | AccessTokenVerifier<AccessTokenV1Result>,
  apiScopes: readonly string[],
  identities: readonly SandboxIdentity[],
): Promise<TokenCheck> {
  if (token === undefined || !isBearerTokenSyntax(token)) return { ok: false, reason: 'absent' }
  let result: AccessTokenResult | AccessTokenV1Result
  try {
    result = await verifier.verify(token)
  } catch {
    return { ok: false, reason: 'checktoken_failed' }
  }
  if (!result.active) return { ok: false, reason: 'inactive' }
  const scopes = result.scopes.filter((scope) => apiScopes.includes(scope))
  if (scopes.length === 0) return { ok: false, reason: 'insufficient_scope' }
  const identity = reconcile(identities, result.identity as Record<string, unknown>)
  if (!identity) return { ok: false, reason: 'unknown_person' }
  return { ok: true, identity, scopes }
}

/**
 * Keeps the members of an object that a dotted path names: `rfr` keeps `rfr` whole, `pac.nbPac`
 * keeps `pac` with `nbPac` only. Members no path names are dropped.
 *
 * @example
 * ```ts
 * project({ rfr: 1, pac: { nbPac: 1, nbPacF: 1 }, aft: 'x' }, ['rfr', 'pac.nbPac']) // { rfr: 1, pac: { nbPac: 1 } }
 * ```
 */
export function project(value: JsonObject, paths: readonly string[]): JsonObject {
  const out: JsonObject = {}
  const nested = new Map<string, string[]>()
  for (const path of paths) {
    const dot = path.indexOf('.')
    if (dot < 0) {
      if (path in value) out[path] = value[path]
      continue
    }
    const head = path.slice(0, dot)
    nested.set(head, [...(nested.get(head) ?? []), path.slice(dot + 1)])
  }
  for (const [head, rest] of nested) {
    if (head in out) continue // kept whole by another path
    const inner = value[head]
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) out[head] = project(inner as JsonObject, rest)
  }
  return out
}

/** The fields the granted scopes open, from a scope → paths table. */
export function pathsFor(scopes: readonly string[], table: Record<string, readonly string[]>): string[] {
  return [...new Set(scopes.flatMap((scope) => table[scope] ?? []))]
}

/** `YYYY-MM-DD` that is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
}
