/**
 * Students: Léa MARTIN (two admissions, one inscrite; not boursière: CNOUS answers 404) and Karim
 * BENALI (inscrit, boursier échelon 6).
 */
import type { SandboxIdentity } from '../types.js'
import type { Calendar } from './calendar.js'

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
          {
            date_debut: `${schoolYear}-09-01`,
            date_fin: `${schoolYear + 1}-08-31`,
            est_inscrit: true,
            regime_formation: { libelle: 'formation initiale', code: 'RF1' },
            code_cog_insee_commune: '33063',
            etablissement_etudes: { uai: '0339992B', nom: 'UNIVERSITE DU BAC A SABLE - BORDEAUX' },
          },
          {
            date_debut: `${schoolYear}-09-01`,
            date_fin: `${schoolYear + 1}-08-31`,
            est_inscrit: false,
            regime_formation: { libelle: 'formation initiale', code: 'RF1' },
            code_cog_insee_commune: '33522',
            etablissement_etudes: { uai: '0339993C', nom: 'ECOLE DU BAC A SABLE - TALENCE' },
          },
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
          {
            date_debut: `${schoolYear}-09-01`,
            date_fin: `${schoolYear + 1}-08-31`,
            est_inscrit: true,
            regime_formation: { libelle: 'formation initiale', code: 'RF1' },
            code_cog_insee_commune: '59350',
            etablissement_etudes: { uai: '0599994D', nom: 'UNIVERSITE DU BAC A SABLE - LILLE' },
          },
        ],
      },
      'statut-etudiant-boursier': {
        statut_boursier: { est_boursier: true, est_radie: false, date_radiation: null },
        periode_versement_bourse: { date_rentree: `${schoolYear}-09-01`, duree: 10 },
        etablissement_etudes: { nom_commune: 'Lille', nom_etablissement: 'Université du bac à sable - Lille' },
        echelon_bourse: { echelon: '6', echelon_bourse_regionale_provisoire: false },
        email: 'karim.benali@example.com',
      },
    },
  }
}
