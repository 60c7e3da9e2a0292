/**
 * Reading the Cookie header and writing Set-Cookie values: the little the examples need, written
 * here so that each framework example stays free of cookie middleware.
 */

/** Every cookie of a Cookie header, by name (the first one wins on duplicates). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {}
  if (!header) return cookies
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (name in cookies) continue
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    try {
      cookies[name] = decodeURIComponent(value)
    } catch {
      cookies[name] = value
    }
  }
  return cookies
}

/** Attributes of a cookie the examples set: always HttpOnly, SameSite=Lax and Path=/. */
export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  maxAgeSec: number
  /** Only over HTTPS (on for anything but plain-HTTP loopback). */
  secure: boolean
}

/**
 * A Set-Cookie value. SameSite=Lax keeps the cookie on FranceConnect's redirect back (a top-level
 * GET) and off cross-site POSTs, which is what protects the logout form from forged submissions.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
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

/** A Set-Cookie value that deletes the cookie. */
export function clearCookie(name: string, secure: boolean): string {
  return serializeCookie(name, '', { maxAgeSec: 0, secure })
}
