/**
 * What the pieces of `authorize()` cost on this machine, one by one (plain loops, wall clock, the
 * median of 5 runs): the numbers behind the fixes proposed for figure 2 in docs/performance.md.
 *
 *   tsx bench/diagnose/authorize-parts.ts
 */
import { fixedMemoryStore } from '../lib/fixed-memory-store.js'
import { median } from '../lib/report.js'
import { memoryStore } from '../../src/stores/memory-store.js'

const n = 200_000

async function cost(name: string, run: () => unknown): Promise<void> {
  const samples: number[] = []
  for (let round = 0; round < 5; round++) {
    const startedAt = performance.now()
    for (let i = 0; i < n; i++) {
      const result = run()
      if (result instanceof Promise) await result
    }
    samples.push(((performance.now() - startedAt) * 1000) / n)
  }
  console.log(`${name.padEnd(64)} ${median(samples).toFixed(3)} µs`)
}

const params = {
  client_id: 'a'.repeat(64),
  response_type: 'code',
  redirect_uri: 'https://demarche.example.fr/callback',
  scope: 'openid identite_pivot',
  acr_values: 'eidas1',
  state: 's'.repeat(43),
  nonce: 'n'.repeat(43),
}
const endpoint = 'https://fcp-low.sbx.dev-franceconnect.fr/api/v2/authorize'
let pool = new Uint8Array(0)
let offset = 0
let key = 0
const full = async (store: ReturnType<typeof memoryStore>) => {
  for (let i = 0; i < 10_000; i++) await store.put(`tx:${key++}`, 'v'.repeat(150), 1800)
  return store
}
const current = await full(memoryStore())
const fixed = await full(fixedMemoryStore())

await cost('crypto.getRandomValues(32 bytes) (one per state, one per nonce)', () => crypto.getRandomValues(new Uint8Array(32)))
await cost('crypto.getRandomValues(64 bytes) (state and nonce at once)', () => crypto.getRandomValues(new Uint8Array(64)))
await cost('32 bytes from a 4 KiB pool refilled by getRandomValues', () => {
  if (offset + 32 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096))
    offset = 0
  }
  offset += 32
  return pool.subarray(offset - 32, offset)
})
await cost('URL: new URL + searchParams.set per parameter (today)', () => {
  const url = new URL(endpoint)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  return url.href
})
await cost('URL: endpoint + "?" + new URLSearchParams(params)', () => `${endpoint}?${new URLSearchParams(params)}`)
await cost('structuredClone({}) (claims when none are given)', () => structuredClone({}))
await cost('JSON.stringify(transaction)', () =>
  JSON.stringify({ kind: 'sign-in', nonce: params.nonce, scopes: ['openid', 'identite_pivot'], amr: false, acr: 'eidas1' }),
)
await cost('memoryStore().put at its 10,000 bound (today: keys().next())', () =>
  current.put(`tx:${key++}`, 'v'.repeat(150), 1800),
)
await cost('fixed store put at its 10,000 bound (kept iterator)', () => fixed.put(`tx:${key++}`, 'v'.repeat(150), 1800))
