/**
 * A module loaded on first use and kept: `import()` of an already loaded module still costs a
 * resolution on every call, which shows on hot paths.
 *
 * @example
 * ```ts
 * const jws = lazyModule(() => import('jose/jws/compact/verify'))
 * const { compactVerify } = await jws()
 * ```
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () => {
    loaded ??= load()
    return loaded
  }
}
