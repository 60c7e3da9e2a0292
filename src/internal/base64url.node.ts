/**
 * The Node build's ./base64url.ts: the same encoding and the same refusals, on `Buffer`, about
 * five times faster than `btoa`/`atob` (six encodings per sign-in start). tsup.config.ts swaps it in.
 *
 * @example
 * ```ts
 * base64urlEncode(new Uint8Array([251, 255])) // '-_8'
 * ```
 */
export function base64urlEncode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url')
}

/**
 * The bytes of a base64url text; throws a TypeError on any character outside the base64url
 * alphabet and on a length no encoding gives (Buffer itself would skip them silently).
 *
 * @example
 * ```ts
 * base64urlDecode('-_8') // Uint8Array [251, 255]
 * ```
 */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new TypeError('The input is not base64url')
  const decoded = Buffer.from(text, 'base64url')
  return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength) as Uint8Array<ArrayBuffer>
}
