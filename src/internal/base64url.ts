/**
 * base64url without padding (RFC 4648 §5), on `btoa`/`atob` as every runtime has them: the SDK's
 * random values, digests and JWT parts. Kept in house so that starting a sign-in loads no part of
 * jose (docs/performance.md, cold import); the Node build swaps in ./base64url.node.ts, on `Buffer`.
 *
 * @example
 * ```ts
 * base64urlEncode(new Uint8Array([251, 255])) // '-_8'
 * ```
 */
export function base64urlEncode(bytes: Uint8Array): string {
  let binary = ''
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(start, start + 0x8000) as unknown as number[])
  }
  return btoa(binary).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_')
}

/**
 * The bytes of a base64url text; throws a TypeError on any character outside the base64url
 * alphabet (a `+` or `/` included) and on a length no encoding gives.
 *
 * @example
 * ```ts
 * base64urlDecode('-_8') // Uint8Array [251, 255]
 * ```
 */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> {
  // No encoding produces a length of 4n + 1 (atob would throw a DOMException for it).
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new TypeError('The input is not base64url')
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}
