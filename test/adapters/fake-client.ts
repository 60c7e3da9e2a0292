/**
 * A client that stands in for `createClient()` in the adapters' route tests: it checks the binding
 * cookie as the SDK does and records what it was asked. The SDK's own checks are tested on the real
 * client (test/adapters/core-sandbox.test.ts and the examples).
 */
import type { Client, Session } from '../../src/index.js'
import { CallbackError } from '../../src/index.js'

export const fakeSession: Session = {
  sub: 'b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1',
  acr: 'eidas1',
  claims: { sub: 'b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1', given_name: 'Angela Claire Louise' },
  idToken: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
  accessToken: 'access-token-secret',
  refreshToken: 'refresh-token-secret',
  scopes: ['openid', 'given_name'],
  expiresAt: Math.floor(Date.now() / 1000) + 60,
}

/** The fake client, and the `authorize()` options and logout ID tokens it received. */
export function fakeClient(): { client: Client; authorized: unknown[]; loggedOut: string[] } {
  const authorized: unknown[] = []
  const loggedOut: string[] = []
  const client = {
    async authorize(options: unknown) {
      authorized.push(options)
      return {
        url: 'https://fc.example/authorize?state=s1',
        state: 's1',
        cookie: { name: 'fc_tx', value: 'binding-1', maxAgeSec: 600 },
      }
    },
    async callback(_input: URLSearchParams, options: { cookie?: string }) {
      if (options.cookie === undefined) throw new CallbackError('binding_missing', 'no binding')
      if (options.cookie !== 'binding-1') throw new CallbackError('binding_mismatch', 'another browser')
      return fakeSession
    },
    async logout(idToken: string) {
      loggedOut.push(idToken)
      return {
        url: 'https://fc.example/logout?state=s2',
        state: 's2',
        cookie: { name: 'fc_tx_logout', value: 'binding-2', maxAgeSec: 600 },
      }
    },
    async logoutCallback(_input: URLSearchParams, options: { cookie?: string }) {
      if (options.cookie !== 'binding-2') throw new CallbackError('binding_missing', 'no binding')
      return { state: 's2' }
    },
  }
  return { client: client as unknown as Client, authorized, loggedOut }
}
