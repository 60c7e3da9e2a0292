import { lazyModule } from '../internal/lazy-module.js'
import type { DigestAlgorithm } from './digest.js'

export type { DigestAlgorithm } from './digest.js'

// Loaded on the first digest, not at import: node:crypto takes about 10 ms to load, which would
// double the SDK's startup (docs/performance.md, cold import).
const nodeCrypto = lazyModule(() => import('node:crypto'))

/**
 * The Node build's ./digest.ts: the same digest with `node:crypto`'s `createHash`, about fifteen
 * times cheaper than a Web Crypto job. tsup.config.ts swaps it in.
 *
 * @example
 * ```ts
 * const bytes = await digest('SHA-256', verifier)
 * ```
 */
export async function digest(algorithm: DigestAlgorithm, text: string): Promise<Uint8Array> {
  const { createHash } = await nodeCrypto()
  return createHash(algorithm.replace('-', '').toLowerCase()).update(text, 'utf8').digest()
}
