/**
 * API Statut étudiant (MESRI), through API Particulier in FranceConnect mode.
 * Reference: the provider's published documentation. Verified against the published v3 spec and its
 * staging fixture. Not verified: production's per-scope removal of fields (documented for CNOUS in
 * API Particulier's documentation, and assumed here, hence the optional parts); the exact spelling
 * of the régime labels; the spelling of the institution scope, `mesri_admission_etablissement_etude`
 * in FranceConnect's registry (the one requested here) against `mesri_admission_etablissement_etudes`
 * at API Particulier and DataPass (⚠️).
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { apiParticulierRoute, type ApiParticulierOptions } from '../shared/api-particulier.js'
import { chooseScopes } from '../shared/connector-options.js'
import { defineConnector } from '../shared/define-connector.js'
import { readOne } from '../shared/read-one.js'
import { normalizeStatutEtudiant, type StatutEtudiant } from './normalize.js'
import { statutEtudiantSchema } from './schema.js'
import { scopeNames } from './manifest.js'

export type { Admission, RegimeFormationCode, StatutEtudiant } from './normalize.js'

/**
 * The FranceConnect scopes of MESRI, spelled as FranceConnect's registry spells them.
 * ⚠️ API Particulier and DataPass write the last one `mesri_admission_etablissement_etudes`.
 */
export const statutEtudiantScopes = scopeNames

/** Options of {@link statutEtudiant}. */
export type StatutEtudiantOptions = ApiParticulierOptions

/**
 * The connector of the API Statut étudiant: the signed-in person's admissions and inscriptions in
 * higher education, with their dates, régime de formation, commune and institution.
 *
 * @example
 * ```ts
 * import { statutEtudiant } from 'franceconnect-sdk/apis/statut-etudiant'
 *
 * const etudiant = statutEtudiant({ recipient: '13002526500013' })
 * const { data } = await fc.getData(etudiant, session)
 * const inscrit = data.admissions?.some((admission) => admission.estInscrit) ?? false
 * ```
 */
export function statutEtudiant(options: StatutEtudiantOptions): Connector<void, StatutEtudiant, 'statut-etudiant'> {
  const id = 'statut-etudiant'
  const request = apiParticulierRoute(id, options, '/v3/mesri/statut_etudiant/france_connect')
  return defineConnector({
    id,
    provider: 'MESRI',
    scopes: chooseScopes(id, statutEtudiantScopes, options.scopes),
    http: options,
    read: readOne(request, statutEtudiantSchema, normalizeStatutEtudiant),
  })
}
export type { ApiParticulierOptions } from '../shared/api-particulier.js'
