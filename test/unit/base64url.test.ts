/**
 * The SDK's base64url, both builds of it (src/internal/base64url.ts on btoa/atob, and
 * base64url.node.ts on Buffer, which the Node build swaps in), against Node's Buffer, and their
 * refusals: JWT parts with characters outside the alphabet or a length no encoding gives are not
 * decoded.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as forNode from '../../src/internal/base64url.node.js'
import * as web from '../../src/internal/base64url.js'

describe.each([
  ['btoa/atob', web],
  ['Node build', forNode],
])('base64url (%s)', (_, { base64urlDecode, base64urlEncode }) => {
  it('encodes and decodes as Buffer does, every length from 0 to 70 bytes and one above the slice size', () => {
    const lengths = [...Array.from({ length: 71 }, (_, length) => length), 0x8000 + 3]
    for (const length of lengths) {
      const bytes = randomBytes(length)
      const expected = bytes.toString('base64url')
      expect(base64urlEncode(new Uint8Array(bytes))).toBe(expected)
      expect(Buffer.from(base64urlDecode(expected)).equals(bytes)).toBe(true)
    }
  })

  // For the Node build's variant, which is Buffer itself, the comparison above proves little: these
  // vectors (RFC 4648 §10, base64url without padding) and the view at an offset do.
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 vector %j is %j', (text, encoded) => {
    expect(base64urlEncode(new TextEncoder().encode(text))).toBe(encoded)
    expect(new TextDecoder().decode(base64urlDecode(encoded))).toBe(text)
  })

  it('encodes only the bytes of a view, not the rest of its buffer', () => {
    const whole = new TextEncoder().encode('xxfooyy')
    expect(base64urlEncode(whole.subarray(2, 5))).toBe('Zm9v')
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
