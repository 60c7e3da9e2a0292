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
