import type { BoursierV3Payload, BoursierV4Payload } from './schema.js'

/** The student's grant status, as CNOUS gives it through API Particulier. Blocks whose scope was not granted are absent. */
export interface StatutEtudiantBoursier {
  /** Boursier at the time of the call (`est_boursier`; scope `cnous_statut_boursier`). */
  estBoursier?: boolean
  /** v4: struck off (`statut_boursier.est_radie`, or `est_radie` in the flat v4 shape). */
  estRadie?: boolean
  /** v4: date struck off, ISO date, or null (`statut_boursier.date_radiation`, or `date_radiation` flat). */
  dateRadiation?: string | null
  /** The échelon, `0bis` to `7`, and whether the regional grant is provisional (`echelon_bourse`). */
  echelon?: { valeur: '0bis' | '1' | '2' | '3' | '4' | '5' | '6' | '7'; bourseRegionaleProvisoire: boolean }
  /** When payments start and for how many months (`periode_versement_bourse`). */
  periodeVersement?: { dateRentree: string; dureeMois: number }
  /** Where the student studies (`etablissement_etudes`). */
  etablissement?: { nom: string; commune: string }
  /** The e-mail CNOUS knows, trimmed (`email`). */
  email?: string
}

/**
 * API Particulier v4 payload → {@link StatutEtudiantBoursier}, from the nested `statut_boursier` or
 * the flat shape (`est_boursier`, `est_radie`, `date_radiation` at `data` level); the schema has
 * checked that they agree when both are there.
 */
export function normalizeBoursierV4(raw: BoursierV4Payload): StatutEtudiantBoursier {
  const { data } = raw
  const status = data.statut_boursier
  const result = normalizeCommonBlocks(data)
  const estBoursier = status?.est_boursier ?? data.est_boursier
  const estRadie = status?.est_radie ?? data.est_radie
  const dateRadiation = status ? status.date_radiation : data.date_radiation
  if (estBoursier !== undefined) result.estBoursier = estBoursier
  if (estRadie !== undefined) result.estRadie = estRadie
  if (dateRadiation !== undefined) result.dateRadiation = dateRadiation
  return result
}

/** API Particulier v3 payload → {@link StatutEtudiantBoursier}. */
export function normalizeBoursierV3(raw: BoursierV3Payload): StatutEtudiantBoursier {
  const result = normalizeCommonBlocks(raw.data)
  if (raw.data.est_boursier !== undefined) result.estBoursier = raw.data.est_boursier
  return result
}

function normalizeCommonBlocks(data: BoursierV3Payload['data'] | BoursierV4Payload['data']): StatutEtudiantBoursier {
  const result: StatutEtudiantBoursier = {}
  if (data.echelon_bourse) {
    result.echelon = {
      valeur: data.echelon_bourse.echelon,
      bourseRegionaleProvisoire: data.echelon_bourse.echelon_bourse_regionale_provisoire,
    }
  }
  if (data.periode_versement_bourse) {
    result.periodeVersement = {
      dateRentree: data.periode_versement_bourse.date_rentree,
      dureeMois: data.periode_versement_bourse.duree,
    }
  }
  if (data.etablissement_etudes) {
    result.etablissement = {
      nom: data.etablissement_etudes.nom_etablissement,
      commune: data.etablissement_etudes.nom_commune,
    }
  }
  if (data.email !== undefined) result.email = data.email.trim()
  return result
}
