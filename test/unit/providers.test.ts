import { describe, expect, it } from 'vitest'
import {
  compareAcr,
  createClient,
  describeFranceConnectCode,
  findFranceConnectCode,
  franceConnect,
  franceConnectPlus,
  franceConnectV1,
  isAcrAtLeast,
  proConnect,
} from '../../src/index.js'
import { isLoopbackHost } from '../../src/http/secure-url.js'
import { isValidSiret } from '../../src/apis/shared/siret.js'

describe('presets', () => {
  it('point at the environments of the reference', () => {
    expect(franceConnect({ env: 'sandbox' }).issuer).toBe('https://fcp-low.sbx.dev-franceconnect.fr/api/v2')
    expect(franceConnect({ env: 'integration' }).issuer).toBe('https://fcp-low.integ01.dev-franceconnect.fr/api/v2')
    expect(franceConnect({ env: 'production' }).issuer).toBe('https://oidc.franceconnect.gouv.fr/api/v2')
    expect(franceConnectPlus({ env: 'production' }).issuer).toBe('https://auth.franceconnect.gouv.fr/api/v2')
    expect(franceConnectV1({ env: 'integration' }).endpoints?.token_endpoint).toBe(
      'https://fcp.integ01.dev-franceconnect.fr/api/v1/token',
    )
    expect(proConnect({ env: 'production' }).issuer).toBe('https://auth.agentconnect.gouv.fr/api/v2')
  })

  it('refuse an unknown environment', () => {
    expect(() => franceConnectPlus({ env: 'sandbox' as 'integration' })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }),
    )
  })

  it('encode FranceConnect rules as data', () => {
    const fc = franceConnect({ env: 'sandbox' })
    expect(fc.pkce).toBe(false)
    expect(fc.authorizeParameters).not.toContain('code_challenge')
    expect(fc.acr?.allowed).toEqual(['eidas1'])
    expect(franceConnectPlus({ env: 'integration' }).encryption?.contentEncryptionAlgorithms).toEqual(['A256GCM'])
    expect(franceConnectV1({ env: 'integration' }).signingAlgorithms).toEqual(['HS256'])
  })

  it('get a state and a nonce above what each core requires (FranceConnect 22 characters, ProConnect 32)', async () => {
    for (const provider of [franceConnect({ env: 'integration' }), proConnect({ env: 'integration' })]) {
      // the discovery document, answered offline: only authorize() is exercised
      const discovery = async () =>
        Response.json({
          issuer: provider.issuer,
          authorization_endpoint: `${provider.issuer}/authorize`,
          token_endpoint: `${provider.issuer}/token`,
        })
      const client = createClient({
        provider,
        clientId: 'client',
        clientSecret: 'secret',
        redirectUri: 'https://demarche.example.fr/callback',
        fetch: discovery as typeof fetch,
      })
      const { url } = await client.authorize()
      const params = new URL(url).searchParams
      expect(params.get('state')?.length).toBeGreaterThanOrEqual(32)
      expect(params.get('nonce')?.length).toBeGreaterThanOrEqual(32)
    }
  })
})

describe('eIDAS levels', () => {
  it('are ordered', () => {
    expect(compareAcr('eidas1', 'eidas3')).toBeLessThan(0)
    expect(isAcrAtLeast('eidas3', 'eidas2')).toBe(true)
    expect(isAcrAtLeast('eidas1', 'eidas2')).toBe(false)
    expect(isAcrAtLeast('eidas9', 'eidas1')).toBe(false)
  })
})

describe('FranceConnect error codes', () => {
  it('are found in pages and error_uri and described in French and English', () => {
    expect(findFranceConnectCode('…/fs-technique-erreurs/?code=Y049E20B&id=1')).toBe('Y049E20B')
    expect(findFranceConnectCode('<p>Code : Y030007</p>')).toBe('Y030007')
    expect(findFranceConnectCode('nothing here')).toBeUndefined()
    expect(describeFranceConnectCode('Y030007')?.fr).toMatch(/autorisation/)
    expect(describeFranceConnectCode('Y999999')).toBeUndefined()
  })
})

describe('small rules', () => {
  it('loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true)
    expect(isLoopbackHost('127.12.0.3')).toBe(true)
    expect(isLoopbackHost('localhost')).toBe(true)
    expect(isLoopbackHost('[::1]')).toBe(true)
    expect(isLoopbackHost('128.0.0.1')).toBe(false)
    expect(isLoopbackHost('127.0.0.1.evil.example')).toBe(false)
  })

  it('SIRET keys', () => {
    expect(isValidSiret('13002526500013')).toBe(true)
    expect(isValidSiret('13002526500014')).toBe(false)
    expect(isValidSiret('1300252650001')).toBe(false)
    expect(isValidSiret('35600000000001')).toBe(true) // La Poste: digit sum multiple of 5
  })
})
