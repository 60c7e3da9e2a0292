/**
 * API Statut demandeur d'emploi ("statut augmenté") of France Travail, served by France Travail
 * itself (not API Particulier). Reference: the provider's published documentation.
 *
 * Verified in the published documentation (api.gouv.fr guide, 2024, since withdrawn): the scope
 * `api_fc-statutaugmentev1`, the method and path `GET …/partenaire/fc-statutaugmente/v1/statut`,
 * the `Authorization: Bearer` header, the field names and the cardinality of the contact and
 * address blocks, OAuth2 error bodies on the partner platform.
 *
 * Provisional (⚠️ unverified): the host (the documented `api.emploi-store.fr` is legacy and
 * may have moved to francetravail.io, so `baseUrl` is required); that the Bearer is the
 * FranceConnect access token (stated for the sibling paiements route only); the cardinality of
 * `etatCivil` and `situationInscription`; the codes of `civilite`, `sexe` and the category; the
 * error catalogue of this route (the error page predates the FranceConnect APIs). The published
 * example has placeholder values only.
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { chooseScopes } from '../shared/connector-options.js'
import { defineConnector } from '../shared/define-connector.js'
import { franceTravailRoute, type FranceTravailOptions } from '../shared/france-travail.js'
import { readOne } from '../shared/read-one.js'
import { normalizeStatut, type FranceTravailStatut } from './normalize.js'
import { statutSchema } from './schema.js'
import { scopeNames } from './manifest.js'

export type { FranceTravailStatut } from './normalize.js'
export type { FranceTravailOptions } from '../shared/france-travail.js'

/** The FranceConnect scope of the statut API: status, identity, contact and address. */
export const franceTravailStatutScopes = scopeNames

/** The documented path, appended to `baseUrl`. */
export const franceTravailStatutPath = '/partenaire/fc-statutaugmente/v1/statut'

/** Options of {@link franceTravailStatut}. */
export type FranceTravailStatutOptions = FranceTravailOptions

/**
 * The connector of France Travail's API Statut demandeur d'emploi: whether the signed-in person is
 * registered as a job seeker, in which category, since and until when, with the identity, contact
 * details and address France Travail holds.
 *
 * @example
 * ```ts
 * import { createClient, franceConnect } from 'franceconnect-sdk'
 * import { franceTravailStatut } from 'franceconnect-sdk/apis/france-travail-statut'
 *
 * // The host is not verified: take it from your France Travail habilitation.
 * const statut = franceTravailStatut({ baseUrl: 'https://api.emploi-store.fr' })
 * const fc = createClient({ provider: franceConnect({ env: 'sandbox' }), clientId, clientSecret, redirectUri, apis: [statut] })
 * // … after fc.callback():
 * const { data } = await fc.getData(statut, session)
 * if (data.inscrit) showJobSeekerRate(data.categorie?.code)
 * ```
 */
export function franceTravailStatut(
  options: FranceTravailStatutOptions,
): Connector<void, FranceTravailStatut, 'france-travail-statut'> {
  const id = 'france-travail-statut'
  const request = franceTravailRoute(id, options, franceTravailStatutPath)
  return defineConnector({
    id,
    provider: 'France Travail',
    scopes: chooseScopes(id, franceTravailStatutScopes, options.scopes),
    http: options,
    // not normalizeStatut itself: its second parameter is the clock
    read: readOne(request, statutSchema, (raw) => normalizeStatut(raw)),
  })
}
