/**
 * A browser made of `fetch`: a cookie jar (name, path, Max-Age), redirects followed by hand (a 303
 * or 302 becomes a GET, as browsers do), and HTML forms submitted as parsed from the page. Enough
 * to drive an example app and the sandbox's FranceConnect pages without a real browser.
 */

interface Cookie {
  name: string
  value: string
  path: string
}

/** Cookies by host (ports share cookies, as in browsers) and path. */
export class CookieJar {
  private readonly cookies = new Map<string, Cookie>()

  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      if (eq <= 0) continue
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      let path = url.pathname.slice(0, Math.max(1, url.pathname.lastIndexOf('/')))
      let expired = false
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=')
        const attrValue = rest.join('=').trim()
        if (key.trim().toLowerCase() === 'path' && attrValue.startsWith('/')) path = attrValue
        if (key.trim().toLowerCase() === 'max-age' && Number(attrValue) <= 0) expired = true
        if (key.trim().toLowerCase() === 'expires' && Date.parse(attrValue) <= Date.now()) expired = true
      }
      const id = `${url.hostname} ${name} ${path}`
      if (expired) this.cookies.delete(id)
      else this.cookies.set(id, { name, value, path })
    }
  }

  header(url: URL): string {
    return [...this.cookies.entries()]
      .filter(
        ([id, cookie]) =>
          id.startsWith(`${url.hostname} `) &&
          (url.pathname === cookie.path || url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`)),
      )
      .map(([, cookie]) => `${cookie.name}=${cookie.value}`)
      .join('; ')
  }

  /** The value of a cookie for a host, whatever its path. */
  get(hostname: string, name: string): string | undefined {
    return [...this.cookies.entries()].find(([id]) => id.startsWith(`${hostname} ${name} `))?.[1].value
  }

  /** Replaces a cookie's value (to tamper with it). */
  set(hostname: string, name: string, value: string): void {
    for (const [id, cookie] of this.cookies) if (id.startsWith(`${hostname} ${name} `)) cookie.value = value
  }
}

/** A page the browser landed on, after redirects. */
export interface Page {
  url: URL
  status: number
  html: string
  /** Every URL visited to get here, the first included. */
  visited: URL[]
}

const decode = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(/\./g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)
  return match ? decode(match[1] ?? match[2] ?? '') : undefined
}

/** A form of the page as a browser would submit it untouched: hidden and text inputs, checked boxes, selected options. */
export interface ParsedForm {
  id: string | undefined
  method: string
  action: string | undefined
  fields: URLSearchParams
}

/** The page's forms, in order. */
export function formsOf(html: string): ParsedForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, open = '', inner = '']) => {
    const fields = new URLSearchParams()
    for (const [tag] of inner.matchAll(/<input\b[^>]*>/gi)) {
      const type = (attribute(tag, 'type') ?? 'text').toLowerCase()
      const name = attribute(tag, 'name')
      if (!name) continue
      const checked = /\schecked(\s|>|=|\/)/i.test(tag)
      if (type === 'hidden' || type === 'text' || ((type === 'radio' || type === 'checkbox') && checked))
        fields.append(name, attribute(tag, 'value') ?? '')
    }
    for (const [, selectOpen = '', options = ''] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attribute(selectOpen, 'name')
      const tags = [...options.matchAll(/<option\b[^>]*>/gi)].map(([tag]) => tag)
      const chosen = tags.find((tag) => /\sselected(\s|>|=)/i.test(tag)) ?? tags[0]
      if (name && chosen) fields.append(name, attribute(chosen, 'value') ?? '')
    }
    return {
      id: attribute(open, 'id'),
      method: (attribute(open, 'method') ?? 'get').toLowerCase(),
      action: attribute(open, 'action'),
      fields,
    }
  })
}

/** The radio buttons of a page named `name`, in order, with their values. */
export function radioValues(html: string, name: string): string[] {
  return [...html.matchAll(/<input\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .filter((tag) => attribute(tag, 'type') === 'radio' && attribute(tag, 'name') === name)
    .map((tag) => attribute(tag, 'value') ?? '')
}

/** A browser without JavaScript, talking HTTP with `fetch`. */
export class HttpBrowser {
  readonly jar = new CookieJar()

  /** Requests `url` and follows redirects until a page that is not one. */
  async open(url: string | URL, init: { method?: 'GET' | 'POST'; body?: URLSearchParams } = {}): Promise<Page> {
    let current = new URL(url)
    let method = init.method ?? 'GET'
    let body = init.body
    const visited: URL[] = []
    for (let hop = 0; hop < 20; hop++) {
      visited.push(current)
      const cookie = this.jar.header(current)
      const response = await fetch(current, {
        method,
        redirect: 'manual',
        headers: {
          accept: 'text/html',
          ...(cookie ? { cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { body: body.toString() } : {}),
      })
      this.jar.store(current, response)
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel()
        current = new URL(location, current)
        if (response.status !== 307 && response.status !== 308) {
          method = 'GET'
          body = undefined
        }
        continue
      }
      return { url: current, status: response.status, html: await response.text(), visited }
    }
    throw new Error(`too many redirects from ${String(url)}`)
  }

  /**
   * Submits a form of `page` (found by id, or the first POST form) with its untouched fields plus
   * `extra` (the clicked button's name and value, a chosen radio…).
   */
  async submit(page: Page, formId: string | undefined, extra: Record<string, string> = {}): Promise<Page> {
    const forms = formsOf(page.html)
    const form =
      formId === undefined
        ? forms.find((candidate) => candidate.method === 'post')
        : forms.find((candidate) => candidate.id === formId)
    if (!form) throw new Error(`no form ${formId ?? '(post)'} on ${page.url.href}`)
    const fields = new URLSearchParams(form.fields)
    for (const [name, value] of Object.entries(extra)) fields.set(name, value)
    const target = new URL(form.action ?? page.url.href, page.url)
    if (form.method === 'post') return this.open(target, { method: 'POST', body: fields })
    target.search = fields.toString()
    return this.open(target)
  }
}
