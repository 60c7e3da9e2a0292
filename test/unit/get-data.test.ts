/**
 * `client.getData` and `client.getAllData` check the session before any request: the scopes the
 * connector needs were granted, the access token has not expired. A connector that records its calls
 * shows that a refused call never reaches the API.
 */
import { describe, expect, it } from 'vitest'
import { createClient, franceConnect, type ApiResult, type Connector, type Session } from '../../src/index.js'

function recordingConnector(options: { scopes: string[]; requiredScopes?: string[] }) {
  const calls: string[] = []
  const connector: Connector<void, { ok: true }> = {
    id: 'recording',
    provider: 'Test',
    scopes: options.scopes,
    ...(options.requiredScopes ? { requiredScopes: options.requiredScopes } : {}),
    async read(context): Promise<ApiResult<{ ok: true }>> {
      calls.push(context.accessToken)
      return { api: 'recording', provider: 'Test', data: { ok: true }, scopes: [], raw: {}, fetchedAt: new Date().toISOString() }
    },
  }
  return { connector, calls }
}

const fc = createClient({
  provider: franceConnect({ issuer: 'https://fc.example.fr/api/v2' }),
  clientId: 'client',
  clientSecret: 'secret',
  redirectUri: 'https://app.example.fr/callback',
})
const now = () => Math.floor(Date.now() / 1000)
const session = (changes: Partial<Session>): Session => ({
  sub: 's',
  claims: { sub: 's' },
  idToken: 'x.y.z',
  accessToken: 'the-access-token',
  scopes: ['openid', 'a'],
  expiresAt: now() + 60,
  ...changes,
})

describe('client.getData checks the session first', () => {
  it('calls the connector with the access token when the scope is granted and the token is live', async () => {
    const { connector, calls } = recordingConnector({ scopes: ['a', 'b'] })
    await expect(fc.getData(connector, session({}))).resolves.toMatchObject({ data: { ok: true } })
    expect(calls).toEqual(['the-access-token'])
  })

  it('refuses a session without any of the connector scopes (scope_missing), before any request', async () => {
    const { connector, calls } = recordingConnector({ scopes: ['b', 'c'] })
    await expect(fc.getData(connector, session({}))).rejects.toMatchObject({ code: 'scope_missing', missing: ['b', 'c'] })
    expect(calls).toEqual([])
  })

  it('refuses a session lacking one of the required scopes', async () => {
    const { connector, calls } = recordingConnector({ scopes: ['a', 'b'], requiredScopes: ['a', 'b'] })
    await expect(fc.getData(connector, session({}))).rejects.toMatchObject({ code: 'scope_missing', missing: ['b'] })
    expect(calls).toEqual([])
  })

  it('refuses an expired access token (access_token_expired), before any request', async () => {
    const { connector, calls } = recordingConnector({ scopes: ['a'] })
    await expect(fc.getData(connector, session({ expiresAt: now() - 1 }))).rejects.toMatchObject({
      code: 'access_token_expired',
    })
    expect(calls).toEqual([])
  })

  it('getAllData skips the connectors whose scopes were not granted and settles the expired ones', async () => {
    const granted = recordingConnector({ scopes: ['a'] })
    const other = recordingConnector({ scopes: ['z'] })
    const client = createClient({
      provider: franceConnect({ issuer: 'https://fc.example.fr/api/v2' }),
      clientId: 'client',
      clientSecret: 'secret',
      redirectUri: 'https://app.example.fr/callback',
      apis: [granted.connector, { ...other.connector, id: 'other' }],
    })
    const results = await client.getAllData(session({ expiresAt: now() - 1 }))
    expect(results).toEqual([
      { api: 'recording', status: 'rejected', error: expect.objectContaining({ code: 'access_token_expired' }) },
    ])
    expect([...granted.calls, ...other.calls]).toEqual([])
  })
})
