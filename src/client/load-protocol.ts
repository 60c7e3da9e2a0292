import * as protocol from './protocol.js'

/**
 * The client's protocol core (./protocol.ts), for `createClient`. This module imports it up front:
 * an app's bundler puts it in the same file anyway, and a dynamic import would cost bytes there. The
 * Node build (tsup.config.ts) replaces this module with ./load-protocol.node.ts, which loads the core
 * on first use, so that a server does not pay for it at startup.
 *
 * @example
 * ```ts
 * const { callback } = await loadProtocol()
 * ```
 */
export const loadProtocol = async (): Promise<typeof protocol> => protocol
