import { calendarDay } from '../shared/france-travail.js'
import type { PaiementsPayload } from './schema.js'

/**
 * One payment made by France Travail. Amounts are numbers, in euros as presumed: the unit is not
 * stated, and the fields documented as integers carry decimals (⚠️). The guide marks every
 * field (0,1): a field France Travail left out (or sent as null) is absent.
 */
export interface PaiementFranceTravail {
  /** Day of the payment, ISO date, as France Travail wrote it (`listePaiement[].date_paiement`). */
  date?: string
  /** Amount paid (`listePaiement[].montant_paiement`). */
  montant?: number
  /** Of which allowances (`listePaiement[].allocations`). */
  allocations?: number
  /** Of which aids (`listePaiement[].aides`). */
  aides?: number
  /** Of which other payments (`listePaiement[].autres_paiements`). */
  autresPaiements?: number
}

/** The payments France Travail made to the signed-in job seeker (scope `api_fc-liste-paiementsv1`). */
export interface FranceTravailPaiements {
  /** Registered as a job seeker (`statutInscription`). */
  inscrit: boolean
  /**
   * The payments of the current registration period, in the order France Travail sent them
   * (`listePaiement`); empty when it sent none.
   */
  paiements: PaiementFranceTravail[]
}

/**
 * France Travail `liste-paiements` payload → {@link FranceTravailPaiements}.
 *
 * @example
 * ```ts
 * const data = normalizePaiements(parsePayload('france-travail-paiements', paiementsSchema, body))
 * ```
 */
export function normalizePaiements(raw: PaiementsPayload): FranceTravailPaiements {
  return {
    inscrit: raw.statutInscription,
    paiements: (raw.listePaiement ?? []).map((item) => {
      const paiement: PaiementFranceTravail = {}
      if (item.date_paiement != null) paiement.date = calendarDay(item.date_paiement)
      if (item.montant_paiement != null) paiement.montant = item.montant_paiement
      if (item.allocations != null) paiement.allocations = item.allocations
      if (item.aides != null) paiement.aides = item.aides
      if (item.autres_paiements != null) paiement.autresPaiements = item.autres_paiements
      return paiement
    }),
  }
}
