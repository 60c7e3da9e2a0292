/** The hashes the SDK computes: PKCE, binding and state hashes, `at_hash`/`c_hash`, token ids. */
export type DigestAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512'

/**
 * The digest of a text's UTF-8 bytes, with Web Crypto: what every runtime has. The Node build
 * (tsup.config.ts) swaps in ./digest.node.ts, on `node:crypto`'s `createHash`, which answers in
 * about 2 µs where Web Crypto's job takes about 30 µs of CPU (docs/performance.md, callback).
 *
 * @example
 * ```ts
 * const bytes = await digest('SHA-256', verifier)
 * ```
 */
export async function digest(algorithm: DigestAlgorithm, text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, new TextEncoder().encode(text)))
}
