/**
 * The protocol core of the client: the operations that talk OAuth with the provider through
 * oauth4webapi and check what it answers. `createClient` reaches it through ./load-protocol.ts: in
 * the Node build, on the first callback, refresh or revocation rather than when the app imports the
 * SDK, so that a server (or a function started per request) does not pay for oauth4webapi, the
 * token and claims checks at startup (docs/performance.md, cold import).
 *
 * @module
 */
export { callback } from './callback.js'
export { refresh } from './refresh.js'
export { revoke } from './revoke.js'
