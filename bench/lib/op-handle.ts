/** The parent's side of the OP process (op-process.ts): start it, ask it for callbacks, count its requests. */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { JWK } from 'jose'
import type { OpReady, OpReply, OpRequest } from './op-process.js'

export interface OpHandle {
  readonly info: OpReady
  /** One callback URL (with a fresh code) per authorization URL, in order. */
  authorize(urls: string[]): Promise<string[]>
  /** Requests the OP has served, per endpoint (`discovery`, `jwks`, `token`, `userinfo`). */
  counts(): Promise<Record<string, number>>
  /** Returns the counts and sets them back to zero. */
  resetCounts(): Promise<Record<string, number>>
  close(): Promise<void>
}

const opProcessPath = fileURLToPath(new URL('./op-process.ts', import.meta.url))

/**
 * Starts the scriptable OP in a separate Node process (tsx loader) and waits until it listens.
 *
 * @example
 * ```ts
 * const op = await startOpProcess('v2')
 * const [callbackUrl] = await op.authorize([authorizationUrl])
 * ```
 */
export async function startOpProcess(variant: 'v2' | 'fcplus', clientEncryptionJwk?: JWK): Promise<OpHandle> {
  const args = [variant, ...(clientEncryptionJwk ? [JSON.stringify(clientEncryptionJwk)] : [])]
  const child: ChildProcess = fork(opProcessPath, args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let nextId = 1
  const pending = new Map<number, (reply: OpReply) => void>()
  const info = await new Promise<OpReady>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the OP process exited early (code ${code})`))
    child.once('exit', onExit)
    child.on('message', (message: OpReady | OpReply) => {
      if (message.type === 'ready') {
        child.off('exit', onExit)
        resolve(message)
        return
      }
      const waiter = pending.get(message.id)
      if (waiter) {
        pending.delete(message.id)
        waiter(message)
      }
    })
  })
  const ask = (request: OpRequest & { id: number }): Promise<OpReply> =>
    new Promise((resolve) => {
      pending.set(request.id, resolve)
      child.send(request)
    })
  return {
    info,
    async authorize(urls) {
      const reply = await ask({ type: 'authorize', id: nextId++, urls })
      if (reply.type !== 'callbacks') throw new Error('unexpected OP reply')
      return reply.urls
    },
    async counts() {
      const reply = await ask({ type: 'counts', id: nextId++ })
      if (reply.type !== 'counts') throw new Error('unexpected OP reply')
      return reply.requests
    },
    async resetCounts() {
      const reply = await ask({ type: 'reset-counts', id: nextId++ })
      if (reply.type !== 'counts') throw new Error('unexpected OP reply')
      return reply.requests
    },
    close() {
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.send({ type: 'close' } satisfies OpRequest)
      })
    },
  }
}
