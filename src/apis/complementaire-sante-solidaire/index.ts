/**
 * API Complémentaire santé solidaire (DSS), through API Particulier in FranceConnect mode.
 * Reference: the provider's published documentation. Verified against the published v3 schema and its
 * FranceConnect staging fixture. Not verified: the error code production sends for an expired or
 * invalid FranceConnect token (only "401" is documented); whether the legacy DataPass form
 * `api_prestations_sociales_fc` (scope `beneficiaire_css`) still leads anywhere (⚠️).
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { apiParticulierRoute, type ApiParticulierOptions } from '../shared/api-particulier.js'
import { chooseScopes } from '../shared/connector-options.js'
import { defineConnector } from '../shared/define-connector.js'
import { readOne } from '../shared/read-one.js'
import { normalizeComplementaireSanteSolidaire, type ComplementaireSanteSolidaire } from './normalize.js'
import { complementaireSanteSolidaireSchema } from './schema.js'
import { scopeNames } from './manifest.js'

export type { ComplementaireSanteSolidaire } from './normalize.js'

/** The FranceConnect scope of the C2S. */
export const complementaireSanteSolidaireScopes = scopeNames

/** Options of {@link complementaireSanteSolidaire}. */
export type ComplementaireSanteSolidaireOptions = ApiParticulierOptions

/**
 * The connector of the API Complémentaire santé solidaire: whether the signed-in person holds the
 * C2S, with or without a financial participation, and since when.
 *
 * @example
 * ```ts
 * import { complementaireSanteSolidaire } from 'franceconnect-sdk/apis/complementaire-sante-solidaire'
 *
 * const c2s = complementaireSanteSolidaire({ recipient: '13002526500013' })
 * const { data } = await fc.getData(c2s, session)
 * if (data.estBeneficiaire && data.avecParticipation === false) applyFreeRate()
 * ```
 */
export function complementaireSanteSolidaire(
  options: ComplementaireSanteSolidaireOptions,
): Connector<void, ComplementaireSanteSolidaire, 'complementaire-sante-solidaire'> {
  const id = 'complementaire-sante-solidaire'
  const request = apiParticulierRoute(id, options, '/v3/dss/complementaire_sante_solidaire/france_connect')
  return defineConnector({
    id,
    provider: 'DSS',
    scopes: chooseScopes(id, complementaireSanteSolidaireScopes, options.scopes),
    http: options,
    read: readOne(request, complementaireSanteSolidaireSchema, normalizeComplementaireSanteSolidaire),
  })
}
export type { ApiParticulierOptions } from '../shared/api-particulier.js'
