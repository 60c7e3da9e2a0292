/** What a connector receives to make its call: the FranceConnect access token and the transport. */
export interface ConnectorContext {
  /** The access token of the FranceConnect session (it lives 60 s). */
  accessToken: string
  /** Abort the call when this signal fires. */
  signal?: AbortSignal | undefined
  /** A `fetch` implementation (proxies, tests). */
  fetch?: typeof fetch | undefined
  /** Per-request timeout in milliseconds (default 10 s). */
  timeoutMs?: number | undefined
  /** The scopes the session was granted (the client passes them); results name those they rest on. */
  grantedScopes?: readonly string[] | undefined
}

/**
 * The result of every data API, in one shape: which API, the normalised data, the scopes it rests on,
 * the raw payload as received, and when it was fetched.
 */
export interface ApiResult<T> {
  /** The connector's id, e.g. `impot-particulier`. */
  api: string
  /** Who serves the data, e.g. `DGFiP`. */
  provider: string
  /** Normalised: camelCase French domain names, ISO dates, numbers, string unions. */
  data: T
  /** The granted scopes this result depends on. */
  scopes: string[]
  /** The provider's payload as received. */
  raw: unknown
  /** ISO timestamp of the fetch. */
  fetchedAt: string
  /**
   * What the connector accepted while reading the answer although the spec says otherwise, e.g. a
   * number sent as a decimal string; absent when there was nothing to say. Never holds a value.
   */
  warnings?: string[] | undefined
}

/**
 * A data API connector: a plain object made by a factory (`statutEtudiantBoursier({ recipient })`).
 * Usable with the client (`fc.getData(connector, session, params)`) or alone
 * (`connector.read({ accessToken }, params)`). `Id` is its literal id, so that `getAllData` can type
 * each entry by the connectors the client was given.
 */
export interface Connector<Params = void, Data = unknown, Id extends string = string> {
  /** Stable id, also the subpath: `franceconnect-sdk/apis/<id>`. */
  readonly id: Id
  /** Who serves it: `DGFiP`, `CNAM`, `CNOUS`… */
  readonly provider: string
  /** The data scopes the connector asks for at sign-in. */
  readonly scopes: readonly string[]
  /**
   * Scopes without which a call cannot succeed; default: at least one of `scopes` must be granted.
   */
  readonly requiredScopes?: readonly string[] | undefined
  /** Reads the person's data from the API: its normalised result, or a typed error. */
  read(context: ConnectorContext, params?: Params): Promise<ApiResult<Data>>
}

/** Any connector, whatever its params and data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyConnector = Connector<any, any, string>

/** The params a connector takes. */
export type ParamsOf<C> = C extends Connector<infer P, unknown, string> ? P : never
/** The data a connector returns. */
export type DataOf<C> = C extends Connector<never, infer D, string> ? D : never

/**
 * The scopes a connector needs that a session lacks: all of `requiredScopes`, or at least one of
 * `scopes` when the connector names no required ones.
 *
 * @example
 * ```ts
 * missingScopes(statutEtudiant(options), session.scopes) // [] when the session may call it
 * ```
 */
export function missingScopes(connector: AnyConnector, granted: readonly string[]): string[] {
  if (connector.requiredScopes) return connector.requiredScopes.filter((scope) => !granted.includes(scope))
  return connector.scopes.some((scope) => granted.includes(scope)) ? [] : [...connector.scopes]
}
