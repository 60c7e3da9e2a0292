import { createHmac, randomBytes } from 'node:crypto'

/**
 * The sandbox's made-up credentials: random by default, or derived from a seed (HMAC-SHA256 of the
 * seed over each credential's label), so that the same seed gives the same credentials at every
 * start and a pasted `.env` keeps working.
 *
 * @example
 * ```ts
 * const secrets = seededSecrets('my-laptop')
 * secrets.hex('client_id', 32) === seededSecrets('my-laptop').hex('client_id', 32) // true
 * ```
 */
export function seededSecrets(seed: string | undefined): { hex(label: string, bytes: number): string } {
  return {
    hex(label, bytes) {
      if (seed === undefined) return randomBytes(bytes).toString('hex')
      if (bytes > 32) throw new RangeError('a seeded secret is at most 32 bytes')
      return createHmac('sha256', seed)
        .update(label)
        .digest('hex')
        .slice(0, bytes * 2)
    },
  }
}
