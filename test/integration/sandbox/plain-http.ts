/**
 * Plain-HTTP helpers for the tests of the mock's rules: build an authorization URL by hand, read
 * where the OP redirects (no redirect followed), exchange a code at the token endpoint.
 */
import { randomBytes } from 'node:crypto'

export const random = (bytes = 24) => randomBytes(bytes).toString('base64url')

/** An authorization URL with exactly these parameters. */
export function authorizationUrl(endpoint: string, params: Record<string, string>): string {
  const url = new URL(endpoint)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  return url.href
}

/** One GET without following redirects: the status and the Location, if any. */
export async function visit(url: string): Promise<{ status: number; location: URL | undefined; body: string }> {
  const response = await fetch(url, { redirect: 'manual' })
  const location = response.headers.get('location')
  return { status: response.status, location: location ? new URL(location, url) : undefined, body: await response.text() }
}

/** The error code shown on the mock's error page (`data-error-code`). */
export const pageErrorCode = (html: string) => /data-error-code="([^"]*)"/.exec(html)?.[1]

/** `client_secret_post` at the token endpoint. */
export async function exchangeCode(
  tokenEndpoint: string,
  client: { clientId: string; clientSecret: string; redirectUri: string },
  code: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
      client_id: client.clientId,
      client_secret: client.clientSecret,
      ...extra,
    }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** The code of a callback URL, or a failure naming the error it carries. */
export function codeOf(callback: string): string {
  const query = new URL(callback).searchParams
  const code = query.get('code')
  if (!code) throw new Error(`no code in the callback: ${query.get('error')} ${query.get('error_description')}`)
  return code
}
