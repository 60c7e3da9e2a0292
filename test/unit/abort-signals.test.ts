/**
 * Every operation that may wait on the provider honours its `signal`: on a cold client while the
 * discovery document is awaited (shared by every caller, so it goes on for the others), and on a
 * warm one while its own request is in flight. The client's timeout is a minute: only the signal
 * can end these calls within the test's few seconds.
 */
import { describe, expect, it } from 'vitest'
import { createClient, franceConnect, type Session } from '../../src/index.js'

const issuer = 'https://fc.example.fr/api/v2'
const discoveryDocument = {
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  userinfo_endpoint: `${issuer}/userinfo`,
  jwks_uri: `${issuer}/jwks`,
  end_session_endpoint: `${issuer}/session/end`,
  revocation_endpoint: `${issuer}/token/revocation`,
}

/** A network where discovery answers (or not) and every other request waits until it is aborted. */
function network(discovery: 'answers' | 'hangs'): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input)
    if (url.endsWith('/.well-known/openid-configuration')) {
      if (discovery === 'answers') return Response.json(discoveryDocument)
      return new Promise<Response>(() => undefined) // never answers, whatever the signal
    }
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true })
    })
  }) as typeof fetch
}

const client = (discovery: 'answers' | 'hangs') =>
  createClient({
    provider: franceConnect({ issuer }),
    clientId: 'client',
    clientSecret: 'secret',
    redirectUri: 'https://demarche.example.fr/callback',
    postLogoutRedirectUri: 'https://demarche.example.fr/logout-callback',
    fetch: network(discovery),
    timeoutMs: 60_000,
  })

const session: Session = {
  sub: 's',
  claims: { sub: 's' },
  idToken: 'x.y.z',
  accessToken: 'access-token',
  refreshToken: 'refresh-token',
  scopes: ['openid'],
  expiresAt: Math.floor(Date.now() / 1000) + 60,
}

/** The code an operation fails with once its signal fires 20 ms in. */
async function codeWhenAborted(run: (signal: AbortSignal) => Promise<unknown>): Promise<string | undefined> {
  const controller = new AbortController()
  setTimeout(() => controller.abort(), 20)
  try {
    await run(controller.signal)
    return undefined
  } catch (error) {
    return (error as { code?: string }).code
  }
}

describe('every signal is honoured', () => {
  describe('on a cold client, while discovery is awaited', () => {
    it('authorize()', async () => {
      const fc = client('hangs')
      expect(await codeWhenAborted((signal) => fc.authorize({ signal }))).toBe('aborted')
    })
    it('logout()', async () => {
      const fc = client('hangs')
      expect(await codeWhenAborted((signal) => fc.logout(session, { signal }))).toBe('aborted')
    })
    it('refresh()', async () => {
      const fc = client('hangs')
      expect(await codeWhenAborted((signal) => fc.refresh(session, { signal }))).toBe('aborted')
    })
    it('revoke()', async () => {
      const fc = client('hangs')
      expect(await codeWhenAborted((signal) => fc.revoke(session, { signal }))).toBe('aborted')
    })
  })

  describe('on a warm client, while its own request is in flight', () => {
    it('refresh()', async () => {
      const fc = client('answers')
      await fc.authorize() // discovery done
      expect(await codeWhenAborted((signal) => fc.refresh(session, { signal }))).toBe('aborted')
    })
    it('revoke()', async () => {
      const fc = client('answers')
      await fc.authorize()
      expect(await codeWhenAborted((signal) => fc.revoke(session, { signal }))).toBe('aborted')
    })
  })
})
