import { ConfigurationError } from '../../errors/configuration-error.js'

/**
 * The last routes an adapter created, per adapter, so that its standalone `getSession(request)` and
 * `requireSession()` need no argument but the request. An app with several sets of routes uses the
 * methods of each instead.
 *
 * @example
 * ```ts
 * const current = defaultInstance<MyRoutes>('express')
 * current.set(routes)
 * current.get() // routes
 * ```
 */
export function defaultInstance<T>(adapter: string): { set(value: T): void; get(): T } {
  let current: T | undefined
  return {
    set(value) {
      current = value
    },
    get() {
      if (current === undefined) {
        throw new ConfigurationError(
          'configuration_invalid',
          `franceconnect-sdk/${adapter}: call franceConnectRoutes() before getSession() or requireSession()`,
        )
      }
      return current
    },
  }
}
