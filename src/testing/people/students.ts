/**
 * Students: Léa MARTIN (two admissions, one inscrite; not boursière: CNOUS answers 404) and Karim
 * BENALI (inscrit, boursier échelon 6).
 */
import type { JsonObject, SandboxIdentity } from '../types.js'
import type { Calendar } from './calendar.js'
import { boursier } from './records.js'

/** An admission in formation initiale for the whole school year. */
function initialAdmission(schoolYear: number, at: { inscrit: boolean; commune: string; uai: string; nom: string }): JsonObject {
  return {
    date_debut: `${schoolYear}-09-01`,
    date_fin: `${schoolYear + 1}-08-31`,
    est_inscrit: at.inscrit,
    regime_formation: { libelle: 'formation initiale', code: 'RF1' },
    code_cog_insee_commune: at.commune,
    etablissement_etudes: { uai: at.uai, nom: at.nom },
  }
}

/** Léa MARTIN: MESRI only. */
export function lea(calendar: Calendar): SandboxIdentity {
  const { schoolYear } = calendar
  return {
    id: 'lea-martin',
    description: 'Étudiante (deux admissions), non boursière',
    given_name: 'Léa',
    given_name_array: ['Léa'],
    family_name: 'MARTIN',
    gender: 'female',
    birthdate: '2004-11-05',
    birthplace: '33063',
    birthcountry: '99100',
    email: 'lea.martin@example.com',
    data: {
      'statut-etudiant': {
        admissions: [
          initialAdmission(schoolYear, {
            inscrit: true,
            commune: '33063',
            uai: '0339992B',
            nom: 'UNIVERSITE DU BAC A SABLE - BORDEAUX',
          }),
          initialAdmission(schoolYear, {
            inscrit: false,
            commune: '33522',
            uai: '0339993C',
            nom: 'ECOLE DU BAC A SABLE - TALENCE',
          }),
        ],
      },
    },
  }
}

/** Karim BENALI: MESRI and CNOUS. */
export function karim(calendar: Calendar): SandboxIdentity {
  const { schoolYear } = calendar
  return {
    id: 'karim-benali',
    description: 'Étudiant boursier (échelon 6)',
    given_name: 'Karim',
    given_name_array: ['Karim'],
    family_name: 'BENALI',
    gender: 'male',
    birthdate: '2003-04-18',
    birthplace: '59350',
    birthcountry: '99100',
    email: 'karim.benali@example.com',
    data: {
      'statut-etudiant': {
        admissions: [
          initialAdmission(schoolYear, {
            inscrit: true,
            commune: '59350',
            uai: '0599994D',
            nom: 'UNIVERSITE DU BAC A SABLE - LILLE',
          }),
        ],
      },
      'statut-etudiant-boursier': boursier(schoolYear, {
        echelon: '6',
        ville: 'Lille',
        etablissement: 'Université du bac à sable - Lille',
        email: 'karim.benali@example.com',
      }),
    },
  }
}
