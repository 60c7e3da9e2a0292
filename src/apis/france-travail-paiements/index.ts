/**
 * API Liste des paiements ("indemnisation") of France Travail, served by France Travail itself
 * (not API Particulier). Reference: the provider's published documentation.
 *
 * Verified in the published documentation (api.gouv.fr guide, 2024, since withdrawn): the scope
 * `api_fc-liste-paiementsv1`, `GET …/partenaire/fc-liste-paiements/v1/` with the "jeton France
 * Connect" as `Authorization: Bearer`, the field names, the JSON content type, one example payment.
 *
 * Provisional (⚠️ unverified): the host (the documented `api.emploi-store.fr` is legacy, so
 * `baseUrl` is required); the exact path after `/v1/` (the connector calls `/v1/` as documented and
 * `path` replaces it); the cardinality of the fields; the unit and type of the amounts (documented
 * as integers, shown as decimals: read as numbers, euros presumed); the error catalogue of this
 * route (the partner platform's OAuth2 error page predates the FranceConnect APIs).
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { chooseScopes } from '../shared/connector-options.js'
import { defineConnector } from '../shared/define-connector.js'
import { franceTravailRoute, type FranceTravailOptions } from '../shared/france-travail.js'
import { readOne } from '../shared/read-one.js'
import { normalizePaiements, type FranceTravailPaiements } from './normalize.js'
import { paiementsSchema } from './schema.js'
import { scopeNames } from './manifest.js'

export type { FranceTravailPaiements, PaiementFranceTravail } from './normalize.js'
export type { FranceTravailOptions } from '../shared/france-travail.js'

/** The FranceConnect scope of the paiements API. */
export const franceTravailPaiementsScopes = scopeNames

/** The documented path, appended to `baseUrl` (⚠️ the sub-path after `/v1/` is unclear). */
export const franceTravailPaiementsPath = '/partenaire/fc-liste-paiements/v1/'

/** Options of {@link franceTravailPaiements}. */
export type FranceTravailPaiementsOptions = FranceTravailOptions

/**
 * The connector of France Travail's API Liste des paiements: the payments made to the signed-in job
 * seeker during the current registration period (date, amount, allowances, aids, other payments),
 * and whether the person is registered.
 *
 * @example
 * ```ts
 * import { franceTravailPaiements } from 'franceconnect-sdk/apis/france-travail-paiements'
 *
 * // The host is not verified: take it from your France Travail habilitation.
 * const paiements = franceTravailPaiements({ baseUrl: 'https://api.emploi-store.fr' })
 * // With the client: const { data } = await fc.getData(paiements, session)
 * const { data } = await paiements.read({ accessToken: session.accessToken })
 * const total = data.paiements.reduce((sum, p) => sum + (p.montant ?? 0), 0)
 * ```
 */
export function franceTravailPaiements(
  options: FranceTravailPaiementsOptions,
): Connector<void, FranceTravailPaiements, 'france-travail-paiements'> {
  const id = 'france-travail-paiements'
  const request = franceTravailRoute(id, options, franceTravailPaiementsPath)
  return defineConnector({
    id,
    provider: 'France Travail',
    scopes: chooseScopes(id, franceTravailPaiementsScopes, options.scopes),
    http: options,
    read: readOne(request, paiementsSchema, normalizePaiements),
  })
}
