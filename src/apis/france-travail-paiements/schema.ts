import * as v from 'valibot'
import { franceTravailDatePattern } from '../shared/france-travail.js'

const date = v.pipe(v.string(), v.regex(franceTravailDatePattern, 'an ISO date or date-time'))
// Documented as "Integer", shown as decimals (1096.78) ⚠️: any finite number is accepted.
const amount = v.number('a number')

/** One payment of `listePaiement` (reference/franceconnect-apis.md §8.2). */
const paiementSchema = v.looseObject({
  date_paiement: date,
  montant_paiement: amount,
  allocations: amount,
  aides: amount,
  autres_paiements: amount,
})

/**
 * `GET /partenaire/fc-liste-paiements/v1/` (reference/franceconnect-apis.md §8.2): the payments to
 * the signed-in job seeker for the current registration period.
 *
 * The documentation gives field names and types, no cardinality, and an example that is not valid
 * JSON. The schema requires `statutInscription` and, in every payment, the five documented fields;
 * it tolerates an absent or null `listePaiement` (read as no payment) ⚠️. Added fields are accepted;
 * a field of another type is refused.
 */
export const paiementsSchema = v.looseObject({
  statutInscription: v.boolean(),
  listePaiement: v.nullish(v.array(paiementSchema)),
})

export type PaiementsPayload = v.InferOutput<typeof paiementsSchema>
