import type { AdapterResponse } from './types.js'

const noStore = { 'cache-control': 'no-store' }

/**
 * A 303 redirect (the next request is a GET, whatever this one was), never cached.
 *
 * @example
 * ```ts
 * redirectResponse('/', [sessionCookie]) // { status: 303, headers: { location: '/', … }, … }
 * ```
 */
export function redirectResponse(location: string, cookies: string[] = []): AdapterResponse {
  return { status: 303, headers: { ...noStore, location }, cookies, body: '' }
}

/**
 * An HTML page with strict headers: no scripts, no framing, never cached.
 *
 * @example
 * ```ts
 * htmlResponse(403, accessDeniedPage(links))
 * ```
 */
export function htmlResponse(status: number, body: string, cookies: string[] = []): AdapterResponse {
  return {
    status,
    headers: {
      ...noStore,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      'x-content-type-options': 'nosniff',
    },
    cookies,
    body,
  }
}

/**
 * A JSON answer, never cached.
 *
 * @example
 * ```ts
 * jsonResponse(401, { error: 'unauthenticated' })
 * ```
 */
export function jsonResponse(status: number, value: unknown): AdapterResponse {
  return {
    status,
    headers: { ...noStore, 'content-type': 'application/json; charset=utf-8' },
    cookies: [],
    body: JSON.stringify(value),
  }
}
