/**
 * ProConnect's level rule (core-fca-low): a service asks levels with `claims={"id_token":{"acr":
 * {"essential":true,"values":[…]}}}` (or `value`); the identity provider's level must be one of them,
 * exactly (no "at least"), else the sign-in ends with `access_denied`. An identity provider level
 * ProConnect does not know counts as `eidas1`. Without an essential request, any level goes.
 * Source: proconnect-gouv/federation `back/libs/oidc-acr/src/oidc-acr.service.ts` (getInteractionAcr)
 * and `back/apps/core-fca-low/src/controllers/oidc-client.controller.ts`.
 */
import { PROCONNECT_ACR_VALUES } from './profiles.js'

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
