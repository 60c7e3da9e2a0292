/**
 * The SDK's base64url (src/internal/base64url.ts) against Node's Buffer, an implementation other
 * than the btoa/atob it is built on, and its refusals: JWT parts with characters outside the
 * alphabet or a length no encoding gives are not decoded.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { base64urlDecode, base64urlEncode } from '../../src/internal/base64url.js'

describe('base64url', () => {
  it('encodes and decodes as Buffer does, every length from 0 to 70 bytes and one above the slice size', () => {
    const lengths = [...Array.from({ length: 71 }, (_, length) => length), 0x8000 + 3]
    for (const length of lengths) {
      const bytes = randomBytes(length)
      const expected = bytes.toString('base64url')
      expect(base64urlEncode(new Uint8Array(bytes))).toBe(expected)
      expect(Buffer.from(base64urlDecode(expected)).equals(bytes)).toBe(true)
    }
  })

  it('uses - and _ where base64 has + and /, without padding', () => {
    expect(base64urlEncode(new Uint8Array([251, 255]))).toBe('-_8')
    expect([...base64urlDecode('-_8')]).toEqual([251, 255])
  })

  it.each([
    ['a +', 'a+_8'],
    ['a /', 'a/_8'],
    ['padding', '-_8='],
    ['a space', '-_ 8'],
    ['a length of 4n + 1', 'abcde'],
  ])('refuses %s', (_, text) => {
    expect(() => base64urlDecode(text)).toThrow(TypeError)
  })
})
