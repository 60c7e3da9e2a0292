/**
 * The explicit development opt-in for a plain-HTTP issuer off loopback (a mock in docker-compose):
 * refused without it, refused for the platforms' own environments, and limited to the issuer's host.
 */
import { describe, expect, it } from 'vitest'
import { createClient, franceConnect, oidcProvider, proConnect } from '../../src/index.js'
import { checkProviderMetadata } from '../../src/oidc/discovery.js'

const issuer = 'http://fc-mock:3000/api/v2'
const registration = { clientId: 'client', clientSecret: 'secret', redirectUri: 'http://127.0.0.1:3000/callback' }
const document = (changes: Record<string, unknown> = {}) => ({
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks`,
  ...changes,
})

describe('a plain-HTTP issuer in development', () => {
  it('is refused without the opt-in', () => {
    expect(() => createClient({ provider: franceConnect({ issuer }), ...registration })).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    )
  })

  it('is accepted with allowInsecureHttp, its endpoints on its own host too', () => {
    const provider = franceConnect({ issuer, allowInsecureHttp: true })
    expect(() => createClient({ provider, ...registration })).not.toThrow()
    expect(checkProviderMetadata(provider, document()).token_endpoint).toBe(`${issuer}/token`)
  })

  it('never lets an endpoint elsewhere be plain HTTP', () => {
    const provider = oidcProvider({ issuer, allowInsecureHttp: true, pinEndpoints: false })
    expect(() => checkProviderMetadata(provider, document({ token_endpoint: 'http://elsewhere:3000/token' }))).toThrow(
      expect.objectContaining({ code: 'insecure_url' }),
    )
  })

  it('is refused for the integration and production environments', () => {
    const production = { env: 'production', allowInsecureHttp: true } as unknown as { env: 'production' }
    expect(() => proConnect(production)).toThrow(expect.objectContaining({ code: 'configuration_invalid' }))
    expect(() => franceConnect({ env: 'integration', allowInsecureHttp: true } as never)).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
  })
})
