/** A map whose entries expire: expired ones are swept at each write and never read. No timer. */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>()

  set(key: string, value: V, ttlMs: number): void {
    const now = Date.now()
    for (const [other, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(other)
    this.entries.set(key, { value, expiresAt: now + ttlMs })
  }

  get(key: string): V | undefined {
    const found = this.entries.get(key)
    if (found && found.expiresAt > Date.now()) return found.value
    this.entries.delete(key)
    return undefined
  }

  delete(key: string): void {
    this.entries.delete(key)
  }
}
