/**
 * What the examples and the CLI say about each data API: a French title for people, and the five
 * "seed" APIs the examples ask for by default.
 */
import type { ConnectorId } from '../../src/index.js'

/** The title of each API, in French, as a page or a terminal shows it above the API's data. */
export const apiTitles: Record<ConnectorId, string> = {
  'impot-particulier': 'Impôt particulier — situation fiscale',
  'droits-assurance-maladie': 'Droits à l’Assurance Maladie',
  'indemnites-journalieres': 'Indemnités journalières',
  'statut-etudiant': 'Statut étudiant',
  'statut-etudiant-boursier': 'Statut étudiant boursier',
  'complementaire-sante-solidaire': 'Complémentaire santé solidaire',
  'revenu-solidarite-active': 'Revenu de solidarité active',
  'quotient-familial': 'Quotient familial',
  'france-travail-statut': 'Statut demandeur d’emploi',
  'france-travail-paiements': 'Paiements France Travail',
}

/** The title of an API, or its id when it has none. */
export function apiTitle(api: string): string {
  return (apiTitles as Record<string, string>)[api] ?? api
}

/** The five APIs the examples configure unless told otherwise (the first connectors of the SDK). */
export const seedApis = [
  'impot-particulier',
  'droits-assurance-maladie',
  'indemnites-journalieres',
  'statut-etudiant',
  'statut-etudiant-boursier',
] as const satisfies readonly ConnectorId[]

/** French labels of the identity claims, for people; the claim names are shown beside them. */
export const claimLabels: Record<string, string> = {
  given_name: 'Prénoms',
  given_name_array: 'Prénoms (liste)',
  family_name: 'Nom de naissance',
  preferred_username: 'Nom d’usage',
  gender: 'Sexe',
  birthdate: 'Date de naissance',
  birthplace: 'Commune de naissance (code INSEE)',
  birthcountry: 'Pays de naissance (code INSEE)',
  email: 'Adresse électronique',
  sub: 'Identifiant pour ce service (sub)',
  acr: 'Niveau de garantie eIDAS',
}
