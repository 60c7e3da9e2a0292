/**
 * A tiny scripted "browser" for the mock FranceConnect: plain fetch with redirect: 'manual', a cookie
 * jar honouring Path and expiry, and HTML form submission. It only talks to the OP's origin; the first
 * redirect that leaves the OP (the relying party's callback or post-logout URI) ends navigation. One
 * browser (one cookie jar) per navigation, so concurrent sign-ins never share a session.
 */

/** The OP answered with an error page (or JSON error) instead of redirecting back. */
export class OpHttpError extends Error {
  override readonly name = 'OpHttpError'
  readonly status: number
  /** FranceConnect error code shown on the page (e.g. Y030007), when there is one. */
  readonly code: string | undefined
  readonly error: string | undefined
  readonly errorDescription: string | undefined
  readonly url: string
  readonly body: string

  constructor(input: {
    status: number
    code?: string | undefined
    error?: string | undefined
    errorDescription?: string | undefined
    url: string
    body: string
  }) {
    super(
      `OP answered ${input.status}${input.code ? ` ${input.code}` : ''}${input.error ? ` ${input.error}` : ''}${input.errorDescription ? ` (${input.errorDescription})` : ''} at ${input.url}`,
    )
    this.status = input.status
    this.code = input.code
    this.error = input.error
    this.errorDescription = input.errorDescription
    this.url = input.url
    this.body = input.body
  }
}

interface StoredCookie {
  name: string
  value: string
  path: string
  expiresAt: number
}

export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>()

  store(setCookieHeaders: string[], requestUrl: URL): void {
    for (const header of setCookieHeaders) {
      const [pair = '', ...attributes] = header.split(';')
      const eq = pair.indexOf('=')
      if (eq <= 0) continue
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      // RFC 6265 §5.1.4 default-path
      const lastSlash = requestUrl.pathname.lastIndexOf('/')
      let path = lastSlash > 0 ? requestUrl.pathname.slice(0, lastSlash) : '/'
      let expiresAt = Infinity
      for (const attribute of attributes) {
        const [rawKey = '', ...rest] = attribute.split('=')
        const key = rawKey.trim().toLowerCase()
        const attrValue = rest.join('=').trim()
        if (key === 'path' && attrValue.startsWith('/')) path = attrValue
        else if (key === 'max-age') expiresAt = Date.now() + Number(attrValue) * 1000
        else if (key === 'expires' && expiresAt === Infinity) expiresAt = Date.parse(attrValue)
      }
      const id = `${name};${path}`
      if (!(expiresAt > Date.now())) this.cookies.delete(id)
      else this.cookies.set(id, { name, value, path, expiresAt })
    }
  }

  header(url: URL): string | undefined {
    const now = Date.now()
    const matching = [...this.cookies.values()]
      .filter((cookie) => cookie.expiresAt > now && pathMatches(url.pathname, cookie.path))
      .sort((a, b) => b.path.length - a.path.length)
    return matching.length ? matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : undefined
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/'
}

export function decodeHtml(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const key = match[1]
    if (!key) continue
    out[key.toLowerCase()] = decodeHtml(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return out
}

export interface ParsedForm {
  id: string | undefined
  action: string | undefined
  method: string
  /** hidden inputs (and checked radios) as a browser would submit them, without buttons */
  fields: [string, string][]
  /** selected <option> of each <select> */
  selects: Record<string, string>
}

export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1] ?? '')
    const inner = match[2] ?? ''
    const fields: [string, string][] = []
    for (const input of inner.matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(input[1] ?? '')
      const type = (a.type ?? 'text').toLowerCase()
      if (!a.name) continue
      if (type === 'hidden' || type === 'text' || ((type === 'radio' || type === 'checkbox') && 'checked' in a)) {
        fields.push([a.name, a.value ?? ''])
      }
    }
    const selects: Record<string, string> = {}
    for (const select of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attributes(select[1] ?? '').name
      if (!name) continue
      const options = [...(select[2] ?? '').matchAll(/<option\b([^>]*)>/gi)].map((o) => attributes(o[1] ?? ''))
      const chosen = options.find((o) => 'selected' in o) ?? options[0]
      if (chosen) selects[name] = chosen.value ?? ''
    }
    forms.push({ id: attrs.id, action: attrs.action, method: (attrs.method ?? 'get').toLowerCase(), fields, selects })
  }
  return forms
}

