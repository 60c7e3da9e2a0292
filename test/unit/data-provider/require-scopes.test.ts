import { describe, expect, it } from 'vitest'
import {
  InsufficientScopeError,
  missingScopes,
  requireScopes,
  type AccessTokenResult,
  type ActiveAccessToken,
} from '../../../src/data-provider/index.js'

const active: ActiveAccessToken = {
  active: true,
  version: 'v2',
  sub: 'abc',
  scopes: ['openid', 'dgfip_rfr', 'dgfip_nbpart'],
  identity: { sub: 'abc', family_name: 'DUBOIS' },
  clientId: 'sp',
  acr: 'eidas1',
  issuedAt: 1_700_000_000,
  expiresAt: 1_700_000_060,
  tokenId: 'jti',
}

function thrown(run: () => void): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('requireScopes', () => {
  it('passes when every scope is granted, and narrows the type', () => {
    const result: AccessTokenResult = active
    requireScopes(result, ['dgfip_rfr', 'dgfip_nbpart'])
    expect(result.identity.family_name).toBe('DUBOIS')
  })

  it('throws insufficient_scope listing the missing scopes', () => {
    const error = thrown(() => requireScopes(active, ['dgfip_rfr', 'dgfip_aft', 'dgfip_pac', 'dgfip_aft']))
    expect(error).toBeInstanceOf(InsufficientScopeError)
    expect(error).toMatchObject({ code: 'insufficient_scope', missing: ['dgfip_aft', 'dgfip_pac'] })
    expect((error as Error).message).toBe('The access token lacks the scopes: dgfip_aft dgfip_pac')
  })

  it('throws for an inactive token, every scope missing', () => {
    expect(thrown(() => requireScopes({ active: false }, ['dgfip_rfr']))).toMatchObject({
      code: 'insufficient_scope',
      missing: ['dgfip_rfr'],
    })
    expect(thrown(() => requireScopes({ active: false }, []))).toMatchObject({ code: 'insufficient_scope', missing: [] })
  })

  it('missingScopes lists what lacks without throwing', () => {
    expect(missingScopes(active, ['openid', 'cnous_email'])).toEqual(['cnous_email'])
    expect(missingScopes(active, [])).toEqual([])
  })
})
