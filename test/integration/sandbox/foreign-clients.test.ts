/**
 * The sandbox driven by clients the SDK did not write: panva's openid-client v6 (discovery, an
 * authorization URL with acr_values, nonce and state and no PKCE, the code grant with
 * client_secret_post, the JWT userinfo), and plain `fetch` with a cookie jar written here, which
 * submits the mock FranceConnect's HTML forms exactly as parsed from its pages.
 */
import * as oidc from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, franceConnect } from '../../../src/index.js'
import { startSandbox, type Sandbox } from '../../../src/testing/index.js'

/** Cookies by name; paths are ignored (sending a cookie too many is harmless here). */
class Jar {
  private readonly cookies = new Map<string, string>()
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const expired = /;\s*max-age=0/i.test(line) || /;\s*expires=Thu, 01 Jan 1970/i.test(line)
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, pair.slice(eq + 1).trim())
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

interface HtmlForm {
  id: string | undefined
  action: string
  fields: URLSearchParams
}

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)
  return match ? decode(match[1] ?? '') : undefined
}

/** The page's POST form, with what a browser submits when nothing is changed: hidden inputs, checked radios, selected options. */
function formOf(html: string): HtmlForm {
  const match = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html)
  if (!match) throw new Error('no form on the page')
  const [, open = '', inner = ''] = match
  const fields = new URLSearchParams()
  for (const [tag] of inner.matchAll(/<input\b[^>]*>/gi)) {
    const type = (attr(tag, 'type') ?? 'text').toLowerCase()
    const name = attr(tag, 'name')
    if (!name) continue
    if (type === 'hidden' || type === 'text' || ((type === 'radio' || type === 'checkbox') && /\schecked\b/i.test(tag)))
      fields.append(name, attr(tag, 'value') ?? '')
  }
  for (const [, selectOpen = '', options = ''] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const name = attr(selectOpen, 'name')
    const chosen = [...options.matchAll(/<option\b[^>]*>/gi)].map(([tag]) => tag).find((tag) => /\sselected\b/i.test(tag))
    if (name && chosen) fields.append(name, attr(chosen, 'value') ?? '')
  }
  return { id: attr(open, 'id'), action: attr(open, 'action') ?? '', fields }
}

/** One request of a browser that does not follow redirects by itself. */
async function request(jar: Jar, url: URL, body?: URLSearchParams): Promise<Response> {
  const response = await fetch(url, {
    method: body ? 'POST' : 'GET',
    redirect: 'manual',
    headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(body ? { body: body.toString() } : {}),
  })
  jar.store(response)
  return response
}

/**
 * From the authorization URL to the relying party's callback: follow redirects, submit each page's
 * form untouched. Returns the callback URL and the forms seen.
 */
async function driveWithFetch(
  authorizationUrl: string,
  redirectUri: string,
): Promise<{ callback: URL; forms: HtmlForm[]; pages: string[] }> {
  const jar = new Jar()
  const forms: HtmlForm[] = []
  const pages: string[] = []
  let url = new URL(authorizationUrl)
  let body: URLSearchParams | undefined
  for (let step = 0; step < 12; step++) {
    const response = await request(jar, url, body)
    body = undefined
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url)
      if (url.href.startsWith(redirectUri)) return { callback: url, forms, pages }
      continue
    }
    expect(response.status, url.href).toBe(200)
    const html = await response.text()
    pages.push(html)
    const form = formOf(html)
    forms.push(form)
    url = new URL(form.action, url)
    body = form.fields
  }
  throw new Error('too many steps')
}

describe('the sandbox with clients the SDK did not write', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox?.close())

  it('openid-client v6 signs in: discovery, acr_values + nonce + state without PKCE, client_secret_post, JWT userinfo', async () => {
    const config = await oidc.discovery(
      new URL(sandbox.issuer),
      sandbox.clientId,
      { id_token_signed_response_alg: 'ES256', userinfo_signed_response_alg: 'ES256' },
      oidc.ClientSecretPost(sandbox.clientSecret),
      { execute: [oidc.allowInsecureRequests] },
    )
    expect(config.serverMetadata().authorization_response_iss_parameter_supported).toBe(true)
    const nonce = oidc.randomNonce()
    const state = oidc.randomState()
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: sandbox.redirectUri,
      scope: 'openid identite_pivot cnous_statut_boursier',
      acr_values: 'eidas1',
      nonce,
      state,
    })
    const { callback } = await driveWithFetch(url.href, sandbox.redirectUri)
    expect(callback.searchParams.get('iss')).toBe(sandbox.issuer)

    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      expectedNonce: nonce,
      expectedState: state,
      idTokenExpected: true,
    })
    expect(tokens.expires_in).toBe(60)
    expect(tokens.scope?.split(' ').sort()).toEqual(['cnous_statut_boursier', 'identite_pivot', 'openid'])
    const claims = tokens.claims()!
    expect(claims.sub).toBe(sandbox.identities[0]?.sub)
    expect(claims.acr).toBe('eidas1')

    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
    expect(userinfo).toMatchObject({
      sub: claims.sub,
      given_name: 'Angela Claire Louise',
      family_name: 'DUBOIS',
      birthdate: '1962-08-24',
      birthplace: '75107',
      birthcountry: '99100',
      gender: 'female',
    })
  })

  it('plain HTTP: the login form and the consent form submitted untouched lead to the callback, as the first identity', async () => {
    const fc = createClient({
      provider: franceConnect({ issuer: sandbox.issuer }),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      apis: [
        {
          id: 'cnous',
          provider: 'CNOUS',
          scopes: ['cnous_statut_boursier', 'cnous_email'],
          read: async () => Promise.reject(new Error('not called')),
        },
      ],
    })
    const { url, state, cookie } = await fc.authorize()
    const { callback, forms, pages } = await driveWithFetch(url, sandbox.redirectUri)

    expect(forms.map((form) => form.id)).toEqual(['fc-login', 'fc-consent'])
    // the login page: every person, the first pre-selected; an untouched form carries no button
    expect(forms[0]?.fields.get('identity')).toBe('angela-dubois')
    expect(forms[0]?.fields.has('action')).toBe(false)
    for (const person of sandbox.identities) expect(pages[0]).toContain(person.family_name)
    expect(pages[0]).toContain('Annuler')
    // the consent page: the requested scopes with their French labels
    expect(pages[1]).toContain('Statut boursier')
    expect(pages[1]).toContain('Adresse électronique')
    expect(pages[1]).toContain('Identité pivot')
    expect(pages[1]).toContain('Annuler')

    expect(callback.searchParams.get('state')).toBe(state)
    expect(callback.searchParams.get('code')).toBeTruthy()
    expect(callback.searchParams.get('iss')).toBe(sandbox.issuer)
    const session = await fc.callback(callback, { cookie: cookie.value })
    expect(session.sub).toBe(sandbox.identities[0]?.sub)
    expect(session.claims.family_name).toBe('DUBOIS')
    expect(session.scopes).toEqual(expect.arrayContaining(['cnous_statut_boursier', 'cnous_email']))
  })
})
