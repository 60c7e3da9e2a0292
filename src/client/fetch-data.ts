import { SessionError } from '../errors/session-error.js'
import type { AnyConnector, ApiResult, Connector, ConnectorContext } from './connector.js'
import type { ClientContext } from './context.js'
import type { Session } from './types.js'

/** One entry of `fetchAll`: the API's result, or the error it failed with. */
export type SettledApiResult =
  | { api: string; status: 'fulfilled'; result: ApiResult<unknown> }
  | { api: string; status: 'rejected'; error: unknown }

/**
 * The scopes a connector needs that the session lacks: all of `requiredScopes`, or at least one of
 * `scopes` when the connector names no required ones.
 */
export function missingScopes(connector: AnyConnector, granted: readonly string[]): string[] {
  if (connector.requiredScopes) return connector.requiredScopes.filter((scope) => !granted.includes(scope))
  return connector.scopes.some((scope) => granted.includes(scope)) ? [] : [...connector.scopes]
}

/**
 * Calls one connector with the session's access token, after checking (before any request) that the
 * needed scopes were granted and that the token has not expired.
 */
export async function fetchData<P, D>(
  context: ClientContext,
  connector: Connector<P, D>,
  session: Session,
  params?: P,
  options: { signal?: AbortSignal } = {},
): Promise<ApiResult<D>> {
  const missing = missingScopes(connector as AnyConnector, session.scopes)
  if (missing.length > 0) {
    throw new SessionError('scope_missing', `The session lacks scopes that ${connector.id} needs`, missing)
  }
  if (session.expiresAt <= Math.floor(Date.now() / 1000)) {
    throw new SessionError('access_token_expired', 'The access token has expired: sign the user in again')
  }
  const connectorContext: ConnectorContext = {
    accessToken: session.accessToken,
    grantedScopes: session.scopes,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(context.options.fetch ? { fetch: context.options.fetch } : {}),
    ...(context.options.timeoutMs ? { timeoutMs: context.options.timeoutMs } : {}),
  }
  return connector.fetch(connectorContext, params)
}

/**
 * Calls, in parallel, every configured connector whose scopes the session was granted; one settled
 * entry per API, so that one failure never hides the others.
 */
export async function fetchAllData(
  context: ClientContext,
  session: Session,
  params: Record<string, unknown> = {},
  options: { signal?: AbortSignal } = {},
): Promise<SettledApiResult[]> {
  const callable = (context.options.apis ?? []).filter((connector) => missingScopes(connector, session.scopes).length === 0)
  return Promise.all(
    callable.map(async (connector): Promise<SettledApiResult> => {
      try {
        const result = await fetchData(context, connector, session, params[connector.id], options)
        return { api: connector.id, status: 'fulfilled', result }
      } catch (error) {
        return { api: connector.id, status: 'rejected', error }
      }
    }),
  )
}
