/**
 * A small in-memory storage adapter for oidc-provider, one store per started mock (so parallel OPs
 * never share state) and no timers (expiry is checked lazily), so nothing keeps the process alive.
 * Giving oidc-provider an adapter also avoids its "development-only in-memory adapter" warning.
 */

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number }

interface Entry {
  payload: Payload
  expiresAt: number
}

/** Models whose records are linked to a grant and revoked with it. */
const GRANT_BOUND = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
])

export class OpStore {
  readonly records = new Map<string, Entry>()
  readonly grants = new Map<string, Set<string>>()
  readonly sessionUids = new Map<string, string>()
  readonly userCodes = new Map<string, string>()

  constructor(private readonly graceSeconds: number) {}

  get(key: string): Payload | undefined {
    const entry = this.records.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.records.delete(key)
      return undefined
    }
    return entry.payload
  }

  set(key: string, payload: Payload, expiresIn: number | undefined): void {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + (expiresIn + this.graceSeconds) * 1000 : Infinity
    this.records.set(key, { payload, expiresAt })
  }
}

export function createAdapterFactory(store: OpStore) {
  return (model: string) => new StoreAdapter(model, store)
}

class StoreAdapter {
  constructor(
    private readonly model: string,
    private readonly store: OpStore,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`
  }

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    const key = this.key(id)
    this.store.set(key, payload, expiresIn)
    if (GRANT_BOUND.has(this.model) && payload.grantId) {
      const members = this.store.grants.get(payload.grantId) ?? new Set<string>()
      this.store.grants.set(payload.grantId, members)
      members.add(key)
    }
    if (this.model === 'Session' && payload.uid) this.store.sessionUids.set(payload.uid, id)
    if (payload.userCode) this.store.userCodes.set(payload.userCode, id)
  }

  async find(id: string): Promise<Payload | undefined> {
    return this.store.get(this.key(id))
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    const id = this.store.sessionUids.get(uid)
    return id === undefined ? undefined : this.find(id)
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    const id = this.store.userCodes.get(userCode)
    return id === undefined ? undefined : this.find(id)
  }

  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id))
    if (payload) payload.consumed = Math.floor(Date.now() / 1000)
  }

  async destroy(id: string): Promise<void> {
    const key = this.key(id)
    const payload = this.store.get(key)
    this.store.records.delete(key)
    if (payload?.uid && this.store.sessionUids.get(payload.uid) === id) this.store.sessionUids.delete(payload.uid)
    if (payload?.grantId) this.store.grants.get(payload.grantId)?.delete(key)
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of this.store.grants.get(grantId) ?? []) this.store.records.delete(key)
    this.store.grants.delete(grantId)
  }
}
