import type { BearerRequest } from './types.js'

/** What the `Authorization` header of a request holds. */
export type BearerTokenReading =
  /** No `Authorization` header, or another scheme (`Basic …`): no bearer credentials at all (RFC 6750 §3.1). */
  | { kind: 'absent' }
  /** A `Bearer` header that cannot carry a token: empty, bad characters, several headers, too long. */
  | { kind: 'malformed' }
  | { kind: 'token'; token: string }

const maxTokenLength = 4096
// RFC 6750 §2.1 b64token.
const b64token = /^[A-Za-z0-9\-._~+/]+=*$/

/**
 * Whether a value can be a bearer access token at all: a non-empty RFC 6750 `b64token` of at most
 * 4096 characters. Anything else cannot be a token FranceConnect issued.
 *
 * @example
 * ```ts
 * isBearerTokenSyntax('Wn5igB6_frAVBXQgShzI0znLE3fid2cWZHR9TWtqxZM') // true
 * isBearerTokenSyntax('a b') // false
 * ```
 */
export function isBearerTokenSyntax(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxTokenLength && b64token.test(value)
}

/**
 * Reads the bearer access token of a request's `Authorization` header, whatever the framework:
 * Node's header record (any letter case), or a fetch `Headers`. The scheme is matched without regard
 * to case; several `Authorization` headers are refused as malformed.
 *
 * @example
 * ```ts
 * readBearerToken({ headers: { authorization: 'Bearer Wn5igB6_frAVBXQg' } }) // { kind: 'token', token: 'Wn5igB6_frAVBXQg' }
 * readBearerToken({ headers: {} }) // { kind: 'absent' }
 * ```
 */
export function readBearerToken(request: BearerRequest): BearerTokenReading {
  const values = authorizationValues(request?.headers)
  if (values.length === 0) return { kind: 'absent' }
  const bearer = values.filter((value) => /^bearer(?:\s|$)/i.test(value.trimStart()))
  if (bearer.length === 0) return { kind: 'absent' }
  if (values.length > 1) return { kind: 'malformed' }
  const match = /^\s*bearer +(\S+)\s*$/i.exec(values[0] as string)
  const token = match?.[1]
  return isBearerTokenSyntax(token) ? { kind: 'token', token } : { kind: 'malformed' }
}

function authorizationValues(headers: BearerRequest['headers'] | undefined): string[] {
  if (headers === undefined || headers === null) return []
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).has === 'function') {
    const value = (headers as Headers).get('authorization')
    // A fetch Headers joins repeated headers with ", ": the comma then fails the token syntax.
    return value === null ? [] : [value]
  }
  const values: string[] = []
  for (const [name, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (name.toLowerCase() !== 'authorization' || value === undefined) continue
    if (Array.isArray(value)) values.push(...value)
    else values.push(value)
  }
  return values
}
