import { paiementFields, readPath, type IndemnitesJournalieresMapping } from './schema.js'

/**
 * One payment of indemnités journalières. ⚠️ Provisional: the source fields are those of the
 * connector's `mapping` (defaults in parentheses), not of a published spec. Amounts are numbers in
 * euros (⚠️ presumed).
 */
export interface PaiementIndemnitesJournalieres {
  /** First day indemnified, ISO date (`date_debut`). */
  dateDebut: string
  /** Last day indemnified, ISO date (`date_fin`). */
  dateFin: string
  /** Daily amount, euros ⚠️ (`montant_journalier`). */
  montantJournalier: number
  /** Number of days paid (`nombre_jours`). */
  nombreJours: number
  /** CSG deducted, euros ⚠️ (`montant_csg`). */
  csg: number
  /** CRDS deducted, euros ⚠️ (`montant_crds`). */
  crds: number
  /** Gross amount, euros ⚠️, when sent (`montant_brut`). */
  montantBrut?: number
  /** Net amount paid, euros ⚠️, when sent (`montant_net`). */
  montantNet?: number
  /** Payment date, ISO date, when sent (`date_paiement`). */
  datePaiement?: string
}

/** The daily allowances the CNAM paid the signed-in person. */
export interface IndemnitesJournalieres {
  /** The payments, in the CNAM's order. */
  paiements: PaiementIndemnitesJournalieres[]
}

/** A validated answer → {@link IndemnitesJournalieres}, reading each datum where the mapping says. */
export function normalizeIndemnitesJournalieres(raw: unknown, mapping: IndemnitesJournalieresMapping): IndemnitesJournalieres {
  const list = (mapping.paiements === null ? raw : readPath(raw, mapping.paiements)) as unknown[]
  return {
    paiements: list.map((item) => {
      const paiement: Record<string, unknown> = {}
      for (const field of paiementFields) {
        const value = readPath(item, mapping[field])
        if (value !== null && value !== undefined) paiement[field] = value
      }
      return paiement as unknown as PaiementIndemnitesJournalieres
    }),
  }
}
