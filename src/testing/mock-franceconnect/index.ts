/**
 * The mock FranceConnect: a real OpenID Provider on loopback, built on panva's `oidc-provider` v9
 * (what FranceConnect's own core runs on) and configured with FranceConnect's rules, for FranceConnect
 * v2, FranceConnect+, FranceConnect v1, ProConnect, or any OpenID Provider.
 *
 *   const op = await startMockFranceConnect({ variant: 'v2' })
 *   const callback = await op.authorize(authorizationUrlBuiltByTheClient)
 *   ...
 *   await op.close()
 *
 * Its parts: `platforms/` (each platform's configuration, as data), `rules/` (the checks the
 * FranceConnect cores run in front of oidc-provider), `setup.ts` (the options, checked),
 * `provider-config.ts` (oidc-provider's configuration), `router.ts` (the front door),
 * `interactions.ts` and `pages.ts` (the login and consent pages), `checktoken.ts` (for data
 * providers), `sign-in.ts` and `browser.ts` (the scripted browser).
 */
import type { Server } from 'node:http'
import { closerOf } from '../loopback.js'
import { checktokenContextOf } from './checktoken.js'
import { ExpiringMap } from './expiring-map.js'
import { startServer } from './http.js'
import { createInteractions } from './interactions.js'
import { loadOidcProvider, type OidcProvider } from './load-oidc-provider.js'
import { providerConfiguration } from './provider-config.js'
import { createRouter, requestCounter } from './router.js'
import { type OpSetup, resolveSetup } from './setup.js'
import { resolveIdentity, signIn, signOut } from './sign-in.js'
import { endpointsOf, type OpSite, siteOf } from './site.js'
import type { SignedInIdentity, StartedOp, StartOpOptions } from './types.js'

export type {
  AuthorizeOptions,
  MockDataProviderRegistration,
  MockIdentity,
  OpEndpoints,
  OpVariant,
  SignedInIdentity,
  StartedOp,
  StartOpOptions,
} from './types.js'
export { DEFAULT_DATA_SCOPES, dataScopesOf } from './platforms/index.js'
export { OpHttpError } from './browser.js'
export { pairwiseSub } from './pairwise.js'

/** What `startMockFranceConnect` resolves with, once the mock serves. */
function startedOp(
  setup: OpSetup,
  site: OpSite,
  running: { server: Server; requests: Record<string, number>; serverErrors: unknown[] },
): StartedOp {
  const { profile, client } = setup
  const { origin } = site
  const clientSub = (accountId: string) => setup.subFor(accountId, client.clientId)
  const signedIn: SignedInIdentity[] = setup.identities.map((identity) => ({ ...identity, sub: clientSub(identity.id) }))
  return {
    variant: profile.variant,
    issuer: site.issuer,
    origin,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUri: client.redirectUri,
    postLogoutRedirectUri: client.postLogoutRedirectUri,
    identities: signedIn,
    registeredScopes: setup.registeredScopes ?? [
      'openid',
      ...Object.keys(profile.claims),
      ...profile.extraScopes,
      ...setup.dataScopes,
    ],
    endpoints: endpointsOf(profile, site),
    requests: running.requests,
    jwks: { keys: profile.variant === 'v1' ? [] : setup.publicJwks },
    serverErrors: running.serverErrors,
    subFor: setup.subFor,
    async authorize(authorizationUrl, opts = {}) {
      return signIn(origin, authorizationUrl, resolveIdentity(setup.identities, clientSub, opts.identity), opts)
    },
    logout: async (endSessionUrl) => signOut(origin, endSessionUrl),
    close: closerOf(running.server),
  }
}

/**
 * Starts the mock FranceConnect on 127.0.0.1. The login page lists `identities` (the first one
 * pre-selected), then a consent page lists the requested scopes in French; both are plain HTML forms
 * whose untouched submission signs in as the first identity and consents. `authorize(url)` drives them
 * with plain HTTP and a fresh cookie jar and resolves with the callback URL.
 *
 * Subjects are pairwise: derived from the identity and the client, so each service provider and each
 * data provider gets its own `sub`. Access tokens can be checked by the registered data providers at
 * `/checktoken` (v2, fcplus) or `/api/v1/checktoken` (v1).
 *
 * @example
 * ```ts
 * const op = await startMockFranceConnect({ variant: 'v2' })
 * const fc = createClient({ provider: franceConnect({ issuer: op.issuer }), clientId: op.clientId, clientSecret: op.clientSecret, redirectUri: op.redirectUri })
 * const { url, cookie } = await fc.authorize()
 * const session = await fc.callback(await op.authorize(url), { cookie: cookie.value })
 * await op.close()
 * ```
 */
export async function startMockFranceConnect(options: StartOpOptions): Promise<StartedOp> {
  const { Provider, interactionPolicy } = await loadOidcProvider()
  const setup = await resolveSetup(options)
  const { profile } = setup
  const serverErrors: unknown[] = []
  const { server, origin, use } = await startServer(options.port ?? 0, serverErrors)
  const site = siteOf(profile, origin)
  /** The level each grant's authorization request asked, for checktoken, by grant id. */
  const askedAcrs = new ExpiringMap<string>()
  const configuration = providerConfiguration(setup, site, interactionPolicy, askedAcrs)
  let provider: OidcProvider
  try {
    provider = new Provider(site.issuer, configuration)
  } catch (error) {
    server.close()
    throw error
  }
  provider.on('server_error', (_ctx: unknown, error: unknown) => serverErrors.push(error))
  // a listener on 'error' also keeps Koa from printing to the console
  provider.on('error', (error: unknown) => serverErrors.push(error))
  const { requests, count } = requestCounter()
  use(
    createRouter({
      setup,
      site,
      provider: provider.callback(),
      interactions: createInteractions(provider, setup, askedAcrs),
      checktoken: checktokenContextOf(provider, setup, site),
      count,
    }),
  )
  return startedOp(setup, site, { server, requests, serverErrors })
}
