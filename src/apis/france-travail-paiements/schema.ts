import * as v from 'valibot'
import { franceTravailDate } from '../shared/france-travail.js'
import { numeric } from '../shared/numeric.js'

const date = franceTravailDate
// Documented as "Integer", shown as decimals (1096.78) ⚠️: any finite number is accepted.
const amount = numeric()

/**
 * One payment of `listePaiement`. The guide gives each field
 * the cardinality (0,1): each may be absent or null; when present it has its documented type.
 */
const paiementSchema = v.looseObject({
  date_paiement: v.nullish(date),
  montant_paiement: v.nullish(amount),
  allocations: v.nullish(amount),
  aides: v.nullish(amount),
  autres_paiements: v.nullish(amount),
})

/**
 * `GET /partenaire/fc-liste-paiements/v1/`: the payments to
 * the signed-in job seeker for the current registration period.
 *
 * The documentation gives field names and types, each payment field (0,1), and an example that is
 * not valid JSON. The schema requires `statutInscription`; every payment field may be absent or null;
 * an absent or null `listePaiement` reads as no payment ⚠️. Amounts may come as decimal strings (read
 * as numbers, with a warning). Added fields are accepted; a field of another type is refused.
 */
export const paiementsSchema = v.looseObject({
  statutInscription: v.boolean(),
  listePaiement: v.nullish(v.array(paiementSchema)),
})

export type PaiementsPayload = v.InferOutput<typeof paiementsSchema>
