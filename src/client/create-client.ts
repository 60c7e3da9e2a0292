import type { JWK } from 'jose'
import type { FranceConnectEventName } from '../observability/observe.js'
import { authorize } from './authorize.js'
import type { AnyConnector, ApiResult, Connector } from '../registry/connector.js'
import { type ClientContext, createClientContext } from './context.js'
import { type AllDataParams, getAllData, getData, type SettledApiResult } from './get-data.js'
import { logout, logoutCallback } from './logout.js'
import type {
  AuthorizeOptions,
  AuthorizeResult,
  CallbackInput,
  CallbackOptions,
  ClientOptions,
  LogoutOptions,
  LogoutResult,
  AnyClaims,
  ClaimsOf,
  Session,
} from './types.js'
import type { Provider } from '../providers/provider.js'
import { loadProtocol } from './load-protocol.js'

/**
 * A relying party bound to one provider and one client registration; `Claims` are the identity
 * claims its sessions carry (by preset, see `ClaimsOf`), `Apis` the connectors it was given.
 */
export interface Client<Claims extends { sub: string } = AnyClaims, Apis extends AnyConnector = AnyConnector> {
  /** Starts a sign-in: redirect the browser to `url`. */
  authorize(options?: AuthorizeOptions): Promise<AuthorizeResult>
  /** Completes a sign-in from the callback URL: every check done, a verified session returned. */
  callback(input: CallbackInput, options?: CallbackOptions): Promise<Session<Claims>>
  /** Starts a logout at the provider: redirect the browser to `url`. */
  logout(sessionOrIdToken: Session | string, options?: LogoutOptions): Promise<LogoutResult>
  /** Checks the return from the provider's logout (its state, single use). */
  logoutCallback(input: CallbackInput, options?: CallbackOptions): Promise<{ state: string }>
  /** Renews the access token with the session's refresh token (ProConnect, generic providers). */
  refresh(session: Session<Claims>, options?: { signal?: AbortSignal }): Promise<Session<Claims>>
  /** Revokes the session's access token at the provider. */
  revoke(sessionOrAccessToken: Session | string, options?: { signal?: AbortSignal }): Promise<void>
  /** The public encryption keys to serve at the `jwks_uri` registered with FranceConnect+. */
  jwks(): { keys: JWK[] }
  /** Reads one data API with the session, through its connector. */
  getData<P, D>(
    connector: Connector<P, D, string>,
    session: Session,
    params?: P,
    options?: { signal?: AbortSignal },
  ): Promise<ApiResult<D>>
  /**
   * Reads, in parallel, every configured API the session has scopes for; one entry per API, typed by
   * its connector. `params` holds each connector's params under its id.
   */
  getAllData(
    session: Session,
    params?: AllDataParams<Apis>,
    options?: { signal?: AbortSignal },
  ): Promise<SettledApiResult<Apis>[]>
}

/**
 * Creates a relying party for FranceConnect, FranceConnect+, ProConnect or any OpenID Connect
 * provider. Options are checked at once; the provider is contacted on first use.
 *
 * @example
 * ```ts
 * import { createClient, franceConnect } from 'franceconnect-sdk'
 *
 * const fc = createClient({
 *   provider: franceConnect({ env: 'sandbox' }),
 *   clientId: process.env.FC_CLIENT_ID!,
 *   clientSecret: process.env.FC_CLIENT_SECRET!,
 *   redirectUri: 'https://demarche.example.fr/callback',
 *   postLogoutRedirectUri: 'https://demarche.example.fr/logged-out',
 * })
 * const { url } = await fc.authorize()          // redirect the browser there
 * const session = await fc.callback(callbackUrl) // session.claims.given_name…
 * ```
 */
export function createClient<P extends Provider, const A extends readonly AnyConnector[] = readonly AnyConnector[]>(
  options: ClientOptions & { provider: P; apis?: A | undefined },
): Client<ClaimsOf<P>, A[number]> {
  const context = createClientContext(options)
  // An operation of the client, reported (event, log line, span) under `name`.
  const observed =
    <A extends unknown[], R>(name: FranceConnectEventName, operation: (context: ClientContext, ...args: A) => Promise<R>) =>
    (...args: A) =>
      context.observe(name, () => operation(context, ...args))
  const client: Client = {
    authorize: observed('franceconnect.authorize', authorize),
    callback: observed('franceconnect.callback', async (...args) => (await loadProtocol()).callback(...args)),
    logout: observed('franceconnect.logout', logout),
    logoutCallback: observed('franceconnect.logout_callback', logoutCallback),
    refresh: observed('franceconnect.refresh', async (...args) => (await loadProtocol()).refresh(...args)),
    revoke: async (sessionOrToken, revokeOptions) => (await loadProtocol()).revoke(context, sessionOrToken, revokeOptions),
    jwks: () => context.decryptionKeys?.publicJwks() ?? { keys: [] },
    getData: (connector, session, params, dataOptions) => getData(context, connector, session, params, dataOptions),
    getAllData: (session, params, dataOptions) => getAllData(context, session, params, dataOptions),
  }
  // callback() and refresh() validate the claims with the preset's schema (claimsSchemas[provider.claims]),
  // so the sessions they return carry the claims of that family.
  return client as Client<ClaimsOf<P>, A[number]>
}
