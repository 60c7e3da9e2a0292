/** The core routes, on a fake client: returnTo, acr, the session written and ended, requireSession. */
import { describe, expect, it } from 'vitest'
import {
  createFranceConnectCore,
  parseCookieHeader,
  safeReturnTo,
  type AdapterRequest,
  type AdapterResponse,
} from '../../src/adapters/core/index.js'
import { fakeClient, fakeSession } from './fake-client.js'

const secret = 'a-session-secret-of-at-least-32-characters'

const request = (path: string, init: Partial<AdapterRequest> = {}): AdapterRequest => ({
  url: new URL(path, 'https://demarche.example.fr'),
  method: 'GET',
  ...init,
})
/** The cookies a response sets, as the next request's Cookie header. */
const cookieHeader = (...responses: AdapterResponse[]) =>
  responses
    .flatMap((response) => response.cookies)
    .map((cookie) => cookie.split(';')[0]!)
    .filter((pair) => !pair.endsWith('='))
    .join('; ')

describe('returnTo', () => {
  it.each(['//evil.example', '//evil.example/path', 'https://evil.example', '/\\evil.example', '/\t/evil.example', '\\\\evil'])(
    'refuses %j',
    (value) => expect(safeReturnTo(value)).toBeUndefined(),
  )
  it('refuses what is not a path of the app: javascript:, a relative path', () => {
    expect(safeReturnTo('javascript:alert(1)')).toBeUndefined()
    expect(safeReturnTo('dossier')).toBeUndefined()
  })
  it('keeps a path of the app, query and fragment included', () => {
    expect(safeReturnTo('/dossier/3?onglet=pieces#haut')).toBe('/dossier/3?onglet=pieces#haut')
  })
})

