import type { ComplementaireSanteSolidairePayload } from './schema.js'

/** The person's right to the complémentaire santé solidaire (C2S), as the DSS route of API Particulier gives it. */
export interface ComplementaireSanteSolidaire {
  /** Holds the C2S at the time of the call (`est_beneficiaire`). */
  estBeneficiaire: boolean
  /**
   * `true`: C2S with a financial participation (the former ACS); `false`: C2S without participation;
   * `null` when the provider says neither, presumably for a non-beneficiary (⚠️ not documented)
   * (`avec_participation`).
   */
  avecParticipation: boolean | null
  /** First day of the current right, ISO date, or null (`date_debut_droit`). */
  dateDebutDroit: string | null
}

/** API Particulier v3 payload → {@link ComplementaireSanteSolidaire}. */
export function normalizeComplementaireSanteSolidaire(raw: ComplementaireSanteSolidairePayload): ComplementaireSanteSolidaire {
  return {
    estBeneficiaire: raw.data.est_beneficiaire,
    avecParticipation: raw.data.avec_participation,
    dateDebutDroit: raw.data.date_debut_droit,
  }
}
