import type { Exchange } from './exchange.js'

/**
 * Runs calls in parallel and fails with the first error, aborting the calls still running: no
 * half-filled result, no request left behind. Each call makes its requests through the exchange it
 * is passed, which that first failure aborts.
 *
 * @example
 * ```ts
 * const [me, beneficiaires] = await allOrAbort(exchange, [(x) => x.get(meUrl, headers), (x) => x.get(listUrl, headers)])
 * ```
 */
export async function allOrAbort<T extends readonly unknown[]>(
  exchange: Exchange,
  calls: { readonly [K in keyof T]: (exchange: Exchange) => Promise<T[K]> },
): Promise<T> {
  const controller = new AbortController()
  const abortable = exchange.within(controller.signal)
  const running = (calls as readonly ((exchange: Exchange) => Promise<unknown>)[]).map((call) =>
    call(abortable).catch((error: unknown) => {
      controller.abort()
      throw error
    }),
  )
  return (await Promise.all(running)) as unknown as T
}
