/**
 * API Revenu de solidarité active, through API Particulier in FranceConnect mode. The data is CNAF's,
 * served on API Particulier's DSS route (its errors name CNAV, e.g. 404 `37003`); the connector and its
 * results name `DSS` as the provider, the route's owner.
 * Reference: the provider's published documentation. Verified against the published v3 schema. Not
 * verified: no fixture is published in the reference (the tests build one from the schema);
 * production's per-scope removal of fields (documented for CNOUS, assumed here, hence the
 * optional fields); the error code production sends for an expired FranceConnect token.
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { apiParticulierRoute, type ApiParticulierOptions } from '../shared/api-particulier.js'
import { chooseScopes } from '../shared/connector-options.js'
import { defineConnector } from '../shared/define-connector.js'
import { readOne } from '../shared/read-one.js'
import { normalizeRevenuSolidariteActive, type RevenuSolidariteActive } from './normalize.js'
import { revenuSolidariteActiveSchema } from './schema.js'
import { scopeNames } from './manifest.js'

export type { RevenuSolidariteActive } from './normalize.js'

/** The FranceConnect scopes of the RSA. */
export const revenuSolidariteActiveScopes = scopeNames

/** Options of {@link revenuSolidariteActive}. */
export type RevenuSolidariteActiveOptions = ApiParticulierOptions

/**
 * The connector of the API Revenu de solidarité active: whether the signed-in person receives the
 * RSA, since when, and whether it is majoré.
 *
 * @example
 * ```ts
 * import { revenuSolidariteActive } from 'franceconnect-sdk/apis/revenu-solidarite-active'
 *
 * const rsa = revenuSolidariteActive({ recipient: '13002526500013' })
 * const { data } = await fc.getData(rsa, session)
 * if (data.estBeneficiaire) applySocialRate()
 * ```
 */
export function revenuSolidariteActive(
  options: RevenuSolidariteActiveOptions,
): Connector<void, RevenuSolidariteActive, 'revenu-solidarite-active'> {
  const id = 'revenu-solidarite-active'
  const request = apiParticulierRoute(id, options, '/v3/dss/revenu_solidarite_active/france_connect')
  return defineConnector({
    id,
    provider: 'DSS',
    scopes: chooseScopes(id, revenuSolidariteActiveScopes, options.scopes),
    http: options,
    read: readOne(request, revenuSolidariteActiveSchema, normalizeRevenuSolidariteActive),
  })
}
export type { ApiParticulierOptions } from '../shared/api-particulier.js'
