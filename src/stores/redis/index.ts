/**
 * `franceconnect-sdk/stores/redis`: the transaction store and shared cache on Redis.
 *
 * @module
 */
export * from '../redis-store.js'
