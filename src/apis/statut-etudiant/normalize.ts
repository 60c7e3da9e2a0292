import type { StatutEtudiantPayload } from './schema.js'

/** The codes of the régime de formation, RF1 to RF7. */
export type RegimeFormationCode = 'RF1' | 'RF2' | 'RF3' | 'RF4' | 'RF5' | 'RF6' | 'RF7'

/** One admission of the student in a higher-education institution. */
export interface Admission {
  /** First day of the period, ISO date (`date_debut`). */
  dateDebut: string
  /** Last day of the period, ISO date (`date_fin`). */
  dateFin: string
  /** `true` once the student is inscrit, `false` while only admis (`est_inscrit`; scope `mesri_admission_inscrit`). */
  estInscrit?: boolean
  /**
   * The régime de formation (`regime_formation`; scope `mesri_admission_regime_formation`): RF1 formation
   * initiale, RF2 formation initiale hors apprentissage, RF3 reprise d'études non financée, RF4
   * apprentissage, RF5 formation continue, RF6 formation continue hors contrat de professionnalisation,
   * RF7 contrat de professionnalisation; `libelle` as MESRI spells it.
   */
  regimeFormation?: { code: RegimeFormationCode; libelle: string }
  /** The COG INSEE code of the institution's commune (`code_cog_insee_commune`; scope `mesri_admission_commune_etudes`). */
  codeCommune?: string
  /** The institution: UAI code and name (`etablissement_etudes`; scope `mesri_admission_etablissement_etude`). */
  etablissement?: { uai: string; nom: string }
}

/** The student's status, as MESRI gives it through API Particulier. Parts whose scope was not granted are absent. */
export interface StatutEtudiant {
  /** The admissions and inscriptions, in the order MESRI sends them (`admissions`; scope `mesri_admissions`). */
  admissions?: Admission[]
}

/** API Particulier v3 payload → {@link StatutEtudiant}. */
export function normalizeStatutEtudiant(raw: StatutEtudiantPayload): StatutEtudiant {
  const result: StatutEtudiant = {}
  if (raw.data.admissions) {
    result.admissions = raw.data.admissions.map((item) => {
      const admission: Admission = { dateDebut: item.date_debut, dateFin: item.date_fin }
      if (item.est_inscrit !== undefined) admission.estInscrit = item.est_inscrit
      if (item.regime_formation) {
        admission.regimeFormation = { code: item.regime_formation.code, libelle: item.regime_formation.libelle }
      }
      if (item.code_cog_insee_commune !== undefined) admission.codeCommune = item.code_cog_insee_commune
      if (item.etablissement_etudes) {
        admission.etablissement = { uai: item.etablissement_etudes.uai, nom: item.etablissement_etudes.nom }
      }
      return admission
    })
  }
  return result
}