/** Reads the FranceConnect error code and error of an error page or a JSON error body. */
export function errorFromBody(body: string): { code?: string; error?: string; errorDescription?: string } {
  try {
    const json = JSON.parse(body) as Record<string, unknown>
    if (json && typeof json === 'object') {
      return {
        ...(typeof json.error === 'string' ? { error: json.error } : {}),
        ...(typeof json.error_description === 'string' ? { errorDescription: json.error_description } : {}),
      }
    }
  } catch {
    // not JSON
  }
  const main = /<main\b[^>]*id="fc-error"[^>]*>/i.exec(body)
  if (main) {
    const a = attributes(main[0].slice(5, -1))
    return {
      ...(a['data-error-code'] ? { code: a['data-error-code'] } : {}),
      ...(a['data-error'] ? { error: a['data-error'] } : {}),
      ...(a['data-error-description'] ? { errorDescription: a['data-error-description'] } : {}),
    }
  }
  const code = /\bY[0-9A-F]{6,7}\b/.exec(body)?.[0]
  return code ? { code } : {}
}

export interface FormDecision {
  /** Extra fields to submit (e.g. the chosen identity), merged over the form's own fields. */
  fields: Record<string, string>
}

export class ScriptedBrowser {
  readonly jar = new CookieJar()

  constructor(private readonly opOrigin: string) {}

  isOp(url: URL): boolean {
    return url.origin === this.opOrigin
  }

  private async request(url: URL, method: 'GET' | 'POST', body?: URLSearchParams): Promise<Response> {
    if (!this.isOp(url)) throw new Error(`sandbox browser refuses to leave the OP: ${url.href}`)
    const headers: Record<string, string> = {
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
      'user-agent': 'franceconnect-sdk-sandbox-browser',
    }
    const cookie = this.jar.header(url)
    if (cookie) headers.cookie = cookie
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded'
    const response = await fetch(url, { method, headers, redirect: 'manual', ...(body ? { body: body.toString() } : {}) })
    this.jar.store(response.headers.getSetCookie(), url)
    return response
  }

  /**
   * Navigates from `start`, following redirects and submitting forms. `decide` is asked about
   * every form (return undefined to stop on that page). Resolves with the first URL outside the
   * OP, or with the URL of a final form-less 200 page when `acceptFinalPage` is set.
   */
  async navigate(
    start: string,
    decide: (form: ParsedForm, html: string, url: URL) => FormDecision | undefined,
    { acceptFinalPage = false, maxSteps = 20 }: { acceptFinalPage?: boolean; maxSteps?: number } = {},
  ): Promise<string> {
    let url = new URL(start)
    let method: 'GET' | 'POST' = 'GET'
    let body: URLSearchParams | undefined
    for (let step = 0; step < maxSteps; step += 1) {
      const response = await this.request(url, method, body)
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel()
        const location = response.headers.get('location')
        if (!location)
          throw new OpHttpError({
            status: response.status,
            url: url.href,
            body: '',
            errorDescription: 'redirect without Location',
          })
        const next = new URL(location, url)
        if (!this.isOp(next)) return next.href
        url = next
        method = 'GET'
        body = undefined
        continue
      }
      const html = await response.text()
      if (response.status >= 400) {
        throw new OpHttpError({ status: response.status, url: url.href, body: html, ...errorFromBody(html) })
      }
      const form = parseForms(html).find((candidate) => candidate.method === 'post')
      const decision = form ? decide(form, html, url) : undefined
      if (!form || !decision) {
        if (acceptFinalPage && !form) return url.href
        throw new OpHttpError({
          status: response.status,
          url: url.href,
          body: html,
          ...errorFromBody(html),
          errorDescription: 'unexpected page',
        })
      }
      const fields = new URLSearchParams(form.fields)
      for (const [name, value] of Object.entries(form.selects)) fields.set(name, value)
      for (const [name, value] of Object.entries(decision.fields)) fields.set(name, value)
      url = new URL(form.action ?? url.href, url)
      method = 'POST'
      body = fields
    }
    throw new Error(`sandbox browser: too many steps from ${start}`)
  }
}
