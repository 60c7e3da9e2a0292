/**
 * Serving on loopback: what the mock FranceConnect and the mock APIs share to bind a server on
 * 127.0.0.1 and to close it once.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Binds `server` on 127.0.0.1 (port 0: a free one) and resolves with its origin.
 *
 * @example
 * ```ts
 * const origin = await listenOnLoopback(createServer(handler), 0) // 'http://127.0.0.1:53121'
 * ```
 */
export async function listenOnLoopback(server: Server, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/**
 * A `close()` that stops `server`, drops its open connections, and gives every caller the same promise.
 *
 * @example
 * ```ts
 * return { origin, close: closerOf(server) }
 * ```
 */
export function closerOf(server: Server): () => Promise<void> {
  let closed: Promise<void> | undefined
  return () => {
    closed ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      server.closeAllConnections()
    })
    return closed
  }
}
