import type { AdapterRequest, AdapterResponse } from './types.js'

/**
 * A Fetch API `Request` as the core reads it (Hono, Next.js, any Web-standard framework).
 *
 * @example
 * ```ts
 * await core.login(fromWebRequest(request))
 * ```
 */
export function fromWebRequest(request: Request): AdapterRequest {
  return {
    url: new URL(request.url),
    method: request.method,
    cookieHeader: request.headers.get('cookie') ?? undefined,
    accept: request.headers.get('accept') ?? undefined,
  }
}

/**
 * A core answer as a Fetch API `Response`, one Set-Cookie header per cookie.
 *
 * @example
 * ```ts
 * return toWebResponse(await core.callback(fromWebRequest(request)))
 * ```
 */
export function toWebResponse(answer: AdapterResponse): Response {
  const headers = new Headers(answer.headers)
  for (const cookie of answer.cookies) headers.append('set-cookie', cookie)
  return new Response(answer.body === '' ? null : answer.body, { status: answer.status, headers })
}
