/** Reading the Cookie header and writing Set-Cookie values, the same in every adapter. */

/**
 * Every cookie of a Cookie header, by name (the first one wins on duplicates).
 *
 * @example
 * ```ts
 * parseCookieHeader('a=1; fc_tx=abc') // { a: '1', fc_tx: 'abc' }
 * ```
 */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (name in cookies) continue
    const value = part.slice(eq + 1).trim()
    try {
      cookies[name] = decodeURIComponent(value)
    } catch {
      cookies[name] = value
    }
  }
  return cookies
}

/**
 * A Set-Cookie value: Path=/, HttpOnly, SameSite=Lax (kept on FranceConnect's top-level redirect
 * back, left off cross-site POSTs), Secure when asked; `maxAgeSec` 0 deletes the cookie.
 *
 * @example
 * ```ts
 * serializeCookie('fc_session', sealed, { maxAgeSec: 1800, secure: true })
 * // 'fc_session=…; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax; Secure'
 * ```
 */
export function serializeCookie(name: string, value: string, options: { maxAgeSec: number; secure: boolean }): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSec))}`,
    'HttpOnly',
    'SameSite=Lax',
  ]
  if (options.secure) parts.push('Secure')
  return parts.join('; ')
}

/**
 * A Set-Cookie value that deletes the cookie.
 *
 * @example
 * ```ts
 * expiredCookie('fc_tx', true) // 'fc_tx=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure'
 * ```
 */
export function expiredCookie(name: string, secure: boolean): string {
  return serializeCookie(name, '', { maxAgeSec: 0, secure })
}
