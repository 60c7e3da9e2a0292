/**
 * What every framework adapter shares: the sealed session, the routes as functions from an
 * {@link AdapterRequest} to an {@link AdapterResponse}, `returnTo` checking and the French
 * `access_denied` page. Adapters only translate requests and responses.
 *
 * @module
 */
export { createFranceConnectCore, type CoreRoute, type FranceConnectCore } from './routes.js'
export { createSessionKeeper, toSignedInSession, type SessionKeeper } from './session-keeper.js'
export { createSealer, type Sealer } from './seal.js'
export { memorySessionStore, type SessionStore } from './session-store.js'
export { safeReturnTo } from './return-to.js'
export { accessDeniedPage } from './access-denied-page.js'
export { parseCookieHeader, serializeCookie, expiredCookie } from './cookies.js'
export { defaultInstance } from './default-instance.js'
export { fromWebRequest, toWebResponse } from './web.js'
export { htmlResponse, jsonResponse, redirectResponse } from './responses.js'
export type { AdapterRequest, AdapterResponse, FranceConnectRoutesOptions, SessionOptions, SignedInSession } from './types.js'
