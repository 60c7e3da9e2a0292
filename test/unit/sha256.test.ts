/**
 * `sha256Base64url` (the binding hash, the PKCE challenge) gives RFC 7636's S256 vector, and the
 * digest Node's own `createHash` gives (an implementation other than the Web Crypto it uses) for any
 * text, non-ASCII and long ones included.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { pkceChallenge, sha256Base64url } from '../../src/oidc/random.js'

describe('sha256Base64url', () => {
  it("gives RFC 7636's S256 challenge (appendix B)", async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it.each(['', 'abc', 'a binding secret', 'Angéla Claire Louise ✓ 𝄞', 'x'.repeat(10_000)])(
    'equals node:crypto on %#',
    async (text) => {
      expect(await sha256Base64url(text)).toBe(createHash('sha256').update(text, 'utf8').digest('base64url'))
    },
  )
})
