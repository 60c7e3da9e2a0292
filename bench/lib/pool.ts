/**
 * Runs `work` over every item with at most `concurrency` in flight (a new one starts as soon as
 * one ends), and returns how many failed with their first error.
 *
 * @example
 * ```ts
 * const { failures } = await runPool(callbackUrls, 32, (url) => fc.callback(url))
 * ```
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<{ failures: number; firstError?: unknown }> {
  let next = 0
  let failures = 0
  let firstError: unknown
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      try {
        await work(item)
      } catch (error) {
        if (failures++ === 0) firstError = error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return failures === 0 ? { failures } : { failures, firstError }
}
