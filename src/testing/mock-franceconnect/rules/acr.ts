/**
 * The eIDAS level rules. FranceConnect (core-fcp `oidc-acr`, `pickAcr`): the lowest known level asked
 * wins, an unknown one falls back to the platform's default, a known one the platform does not allow
 * is `invalid_acr`. ProConnect (proconnect-gouv/federation `back/libs/oidc-acr/src/oidc-acr.service.ts`
 * getInteractionAcr, `back/apps/core-fca-low/src/controllers/oidc-client.controller.ts`): a service
 * asks levels with `claims={"id_token":{"acr":{"essential":true,"values":[…]}}}` (or `value`); the
 * identity provider's level must be one of them, exactly (no "at least"), else the sign-in ends with
 * `access_denied`. An identity provider level ProConnect does not know counts as `eidas1`. Without
 * an essential request, any level goes.
 */
import { PROCONNECT_ACR_VALUES, type AcrRules } from '../platforms/index.js'

/** The values `acr_values` and `claims.id_token.acr` ask for. */
export function requestedAcrs(acrValues: string | undefined, claims: string | undefined): string[] {
  const out = acrValues ? acrValues.split(/ +/).filter(Boolean) : []
  if (claims) {
    try {
      const acr = (JSON.parse(claims) as { id_token?: { acr?: { value?: unknown; values?: unknown } } })?.id_token?.acr
      if (typeof acr?.value === 'string') out.push(acr.value)
      if (Array.isArray(acr?.values)) out.push(...acr.values.filter((v): v is string => typeof v === 'string'))
    } catch {
      // invalid JSON is reported elsewhere
    }
  }
  return out
}

/**
 * The acr an authorization request resolves to, or the invalid_acr error.
 * `requested` is the raw acr_values plus any claims.id_token.acr values.
 */
export function resolveAcr(
  rules: AcrRules,
  requested: string[],
): { acr: string | undefined } | { error: string; description: string } {
  const known = requested
    .filter((value) => rules.ranked.includes(value))
    .sort((a, b) => rules.ranked.indexOf(a) - rules.ranked.indexOf(b))
  if (rules.ranked.length === 0) {
    // generic: no acr policy, echo the first requested value if any
    return { acr: requested[0] }
  }
  const chosen = known[0] ?? rules.fallback
  if (chosen !== undefined && !rules.allowed.includes(chosen)) {
    return {
      error: 'invalid_acr',
      description: `acr_value is not valid, should be equal one of these values, expected ${rules.allowed.join(',')}, got ${chosen}`,
    }
  }
  return { acr: chosen }
}

/** The level the login page pre-selects for an authorization request, if it resolves to one. */
export function defaultAcrFor(rules: AcrRules, params: Record<string, string | undefined>): string | undefined {
  const resolved = resolveAcr(rules, requestedAcrs(params.acr_values, params.claims))
  return 'acr' in resolved ? resolved.acr : undefined
}

/** The essential levels a `claims` parameter asks for, or undefined when none is essential. */
export function essentialAcrValues(claims: string | undefined): string[] | undefined {
  if (!claims) return undefined
  let acr: { essential?: unknown; value?: unknown; values?: unknown } | undefined
  try {
    acr = (JSON.parse(claims) as { id_token?: { acr?: typeof acr } })?.id_token?.acr
  } catch {
    return undefined
  }
  if (acr?.essential !== true) return undefined
  if (typeof acr.value === 'string') return [acr.value]
  if (Array.isArray(acr.values)) return acr.values.filter((value): value is string => typeof value === 'string')
  return undefined
}

/**
 * The level a ProConnect sign-in finishes with, given the level the identity provider authenticated
 * at, or `undefined` when the service's essential levels do not hold it (then: `access_denied`).
 *
 * @example
 * ```ts
 * proConnectInteractionAcr('eidas2', '{"id_token":{"acr":{"essential":true,"values":["eidas1"]}}}') // undefined
 * proConnectInteractionAcr('eidas2', undefined) // 'eidas2'
 * ```
 */
export function proConnectInteractionAcr(idpAcr: string | undefined, claims: string | undefined): string | undefined {
  const known = (PROCONNECT_ACR_VALUES as readonly string[]).includes(idpAcr ?? '') ? (idpAcr as string) : 'eidas1'
  const essential = essentialAcrValues(claims)
  if (essential === undefined || essential.length === 0) return known
  return essential.includes(known) ? known : undefined
}
