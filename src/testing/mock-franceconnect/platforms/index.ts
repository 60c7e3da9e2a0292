/**
 * The platforms the mock FranceConnect can impersonate, one module each, as data: FranceConnect v2,
 * FranceConnect+, FranceConnect v1, ProConnect, and any OpenID Provider.
 */
import { dataScopes } from '../../../registry/data-scopes.js'
import type { OpVariant } from '../types.js'
import { FC_PLUS } from './fc-plus.js'
import { FC_V1 } from './fc-v1.js'
import { FC_V2 } from './fc-v2.js'
import { GENERIC } from './generic.js'
import { PROCONNECT } from './proconnect.js'
import type { VariantProfile } from './types.js'

export type { AcrRules, ClaimsConfig, Lifetimes, StrictAuthorize, VariantProfile } from './types.js'
export { FC_PLUS_ENCRYPTION_ALGS } from './fc-plus.js'
export { PROCONNECT_ACR_VALUES } from './proconnect.js'

const PROFILES: Record<OpVariant, VariantProfile> = {
  v2: FC_V2,
  fcplus: FC_PLUS,
  v1: FC_V1,
  proconnect: PROCONNECT,
  generic: GENERIC,
}

/**
 * A platform's configuration, a copy of its own: a running mock can never change another's.
 *
 * @example
 * ```ts
 * profileFor('fcplus').acr.allowed // ['eidas2', 'eidas3']
 * ```
 */
export function profileFor(variant: OpVariant): VariantProfile {
  return structuredClone(PROFILES[variant])
}

/**
 * Every data scope of the "API FranceConnectées" FranceConnect v2 enables (src/registry/data-scopes.ts):
 * they release no identity claim, they only appear in the granted `scope` (and in checktoken's).
 */
export const DEFAULT_DATA_SCOPES: readonly string[] = Object.freeze(dataScopes.map((entry) => entry.scope))

/**
 * The data scopes a platform offers: FranceConnect+ maps only the CNAM, CNOUS and DGFiP ones.
 *
 * @example
 * ```ts
 * dataScopesOf('proconnect') // []
 * ```
 */
export function dataScopesOf(variant: OpVariant): string[] {
  if (variant === 'fcplus')
    return dataScopes.filter((entry) => entry.platforms.includes('franceconnect-plus')).map((entry) => entry.scope)
  if (variant === 'v2' || variant === 'v1') return [...DEFAULT_DATA_SCOPES]
  return []
}
