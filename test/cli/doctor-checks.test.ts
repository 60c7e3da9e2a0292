/** The doctor's checks on documents made up for each case: what blocks a sign-in, what only differs. */
import { exportJWK, generateKeyPair } from 'jose'
import { describe, expect, it } from 'vitest'
import { checkDiscovery, checkJwks, type Check } from '../../src/cli/doctor-checks.js'
import { franceConnect, franceConnectPlus, oidcProvider, proConnect } from '../../src/index.js'

const issuer = 'https://oidc.example.fr/api/v2'
const franceConnectDiscovery = {
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  userinfo_endpoint: `${issuer}/userinfo`,
  jwks_uri: `${issuer}/jwks`,
  end_session_endpoint: `${issuer}/session/end`,
  revocation_endpoint: `${issuer}/token/revocation`,
  response_types_supported: ['code'],
  grant_types_supported: ['authorization_code'],
  id_token_signing_alg_values_supported: ['HS256', 'ES256', 'RS256'],
  userinfo_signing_alg_values_supported: ['HS256', 'ES256', 'RS256'],
  acr_values_supported: ['eidas1'],
  token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
  authorization_response_iss_parameter_supported: true,
  scopes_supported: ['openid', 'identite_pivot'],
}
const levels = (checks: Check[]) => Object.fromEntries(checks.map((check) => [check.subject, check.level]))

describe('checkDiscovery', () => {
  it('passes FranceConnect v2 as the reference describes it', () => {
    const checks = checkDiscovery(franceConnect({ issuer }), franceConnectDiscovery)
    expect(checks.filter((check) => check.level !== 'ok')).toEqual([])
  })

  it('blocks: another issuer, a missing endpoint, plain HTTP, no common algorithm, no iss in callbacks, client_secret_basic only', () => {
    const checks = checkDiscovery(franceConnect({ issuer }), {
      ...franceConnectDiscovery,
      issuer: `${issuer}/`,
      userinfo_endpoint: undefined,
      token_endpoint: 'http://oidc.example.fr/token',
      id_token_signing_alg_values_supported: ['PS256'],
      authorization_response_iss_parameter_supported: false,
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
    })
    const failed = checks.filter((check) => check.level === 'fail').map((check) => check.subject)
    expect(failed).toEqual([
      'issuer',
      'endpoints',
      'endpoints',
      'id_token_signing_alg_values_supported',
      'token_endpoint_auth_methods_supported',
      'authorization_response_iss_parameter_supported',
    ])
    expect(checks.find((check) => check.subject === 'endpoints' && check.message.startsWith('not HTTPS'))?.message).toContain(
      'token_endpoint',
    )
  })

  it('only warns about what does not stop a sign-in: no logout, no revocation, a level that cannot be asked', () => {
    const checks = checkDiscovery(proConnect({ issuer }), {
      ...franceConnectDiscovery,
      end_session_endpoint: undefined,
      revocation_endpoint: undefined,
      acr_values_supported: ['eidas1', 'eidas2'],
      claims_parameter_supported: true,
      scopes_supported: ['openid', 'given_name', 'usual_name', 'email', 'uid'],
    })
    expect(levels(checks)).toMatchObject({
      end_session_endpoint: 'warn',
      revocation_endpoint: 'warn',
      acr_values_supported: 'warn',
    })
    expect(checks.some((check) => check.level === 'fail')).toBe(false)
  })

  it('checks FranceConnect+ encryption and levels, and notices FranceConnect+ behind the v2 preset', () => {
    const plus = {
      ...franceConnectDiscovery,
      acr_values_supported: ['eidas2', 'eidas3'],
      id_token_signing_alg_values_supported: ['ES256'],
      userinfo_signing_alg_values_supported: ['ES256'],
    }
    const encrypted = {
      ...plus,
      id_token_encryption_alg_values_supported: ['ECDH-ES', 'RSA-OAEP'],
      id_token_encryption_enc_values_supported: ['A256GCM'],
      userinfo_encryption_alg_values_supported: ['ECDH-ES'],
      userinfo_encryption_enc_values_supported: ['A256GCM'],
    }
    expect(checkDiscovery(franceConnectPlus({ issuer }), encrypted).filter((check) => check.level !== 'ok')).toEqual([])
    const weak = checkDiscovery(franceConnectPlus({ issuer }), {
      ...encrypted,
      userinfo_encryption_enc_values_supported: ['A128CBC-HS256'],
    })
    expect(levels(weak)['userinfo_encryption_*_values_supported']).toBe('fail')
    const v2OnPlus = checkDiscovery(franceConnect({ issuer }), encrypted)
    expect(levels(v2OnPlus)).toMatchObject({ acr_values_supported: 'fail', id_token_encryption_alg_values_supported: 'warn' })
  })

  it('asks PKCE S256 of a generic provider, and reads an absent auth method list as client_secret_basic', () => {
    const checks = checkDiscovery(oidcProvider({ issuer }), {
      ...franceConnectDiscovery,
      token_endpoint_auth_methods_supported: undefined,
    })
    expect(levels(checks)).toMatchObject({
      code_challenge_methods_supported: 'warn',
      token_endpoint_auth_methods_supported: 'ok',
    })
    expect(checks.find((check) => check.subject === 'token_endpoint_auth_methods_supported')?.message).toContain(
      'client_secret_basic',
    )
  })
})

describe('checkJwks', () => {
  const provider = franceConnect({ issuer })
  const key = async (alg: 'ES256' | 'RS256', extra: Record<string, unknown> = {}) => ({
    ...(await exportJWK((await generateKeyPair(alg, { extractable: true })).publicKey)),
    alg,
    use: 'sig',
    ...extra,
  })

  it('counts the usable signing keys and ignores encryption keys', async () => {
    const checks = await checkJwks(
      provider,
      {
        keys: [
          await key('ES256', { kid: 'a' }),
          await key('RS256', { kid: 'b' }),
          { ...(await key('ES256', { kid: 'c' })), use: 'enc' },
        ],
      },
      ['ES256', 'RS256'],
    )
    expect(checks).toEqual([
      {
        level: 'ok',
        subject: 'jwks',
        message: '2 usable signing keys: ES256 (kid a), RS256 (kid b); 1 encryption key(s) ignored',
      },
    ])
  })

  it('blocks a set with no usable key, a duplicate kid, a key that cannot be imported; warns on a key without kid', async () => {
    expect((await checkJwks(provider, { keys: [] }, undefined))[0]).toMatchObject({
      level: 'fail',
      message: expect.stringContaining('no usable signing key'),
    })
    expect((await checkJwks(provider, {}, undefined))[0]).toMatchObject({
      level: 'fail',
      message: expect.stringContaining('no "keys" array'),
    })
    const twice = await checkJwks(
      provider,
      { keys: [await key('ES256', { kid: 'a' }), await key('ES256', { kid: 'a' })] },
      undefined,
    )
    expect(twice.map((check) => check.level)).toEqual(['ok', 'fail'])
    const broken = await checkJwks(
      provider,
      { keys: [{ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', alg: 'ES256', kid: 'x' }] },
      undefined,
    )
    expect(broken.map((check) => check.level)).toEqual(['fail', 'fail'])
    const anonymous = await checkJwks(provider, { keys: [await key('ES256', { kid: 'a' }), await key('RS256')] }, undefined)
    expect(anonymous.map((check) => check.level)).toEqual(['ok', 'warn'])
  })
})
