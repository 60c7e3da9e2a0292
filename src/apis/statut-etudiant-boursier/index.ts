/**
 * API Statut étudiant boursier (CNOUS), through API Particulier in FranceConnect mode.
 * Reference: the provider's published documentation. Verified against the published v3/v4 spec and
 * staging fixtures; production's per-scope filtering of blocks is documented, not observed.
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { apiParticulierConnector, type ApiParticulierOptions } from '../shared/api-particulier.js'
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
  const route = {
    api: 'statut-etudiant-boursier' as const,
    provider: 'CNOUS',
    path: `/${options.version ?? 'v4'}/cnous/etudiant_boursier/france_connect`,
    scopes: statutEtudiantBoursierScopes,
  }
  return options.version === 'v3'
    ? apiParticulierConnector(options, { ...route, schema: boursierV3Schema, normalize: normalizeBoursierV3 })
    : apiParticulierConnector(options, { ...route, schema: boursierV4Schema, normalize: normalizeBoursierV4 })
}
export type { ApiParticulierOptions } from '../shared/api-particulier.js'
