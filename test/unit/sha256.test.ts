/**
 * `sha256Base64url` (the binding hash, the PKCE challenge) gives RFC 7636's S256 vector and the same
 * digest as Web Crypto for any text, whatever the runtime offers.
 */
import { describe, expect, it } from 'vitest'
import { pkceChallenge, sha256Base64url } from '../../src/oidc/random.js'

async function webCryptoDigest(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return Buffer.from(digest).toString('base64url')
}

describe('sha256Base64url', () => {
  it("gives RFC 7636's S256 challenge (appendix B)", async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it.each(['', 'a binding secret', 'Angéla Claire Louise ✓ 𝄞', 'x'.repeat(10_000)])('equals Web Crypto on %#', async (text) => {
    expect(await sha256Base64url(text)).toBe(await webCryptoDigest(text))
  })
})