describe('the core routes', () => {
  const signIn = async (core: ReturnType<typeof createFranceConnectCore>, loginPath = '/auth/login') => {
    const login = await core.login(request(loginPath))
    const callback = await core.callback(request('/auth/callback?code=c&state=s1', { cookieHeader: cookieHeader(login) }))
    return { login, callback }
  }

  it('login sets the binding cookie (HttpOnly, SameSite=Lax, Secure) and redirects to the provider, with ?acr=', async () => {
    const { client, authorized } = fakeClient()
    const core = createFranceConnectCore({ client, session: { secret }, authorize: { prompt: 'login' } })
    const login = await core.login(request('/auth/login?acr=eidas2'))
    expect(login.status).toBe(303)
    expect(login.headers.location).toBe('https://fc.example/authorize?state=s1')
    expect(login.cookies[0]).toBe('fc_tx=binding-1; Path=/; Max-Age=600; HttpOnly; SameSite=Lax; Secure')
    expect(authorized).toEqual([{ prompt: 'login', acr: 'eidas2' }])
  })

  it('sets no Secure attribute on loopback, where the sandbox runs over plain HTTP', async () => {
    const core = createFranceConnectCore({ client: fakeClient().client, session: { secret } })
    const login = await core.login({ url: new URL('http://127.0.0.1:3000/auth/login'), method: 'GET' })
    expect(login.cookies[0]).not.toContain('Secure')
  })

  it('callback seals the session and goes to the checked returnTo', async () => {
    const core = createFranceConnectCore({ client: fakeClient().client, session: { secret } })
    const login = await core.login(request('/auth/login?returnTo=%2Fdossier%3Fid%3D3'))
    const callback = await core.callback(request('/auth/callback?code=c&state=s1', { cookieHeader: cookieHeader(login) }))
    expect(callback.headers.location).toBe('/dossier?id=3')
    expect(callback.cookies).toContain('fc_tx=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure')
    const session = await core.getSession({ cookieHeader: cookieHeader(callback) })
    expect(session?.claims.given_name).toBe('Angela Claire Louise')
    expect(session?.accessToken).toBeUndefined()
  })

  it.each(['//evil.example', 'https://evil.example', '/\\evil.example'])(
    'ignores returnTo=%j: back to afterLogin',
    async (target) => {
      const core = createFranceConnectCore({ client: fakeClient().client, session: { secret }, afterLogin: '/accueil' })
      const login = await core.login(request(`/auth/login?returnTo=${encodeURIComponent(target)}`))
      expect(login.cookies.join('\n')).not.toContain('evil')
      const callback = await core.callback(request('/auth/callback?code=c&state=s1', { cookieHeader: cookieHeader(login) }))
      expect(callback.headers.location).toBe('/accueil')
    },
  )

  it('checks returnTo again at the callback: a planted return cookie is ignored', async () => {
    const core = createFranceConnectCore({ client: fakeClient().client, session: { secret } })
    const login = await core.login(request('/auth/login'))
    const planted = `${cookieHeader(login)}; fc_session_return=${encodeURIComponent('//evil.example')}`
    const callback = await core.callback(request('/auth/callback?code=c&state=s1', { cookieHeader: planted }))
    expect(callback.headers.location).toBe('/')
  })

  it('passes the binding cookie to the client: without it the SDK refuses with binding_missing', async () => {
    const core = createFranceConnectCore({ client: fakeClient().client, session: { secret } })
    await expect(core.callback(request('/auth/callback?code=c&state=s1'))).rejects.toMatchObject({ code: 'binding_missing' })
  })

  it('keeps what onSignIn returns as the session data', async () => {
    const core = createFranceConnectCore({
      client: fakeClient().client,
      session: { secret },
      onSignIn: (session) => ({ n: session.scopes.length }),
    })
    const { callback } = await signIn(core)
    expect((await core.getSession({ cookieHeader: cookieHeader(callback) }))?.data).toEqual({ n: 2 })
  })

  it('logout ends the session and sends the ID token to the provider with a logout binding cookie', async () => {
    const { client, loggedOut } = fakeClient()
    const core = createFranceConnectCore({ client, session: { secret }, afterLogout: '/au-revoir' })
    const { callback } = await signIn(core)
    const logout = await core.logout(request('/auth/logout', { method: 'POST', cookieHeader: cookieHeader(callback) }))
    expect(logout.headers.location).toBe('https://fc.example/logout?state=s2')
    expect(loggedOut).toEqual([fakeSession.idToken])
    expect(logout.cookies).toContain('fc_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure')
    expect(logout.cookies).toContain('fc_tx_logout=binding-2; Path=/; Max-Age=600; HttpOnly; SameSite=Lax; Secure')
    const back = await core.logoutCallback(request('/auth/logout-callback?state=s2', { cookieHeader: cookieHeader(logout) }))
    expect(back.headers.location).toBe('/au-revoir')
    await expect(core.logoutCallback(request('/auth/logout-callback?state=s2'))).rejects.toMatchObject({
      code: 'binding_missing',
    })
  })

  it('logout without a session goes straight to afterLogout', async () => {
    const { client, loggedOut } = fakeClient()
    const logout = await createFranceConnectCore({ client, session: { secret } }).logout(
      request('/auth/logout', { method: 'POST' }),
    )
    expect(logout.headers.location).toBe('/')
    expect(loggedOut).toEqual([])
  })

  it('serves GET /logout only when asked', () => {
    const routes = (logoutWithGet: boolean) =>
      createFranceConnectCore({ client: fakeClient().client, session: { secret }, logoutWithGet }).routeTable.map(
        ({ method, path }) => `${method} ${path}`,
      )
    expect(routes(false)).toEqual(['GET /login', 'GET /callback', 'POST /logout', 'GET /logout-callback'])
    expect(routes(true)).toContain('GET /logout')
  })

  it('requireSession: the session, or a redirect to login for a page, 401 for an API call', async () => {
    const core = createFranceConnectCore({ client: fakeClient().client, session: { secret } })
    const page = await core.requireSession(request('/dossier?id=3', { accept: 'text/html,application/xhtml+xml' }))
    expect(page).toMatchObject({ response: { status: 303, headers: { location: '/auth/login?returnTo=%2Fdossier%3Fid%3D3' } } })
    const api = await core.requireSession(request('/api/me', { accept: 'application/json' }))
    expect(api).toMatchObject({ response: { status: 401 } })
    expect(JSON.parse((api as { response: AdapterResponse }).response.body)).toEqual({
      error: 'unauthenticated',
      login: '/auth/login',
    })
    const { callback } = await signIn(core)
    expect(await core.requireSession(request('/api/me', { cookieHeader: cookieHeader(callback) }))).toMatchObject({
      session: { sub: fakeSession.sub },
    })
  })

  it('a new sign-in replaces the session of a server-side store (no fixation)', async () => {
    const { memorySessionStore } = await import('../../src/adapters/core/index.js')
    const store = memorySessionStore()
    const core = createFranceConnectCore({ client: fakeClient().client, session: { secret, store } })
    const first = await signIn(core)
    const login = await core.login(request('/auth/login', { cookieHeader: cookieHeader(first.callback) }))
    const second = await core.callback(
      request('/auth/callback?code=c&state=s1', { cookieHeader: `${cookieHeader(first.callback)}; ${cookieHeader(login)}` }),
    )
    expect(await core.getSession({ cookieHeader: cookieHeader(first.callback) })).toBeUndefined()
    expect(await core.getSession({ cookieHeader: cookieHeader(second) })).toBeDefined()
    expect(parseCookieHeader(cookieHeader(second)).fc_session).not.toBe(
      parseCookieHeader(cookieHeader(first.callback)).fc_session,
    )
  })
})
