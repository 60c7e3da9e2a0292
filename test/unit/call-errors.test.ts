/**
 * What one call is given is a `ParameterError` (`parameter_invalid`), what the client was configured
 * with a `ConfigurationError`; whatever a provider does not offer is one `UnsupportedError`
 * (`unsupported`) naming the `feature`. Each is thrown before any request but discovery.
 */
import { describe, expect, it } from 'vitest'
import { createClient, franceConnect, oidcProvider, type Session } from '../../src/index.js'

const issuer = 'https://fc.example.fr/api/v2'

/** A provider that only answers discovery, with the endpoints given; every request is recorded. */
function provider(endpoints: Record<string, string>) {
  const requests: string[] = []
  const fetchStub = (async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input)
    requests.push(url)
    if (url.endsWith('/.well-known/openid-configuration')) {
      return Response.json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        ...endpoints,
      })
    }
    return new Response('not expected', { status: 500 })
  }) as typeof fetch
  return { requests, fetch: fetchStub }
}

const registration = {
  clientId: 'client',
  clientSecret: 'secret',
  redirectUri: 'https://demarche.example.fr/callback',
  postLogoutRedirectUri: 'https://demarche.example.fr/logout-callback',
}

const session: Session = {
  sub: 's',
  claims: { sub: 's' },
  idToken: 'x.y.z',
  accessToken: 'access-token',
  scopes: ['openid'],
  expiresAt: Math.floor(Date.now() / 1000) + 60,
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise
  } catch (error) {
    return error as Record<string, unknown>
  }
  throw new Error('expected a rejection')
}

describe('a call given what cannot work: ParameterError', () => {
  const fc = () => {
    const op = provider({ end_session_endpoint: `${issuer}/session/end` })
    return { op, fc: createClient({ ...registration, provider: franceConnect({ issuer }), fetch: op.fetch }) }
  }

  it.each([
    ['an eIDAS level FranceConnect v2 does not offer', { acr: 'eidas2' }, /does not offer the level "eidas2"/],
    ['a prompt FranceConnect refuses', { prompt: 'none' }, /does not accept prompt="none"/],
    [
      'a parameter FranceConnect refuses (login_hint)',
      { loginHint: 'angela@example.fr' },
      /does not accept the parameter "login_hint"/,
    ],
    ['a scope that is not a scope token', { scopes: ['openid', 'given name'] }, /Invalid scope "given name"/],
  ])('authorize() with %s', async (_, options, message) => {
    const { op, fc: client } = fc()
    const error = await rejection(client.authorize(options))
    expect(error).toMatchObject({ name: 'ParameterError', code: 'parameter_invalid', retryable: false })
    expect(error.message).toMatch(message)
    expect(op.requests.every((url) => url.endsWith('/.well-known/openid-configuration'))).toBe(true)
  })

  it("the same malformed scope in the client's options is a ConfigurationError", async () => {
    const op = provider({})
    const client = createClient({
      ...registration,
      provider: franceConnect({ issuer }),
      scopes: ['openid', 'given name'],
      fetch: op.fetch,
    })
    expect(await rejection(client.authorize())).toMatchObject({ name: 'ConfigurationError', code: 'configuration_invalid' })
  })
})

describe('what a provider does not offer: one UnsupportedError', () => {
  it('revoke() without a revocation endpoint', async () => {
    const op = provider({})
    const client = createClient({ ...registration, provider: franceConnect({ issuer }), fetch: op.fetch })
    expect(await rejection(client.revoke(session))).toMatchObject({
      name: 'UnsupportedError',
      code: 'unsupported',
      feature: 'revocation',
    })
    expect(op.requests).toHaveLength(1)
  })

  it('logout() without an end-session endpoint', async () => {
    const op = provider({})
    const client = createClient({ ...registration, provider: oidcProvider({ issuer }), fetch: op.fetch })
    expect(await rejection(client.logout(session))).toMatchObject({
      name: 'UnsupportedError',
      code: 'unsupported',
      feature: 'logout',
    })
    expect(op.requests).toHaveLength(1)
  })

  it('refresh() of a session without a refresh token', async () => {
    const op = provider({})
    const client = createClient({ ...registration, provider: franceConnect({ issuer }), fetch: op.fetch })
    expect(await rejection(client.refresh(session))).toMatchObject({
      name: 'UnsupportedError',
      code: 'unsupported',
      feature: 'refresh',
    })
    expect(op.requests.filter((url) => url.endsWith('/token'))).toHaveLength(0)
  })
})
