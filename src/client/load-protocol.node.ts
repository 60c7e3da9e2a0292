import { lazyModule } from '../internal/lazy-module.js'

/**
 * The Node build's ./load-protocol.ts: the protocol core (oauth4webapi, the token and claims
 * checks) loaded on the first callback, refresh or revocation rather than at import
 * (docs/performance.md, cold import). tsup.config.ts swaps it in.
 *
 * @example
 * ```ts
 * const { callback } = await loadProtocol()
 * ```
 */
export const loadProtocol = lazyModule(() => import('./protocol.js'))
