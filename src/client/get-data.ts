import { SessionError } from '../errors/session-error.js'
import { redactUrl } from '../http/redact.js'
import {
  type AnyConnector,
  type ApiResult,
  type Connector,
  type ConnectorContext,
  type DataOf,
  type ParamsOf,
  missingScopes,
} from '../registry/connector.js'
import type { ClientContext } from './context.js'
import type { Session } from './types.js'

/**
 * One entry of `getAllData`: the API's result, or the error it failed with. Typed by connector: on a
 * client given `[statutEtudiant(…)]`, `entry.api === 'statut-etudiant' && entry.status === 'fulfilled'`
 * narrows `entry.result.data` to `StatutEtudiant`.
 */
export type SettledApiResult<C extends AnyConnector = AnyConnector> = C extends AnyConnector
  ?
      | { api: C['id']; status: 'fulfilled'; result: ApiResult<string extends C['id'] ? unknown : DataOf<C>> }
      | { api: C['id']; status: 'rejected'; error: unknown }
  : never

/** The params of `getAllData`: each connector's own params, under its id. */
export type AllDataParams<C extends AnyConnector = AnyConnector> = {
  [K in C as K['id']]?: string extends K['id'] ? unknown : ParamsOf<K>
}

/**
 * Calls one connector with the session's access token, after checking (before any request) that the
 * needed scopes were granted and that the token has not expired; reported as `franceconnect.data`
 * (with the status and redacted URL of the connector's last request).
 */
export function getData<P, D>(
  context: ClientContext,
  connector: Connector<P, D>,
  session: Session,
  params?: P,
  options: { signal?: AbortSignal } = {},
): Promise<ApiResult<D>> {
  return context.observe(
    'franceconnect.data',
    async (observation) => {
      const missing = missingScopes(connector as AnyConnector, session.scopes)
      if (missing.length > 0) {
        throw new SessionError('scope_missing', `The session lacks scopes that ${connector.id} needs`, missing)
      }
      if (session.expiresAt <= Math.floor(Date.now() / 1000)) {
        throw new SessionError('access_token_expired', 'The access token has expired: sign the user in again')
      }
      const appFetch = context.options.fetch
      const connectorContext: ConnectorContext = {
        accessToken: session.accessToken,
        grantedScopes: session.scopes,
        signal: options.signal,
        // The app's fetch (or the global one, looked up at each call), seen by the observation.
        fetch: async (input, init) => {
          if (!observation.unread) observation.url = redactUrl(input instanceof Request ? input.url : String(input))
          const response = await (appFetch ?? fetch)(input, init)
          observation.status = response.status
          return response
        },
        ...(context.options.timeoutMs ? { timeoutMs: context.options.timeoutMs } : {}),
      }
      return connector.read(connectorContext, params)
    },
    connector.id,
  )
}

/**
 * Calls, in parallel, every configured connector whose scopes the session was granted; one settled
 * entry per API, so that one failure never hides the others. Reported as `franceconnect.all_data`,
 * each call within as `franceconnect.data`.
 */
export async function getAllData(
  context: ClientContext,
  session: Session,
  params: AllDataParams = {},
  options: { signal?: AbortSignal } = {},
): Promise<SettledApiResult[]> {
  const callable = (context.options.apis ?? []).filter((connector) => missingScopes(connector, session.scopes).length === 0)
  return context.observe('franceconnect.all_data', () =>
    Promise.all(
      callable.map(async (connector): Promise<SettledApiResult> => {
        try {
          const result = await getData(context, connector, session, params[connector.id], options)
          return { api: connector.id, status: 'fulfilled', result }
        } catch (error) {
          return { api: connector.id, status: 'rejected', error }
        }
      }),
    ),
  )
}
