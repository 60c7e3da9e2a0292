/**
 * API Statut étudiant boursier (CNOUS), through API Particulier in FranceConnect mode.
 * Reference: the provider's published documentation. Verified against the published v3/v4 spec and
 * staging fixtures; production's per-scope filtering of blocks is documented, not observed.
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { apiParticulierRoute, type ApiParticulierOptions } from '../shared/api-particulier.js'
import { chooseScopes } from '../shared/connector-options.js'
import { defineConnector } from '../shared/define-connector.js'
import { readOne } from '../shared/read-one.js'
import { normalizeBoursierV3, normalizeBoursierV4, type StatutEtudiantBoursier } from './normalize.js'
import { boursierV3Schema, boursierV4Schema } from './schema.js'
import { scopeNames } from './manifest.js'

export type { StatutEtudiantBoursier } from './normalize.js'

/** The FranceConnect scopes of CNOUS. */
export const statutEtudiantBoursierScopes = scopeNames

/** Options of {@link statutEtudiantBoursier}. */
export interface StatutEtudiantBoursierOptions extends ApiParticulierOptions {
  /** API Particulier version: `v4` (default, with `estRadie`) or `v3`. */
  version?: 'v3' | 'v4' | undefined
}

/**
 * The connector of the API Statut étudiant boursier: whether the signed-in student holds a CNOUS
 * grant, its échelon, payment period, institution and e-mail.
 *
 * @example
 * ```ts
 * import { statutEtudiantBoursier } from 'franceconnect-sdk/apis/statut-etudiant-boursier'
 *
 * const boursier = statutEtudiantBoursier({ recipient: '13002526500013' })
 * const { data } = await fc.getData(boursier, session)
 * if (data.estBoursier) applyReducedFee(data.echelon?.valeur)
 * ```
 */
export function statutEtudiantBoursier(
  options: StatutEtudiantBoursierOptions,
): Connector<void, StatutEtudiantBoursier, 'statut-etudiant-boursier'> {
  const id = 'statut-etudiant-boursier'
  const request = apiParticulierRoute(id, options, `/${options.version ?? 'v4'}/cnous/etudiant_boursier/france_connect`)
  return defineConnector({
    id,
    provider: 'CNOUS',
    scopes: chooseScopes(id, statutEtudiantBoursierScopes, options.scopes),
    http: options,
    read:
      options.version === 'v3'
        ? readOne(request, boursierV3Schema, normalizeBoursierV3)
        : readOne(request, boursierV4Schema, normalizeBoursierV4),
  })
}
export type { ApiParticulierOptions } from '../shared/api-particulier.js'
