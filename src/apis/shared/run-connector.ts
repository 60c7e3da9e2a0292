/**
 * Where `parsePayload` and `resolveBaseUrl` used to live, beside the `runConnector` that
 * `defineConnector` replaced: kept so that existing imports resolve. New code imports them from
 * `parse-payload.js` and `base-url.js`.
 *
 * @module
 */
export { resolveBaseUrl } from './base-url.js'
export { parsePayload } from './parse-payload.js'
