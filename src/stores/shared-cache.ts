/**
 * A cache the client can share with other instances for what every instance would otherwise fetch
 * again: discovery documents and key sets. Values are JSON strings of public data.
 */
export interface SharedCache {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string, ttlSec: number): Promise<void>
}
