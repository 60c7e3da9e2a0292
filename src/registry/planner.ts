/**
 * The scope planner: from the connectors an app uses to the minimal FranceConnect scope list, from
 * a scope to its French description, and from granted scopes back to the connectors that can be
 * called.
 *
 * @module
 */
import { type AnyConnector, missingScopes } from './connector.js'
import { dataScopes, type ConnectorId, type DataScope, type DataScopeProvider } from './data-scopes.js'
import { identityScopes, type IdentityScope } from './identity-scopes.js'

/**
 * The identity scopes asked by default besides `openid`: `identite_pivot` alone.
 *
 * Data providers find the person from the pivot identity FranceConnect hands them with the token
 * (FranceConnect's published documentation step 1 and takeaway 4; the DGFiP reconciles
 * from the INSEE-certified civil status). `identite_pivot` releases exactly those claims
 * (birth name, first names, sex, birth date, birthplace and birth country) in one scope, on
 * FranceConnect v2 and FranceConnect+, and is what the FranceConnect presets already ask. Nothing
 * more by default (data minimisation): `email` is not needed to reconcile, and `preferred_username`
 * (usage name), which API Particulier's staging README lists among "mandatory" scopes, is not part
 * of the pivot identity and FranceConnect v2 leaves it out of `identite_pivot`; an app whose
 * provider asks for it adds it through `options.identity`.
 */
export const defaultIdentityScopes: readonly string[] = ['identite_pivot']

/** Anything that names the data scopes it needs, such as a connector. */
export interface ScopedApi {
  readonly scopes: readonly string[]
}

/**
 * The minimal scope list for a set of connectors: `openid` first, then the identity scopes
 * (default {@link defaultIdentityScopes}), then each connector's data scopes in the order given,
 * every scope once and nothing else. This is the list the client sends when its identity scopes are
 * the same.
 *
 * @example
 * ```ts
 * import { scopesFor } from 'franceconnect-sdk'
 * import { franceTravailStatut } from 'franceconnect-sdk/apis/france-travail-statut'
 *
 * scopesFor([franceTravailStatut({ baseUrl })])
 * // ['openid', 'identite_pivot', 'api_fc-statutaugmentev1']
 * scopesFor([boursier], { identity: ['given_name', 'family_name', 'birthdate'] })
 * // ['openid', 'given_name', 'family_name', 'birthdate', 'cnous_statut_boursier', …]
 * ```
 */
export function scopesFor(apis: readonly ScopedApi[], options: { identity?: readonly string[] } = {}): string[] {
  const identity = options.identity ?? defaultIdentityScopes
  return [...new Set(['openid', ...identity, ...apis.flatMap((api) => api.scopes)])]
}

/** What {@link describeScope} says about a scope. */
export interface ScopeDescription {
  scope: string
  /** The French label. */
  label: string
  /** `identity`: releases identity claims; `data`: opens a data API. */
  kind: 'identity' | 'data'
  /** Data scopes: who serves the data. */
  provider?: DataScopeProvider
  /** Data scopes: the SDK connector that asks for it, when there is one. */
  api?: ConnectorId
  /** Identity scopes: the claims it releases. */
  claims?: readonly string[]
  /** Data scopes: the raw response fields it unlocks (empty when not known). */
  fields?: readonly string[]
  /** The platforms that offer it. */
  platforms: readonly ('franceconnect' | 'franceconnect-plus')[]
}

let index: Map<string, ScopeDescription> | undefined

function describeIdentity(entry: IdentityScope): ScopeDescription {
  return { scope: entry.scope, label: entry.label, kind: 'identity', claims: entry.claims, platforms: entry.platforms }
}

function describeData(entry: DataScope): ScopeDescription {
  return {
    scope: entry.scope,
    label: entry.label,
    kind: 'data',
    provider: entry.provider,
    ...(entry.api === undefined ? {} : { api: entry.api }),
    fields: entry.fields,
    platforms: entry.platforms,
  }
}

function scopeIndex(): Map<string, ScopeDescription> {
  index ??= new Map([
    ...identityScopes.map((entry) => [entry.scope, describeIdentity(entry)] as const),
    ...dataScopes.map((entry) => [entry.scope, describeData(entry)] as const),
  ])
  return index
}

/**
 * Describes a FranceConnect scope in French: an identity scope with the claims it releases, a data
 * scope with its provider, connector and fields; `undefined` for a scope the registry does not know.
 *
 * @example
 * ```ts
 * describeScope('cnous_echelon_bourse')
 * // { scope: 'cnous_echelon_bourse', label: 'Échelon de la bourse', kind: 'data', provider: 'CNOUS',
 * //   api: 'statut-etudiant-boursier', fields: ['echelon_bourse'], platforms: [...] }
 * describeScope('identite_pivot')?.claims // ['given_name', 'given_name_array', 'family_name', …]
 * describeScope('unknown') // undefined
 * ```
 */
export function describeScope(scope: string): ScopeDescription | undefined {
  const found = scopeIndex().get(scope)
  return found === undefined ? undefined : { ...found }
}

/**
 * The connectors, among those given, that can be called with the granted scopes: all of a
 * connector's `requiredScopes`, or at least one of its `scopes` when it names none required (the
 * rule `fc.getData` and `fc.getAllData` apply).
 *
 * @example
 * ```ts
 * const session = await fc.callback(callbackUrl, { cookie })
 * for (const api of apisForScopes(session.scopes, [boursier, statut])) console.log(api.id)
 * ```
 */
export function apisForScopes<C extends AnyConnector>(granted: readonly string[], apis: readonly C[]): C[] {
  return apis.filter((api) => missingScopes(api, granted).length === 0)
}
