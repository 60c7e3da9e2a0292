import type { RevenuSolidariteActivePayload } from './schema.js'

/**
 * The person's right to the revenu de solidarité active (RSA), as CNAF gives it through the DSS route
 * of API Particulier. Parts whose scope was not granted are absent.
 */
export interface RevenuSolidariteActive {
  /** Receives the RSA at the time of the call (`est_beneficiaire`; scope `revenu_solidarite_active`). */
  estBeneficiaire?: boolean
  /**
   * The RSA is majoré (majoration pour parent isolé), or not; `null` when the provider says neither
   * (`avec_majoration`; scope `revenu_solidarite_active_majoration`).
   */
  avecMajoration?: boolean | null
  /** First day of the current right, ISO date, or null (`date_debut_droit`; scope `revenu_solidarite_active`). */
  dateDebutDroit?: string | null
  /**
   * Last day of the current right, ISO date, or null (`date_fin_droit`: sent by the provider though
   * the spec does not list it ⚠️; absent when not sent).
   */
  dateFinDroit?: string | null
}

/** API Particulier v3 payload → {@link RevenuSolidariteActive}. */
export function normalizeRevenuSolidariteActive(raw: RevenuSolidariteActivePayload): RevenuSolidariteActive {
  const result: RevenuSolidariteActive = {}
  if (raw.data.est_beneficiaire !== undefined) result.estBeneficiaire = raw.data.est_beneficiaire
  if (raw.data.avec_majoration !== undefined) result.avecMajoration = raw.data.avec_majoration
  if (raw.data.date_debut_droit !== undefined) result.dateDebutDroit = raw.data.date_debut_droit
  if (raw.data.date_fin_droit !== undefined) result.dateFinDroit = raw.data.date_fin_droit
  return result
}
