/**
 * Wraps an async function so that concurrent calls share one run: however many callers arrive at
 * once, the work is done once and every caller gets its result (or its error).
 *
 * @example
 * ```ts
 * const load = singleFlight(() => fetchKeys())
 * await Promise.all([load(), load(), load()]) // one fetch
 * ```
 */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () => {
    pending ??= run().finally(() => {
      pending = undefined
    })
    return pending
  }
}
