/**
 * The OP of the callback benchmarks, in its own process so that its CPU (signing, encrypting, HTTP
 * serving) never counts as the client's. It is the scriptable FranceConnect-like OP of the tests;
 * the parent talks to it over IPC (see op-handle.ts):
 *
 * - `{ type: 'authorize', id, urls }` → `{ type: 'callbacks', id, urls }`: plays the user's consent
 *   for each authorization URL and returns a callback URL with a fresh code;
 * - `{ type: 'counts', id }` → `{ type: 'counts', id, requests }`: requests served per endpoint;
 * - `{ type: 'reset-counts', id }` → `{ type: 'counts', id, requests }` (the counts before reset);
 * - `{ type: 'close' }`: closes the server and exits.
 *
 * Started with `node --import tsx bench/lib/op-process.ts <variant> [<client encryption JWK>]`.
 */
import type { JWK } from 'jose'
import { startScriptableOp, type ScriptableVariant } from '../../test/support/scriptable-op.js'

export interface OpReady {
  type: 'ready'
  issuer: string
  clientId: string
  clientSecret: string
  redirectUri: string
  postLogoutRedirectUri: string
  pid: number
}

export type OpRequest =
  | { type: 'authorize'; id: number; urls: string[] }
  | { type: 'counts'; id: number }
  | { type: 'reset-counts'; id: number }
  | { type: 'close' }

export type OpReply =
  | { type: 'callbacks'; id: number; urls: string[] }
  | { type: 'counts'; id: number; requests: Record<string, number> }

async function main(): Promise<void> {
  const send = process.send?.bind(process)
  if (!send) throw new Error('op-process must be started with an IPC channel (child_process.fork)')
  const variant = (process.argv[2] ?? 'v2') as ScriptableVariant
  const encryptionArg = process.argv[3]
  const clientEncryptionJwk = encryptionArg ? (JSON.parse(encryptionArg) as JWK) : undefined
  const op = await startScriptableOp({ variant, ...(clientEncryptionJwk ? { clientEncryptionJwk } : {}) })

  process.on('message', (message: OpRequest) => {
    switch (message.type) {
      case 'authorize':
        send({ type: 'callbacks', id: message.id, urls: message.urls.map((url) => op.authorize(url)) } satisfies OpReply)
        break
      case 'counts':
        send({ type: 'counts', id: message.id, requests: { ...op.requests } } satisfies OpReply)
        break
      case 'reset-counts': {
        const requests = { ...op.requests }
        for (const name of Object.keys(op.requests)) delete op.requests[name]
        send({ type: 'counts', id: message.id, requests } satisfies OpReply)
        break
      }
      case 'close':
        void op.close().finally(() => process.exit(0))
        break
    }
  })
  process.on('disconnect', () => {
    void op.close().finally(() => process.exit(0))
  })
  const ready: OpReady = {
    type: 'ready',
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    redirectUri: op.redirectUri,
    postLogoutRedirectUri: op.postLogoutRedirectUri,
    pid: process.pid,
  }
  send(ready)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
