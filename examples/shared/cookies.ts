/**
 * Reading the Cookie header and writing Set-Cookie values (HttpOnly, SameSite=Lax, Path=/): the
 * adapters' own functions, which the node:http example uses as well.
 */
export {
  expiredCookie as clearCookie,
  parseCookieHeader as parseCookies,
  serializeCookie,
} from '../../src/adapters/core/cookies.js'
