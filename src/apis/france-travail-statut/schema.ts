import * as v from 'valibot'
import { franceTravailDate } from '../shared/france-travail.js'

// France Travail types these fields as dates and shows ISO date-times with an offset.
const date = franceTravailDate
// A field the documentation marks 0..1: absent, null, or a string.
const optionalString = v.nullish(v.string())
// An end date that may not apply: absent, null, or (tolerated, ⚠️ unobserved) an empty string.
const optionalDate = v.nullish(v.union([v.literal(''), date], 'an ISO date or date-time, or ""'))

/**
 * `GET /partenaire/fc-statutaugmente/v1/statut`.
 *
 * The published example only shows placeholders ("string"). Where the documentation gives a
 * cardinality it is followed: `modalitesContact` and its fields 0..1; the address lines 0..1 except
 * `ligneNom`, `codePostal`, `localite`, `inseecommune`. It gives none for `etatCivil` and
 * `situationInscription`: the schema requires what every registered person has and tolerates an
 * absent or null value for what may not apply (a usage name, a CNAV certification code, an end of
 * registration, a category label, and the whole registration block for someone never registered) ⚠️.
 * Added fields are accepted; a field of another type is refused.
 */
export const statutSchema = v.looseObject({
  etatCivil: v.looseObject({
    civilite: v.string(),
    nom: v.string(),
    nomUsage: optionalString,
    prenom: v.string(),
    sexe: v.string(),
    dateNaissance: date,
    codeCertificationCNAV: optionalString,
  }),
  modalitesContact: v.nullish(
    v.looseObject({
      telephone: optionalString,
      telephone2: optionalString,
      email: optionalString,
      codeValiditeEmail: optionalString,
    }),
  ),
  adresse: v.looseObject({
    ligneNom: v.string(),
    ligneComplementDestinataire: optionalString,
    ligneComplementAdresse: optionalString,
    ligneVoie: optionalString,
    ligneComplementDistribution: optionalString,
    codePostal: v.string(),
    localite: v.string(),
    inseecommune: v.string(),
  }),
  situationInscription: v.nullish(
    v.looseObject({
      dateInscription: date,
      dateCessationInscription: optionalDate,
      categorieInscription: v.string(),
      libellecategorieInscription: optionalString,
    }),
  ),
})

export type StatutPayload = v.InferOutput<typeof statutSchema>
