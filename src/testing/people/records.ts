/** Records several people share the shape of: health insurance contracts, funds, quotient familial, France Travail payments. */
import type { JsonObject } from '../types.js'
import { type Calendar, monthFrom, parisDateTime } from './calendar.js'

/** The basic health insurance contract, since `since`, rights for the current year. */
export function droitsDeBase(since: string, calendar: Calendar): JsonObject {
  return {
    date_debut: since,
    date_fin: null,
    details: { code_type_contrat: 'BASE', libelle_type_contrat: 'Régime de base' },
    nature_assurance: 'AMO',
    periodes_droits: [{ date_debut: `${calendar.year}-01-01`, date_fin: `${calendar.year}-12-31` }],
  }
}

/** A Complémentaire santé solidaire contract from `since` to the end of next March. */
export function c2s(since: string, calendar: Calendar): JsonObject {
  return {
    date_debut: since,
    date_fin: `${calendar.year + 1}-03-31`,
    details: { code_type_contrat: 'C2S', libelle_type_contrat: 'Complémentaire santé solidaire' },
    nature_assurance: 'AMC',
    periodes_droits: [{ date_debut: since, date_fin: `${calendar.year + 1}-03-31` }],
  }
}

/** A CPAM: its code (grand régime + centre), name and address. */
export function caisse(
  id: string,
  libelle: string,
  voie: { numero: string; type: string; nom: string },
  codePostal: string,
  commune: string,
): JsonObject {
  return {
    id,
    codeCentre: id.slice(2),
    grandRegime: id.slice(0, 2),
    libelle,
    organisme: 'CPAM',
    adresse: {
      destinataire: libelle,
      point_remise: null,
      complement_adresse: null,
      numero_voie: voie.numero,
      indice_repetition: null,
      type_voie: voie.type,
      nom_voie: voie.nom,
      mention_distribution: null,
      code_postal: codePostal,
      commune,
    },
  }
}

/** The quotient familial of the current month. */
export function quotient(calendar: Calendar, fournisseur: 'CNAF' | 'MSA', valeur: number): JsonObject {
  return {
    fournisseur,
    valeur,
    annee: calendar.year,
    mois: calendar.month,
    annee_calcul: calendar.year,
    mois_calcul: calendar.month,
  }
}

/** France Travail's monthly payments up to last month, the last one with 50 of aids. */
export function ftPaiements(calendar: Calendar, amounts: number[]): JsonObject[] {
  return amounts.map((montant, index) => {
    const { ym } = monthFrom(calendar, index - amounts.length)
    const aides = index === amounts.length - 1 ? 50 : 0
    return {
      date_paiement: parisDateTime(`${ym}-03`, '04:00:00'),
      montant_paiement: Math.round((montant + aides) * 100) / 100,
      allocations: montant,
      aides,
      autres_paiements: 0,
    }
  })
}

/** A CNOUS grant holder for the school year (ten months from September), not struck off. */
export function boursier(
  schoolYear: number,
  grant: { echelon: string; ville: string; etablissement: string; email: string },
): JsonObject {
  return {
    statut_boursier: { est_boursier: true, est_radie: false, date_radiation: null },
    periode_versement_bourse: { date_rentree: `${schoolYear}-09-01`, duree: 10 },
    etablissement_etudes: { nom_commune: grant.ville, nom_etablissement: grant.etablissement },
    echelon_bourse: { echelon: grant.echelon, echelon_bourse_regionale_provisoire: false },
    email: grant.email,
  }
}
