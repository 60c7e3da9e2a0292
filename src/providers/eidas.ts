/** The eIDAS levels of assurance, in increasing order: `eidas1` < `eidas2` < `eidas3`. */
export const eidasLevels = ['eidas1', 'eidas2', 'eidas3'] as const

/** An eIDAS level of assurance as FranceConnect names it in `acr` and `acr_values`. */
export type EidasLevel = (typeof eidasLevels)[number]

/**
 * Compares two levels of an ordered list: negative when `a` is lower, 0 when equal, positive when
 * higher; `undefined` when either is not in the list.
 *
 * @example
 * ```ts
 * compareAcr('eidas3', 'eidas2') // 1
 * ```
 */
export function compareAcr(a: string, b: string, levels: readonly string[] = eidasLevels): number | undefined {
  const ia = levels.indexOf(a)
  const ib = levels.indexOf(b)
  return ia < 0 || ib < 0 ? undefined : ia - ib
}

/**
 * Whether `received` is at least `required` in the ordered list of levels.
 *
 * @example
 * ```ts
 * isAcrAtLeast('eidas1', 'eidas2') // false: a downgrade
 * ```
 */
export function isAcrAtLeast(received: string, required: string, levels: readonly string[] = eidasLevels): boolean {
  const order = compareAcr(received, required, levels)
  return order !== undefined && order >= 0
}

/** How a provider ranks its levels: what `acceptableAcrValues` reads of a preset's `acr`. */
export interface AcrRanking {
  /** The ranked levels, lowest first. */
  readonly levels: readonly string[]
  /** The levels that imply multi-factor authentication (ProConnect's `-mfa` levels, eidas2, eidas3). */
  readonly mfaLevels?: readonly string[] | undefined
}

/**
 * Every level that satisfies a minimum: the minimum itself and each level above it, keeping only
 * multi-factor ones when the minimum is multi-factor. A value outside the ranking (ProConnect's
 * certification-dirigeant) is satisfied by itself only. This is the list sent to a provider that
 * matches `claims.id_token.acr.values` exactly (ProConnect), and the list the returned `acr` is
 * checked against.
 *
 * @example
 * ```ts
 * acceptableAcrValues(proConnect({ env: 'production' }).acr!, 'eidas1-mfa') // ['eidas1-mfa', 'eidas2', 'eidas3']
 * acceptableAcrValues({ levels: eidasLevels }, 'eidas2') // ['eidas2', 'eidas3']
 * ```
 */
export function acceptableAcrValues(ranking: AcrRanking, minimum: string): string[] {
  const index = ranking.levels.indexOf(minimum)
  if (index < 0) return [minimum]
  const above = ranking.levels.slice(index)
  const mfa = ranking.mfaLevels
  return mfa?.includes(minimum) ? above.filter((level) => mfa.includes(level)) : above
}
