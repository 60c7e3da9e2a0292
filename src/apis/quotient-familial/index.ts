/**
 * API Quotient familial CAF & MSA, through API Particulier in FranceConnect mode (DSS route).
 * Reference: the provider's published documentation. Verified against the published v3 schema. Not
 * verified: no fixture is published in the reference (the tests build one from the schema); the unit
 * of `valeur` (euros presumed); which address lines may be null; the exact rule behind "at most two
 * years back" for `annee`/`mois` (read here as: from the same month two years ago to the current
 * month, in Paris time); production's per-scope removal of blocks (documented for CNOUS,
 * assumed here, hence the optional blocks). The api.gouv.fr guide still lists this API as "en cours
 * de spécification" although the route is in the v3 spec (⚠️).
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { ParameterError } from '../../errors/parameter-error.js'
import { apiParticulierRoute, type ApiParticulierOptions } from '../shared/api-particulier.js'
import { chooseScopes } from '../shared/connector-options.js'
import { defineConnector } from '../shared/define-connector.js'
import { readOne } from '../shared/read-one.js'
import { normalizeQuotientFamilial, type QuotientFamilial } from './normalize.js'
import { quotientFamilialSchema } from './schema.js'
import { scopeNames } from './manifest.js'

export type { Adresse, Personne, QuotientFamilial } from './normalize.js'

/** The FranceConnect scopes of the quotient familial CAF & MSA. */
export const quotientFamilialScopes = scopeNames

/** Options of {@link quotientFamilial}. */
export type QuotientFamilialOptions = ApiParticulierOptions

/**
 * The month whose quotient is wanted. Each is optional, alone or together, as the spec allows: the
 * provider fills in what is left out (⚠️ presumably the current year or month; not documented). At
 * most two years back, never in the future.
 */
export interface QuotientFamilialParams {
  /** Year, e.g. `2025`: from two years ago to the current year (Paris time). */
  annee?: number | undefined
  /** Month, 1 to 12. With `annee`, the month asked must be at most two years back and not in the future. */
  mois?: number | undefined
}

/**
 * The connector of the API Quotient familial: the signed-in allocataire's quotient familial as CNAF
 * or MSA computed it, the allocataires and children of the household, and its address.
 *
 * The connector and its results name `CNAF/MSA` as the provider, whichever answered: the one that
 * computed the quotient is `data.quotientFamilial.fournisseur` (absent when `cnaf_quotient_familial`
 * was not granted).
 *
 * @example
 * ```ts
 * import { quotientFamilial } from 'franceconnect-sdk/apis/quotient-familial'
 *
 * const qf = quotientFamilial({ recipient: '13002526500013' })
 * const { data } = await fc.getData(qf, session, { annee: 2025, mois: 9 })
 * const tranche = data.quotientFamilial ? trancheFor(data.quotientFamilial.valeur) : undefined
 * ```
 */
export function quotientFamilial(
  options: QuotientFamilialOptions,
): Connector<QuotientFamilialParams, QuotientFamilial, 'quotient-familial'> {
  const id = 'quotient-familial'
  // annee and mois are checked on each call, before any request
  const request = apiParticulierRoute<QuotientFamilialParams>(id, options, '/v3/dss/quotient_familial/france_connect', (params) =>
    periodQuery(id, params, new Date()),
  )
  return defineConnector({
    id,
    provider: 'CNAF/MSA',
    scopes: chooseScopes(id, quotientFamilialScopes, options.scopes),
    http: options,
    read: readOne(request, quotientFamilialSchema, normalizeQuotientFamilial),
  })
}

/**
 * The `annee` and `mois` query parameters, checked before any request; only those given are sent.
 * Each is an integer; `mois` from 1 to 12; `annee` from two years before `now` to the current year;
 * together, the month asked from the same month two years back to the current month, in Paris time.
 */
function periodQuery(api: string, params: QuotientFamilialParams | undefined, now: Date): Record<string, string> {
  const annee = params?.annee
  const mois = params?.mois
  const invalid = (why: string) => new ParameterError(`${api}: ${why}`)
  if (annee !== undefined && !Number.isInteger(annee)) throw invalid('annee must be an integer')
  if (mois !== undefined && !Number.isInteger(mois)) throw invalid('mois must be an integer')
  if (mois !== undefined && (mois < 1 || mois > 12)) throw invalid('mois must be from 1 to 12')
  const current = parisMonth(now)
  if (annee !== undefined) {
    const currentYear = Math.floor(current / 12)
    if (annee > currentYear) throw invalid('annee must not be in the future')
    if (annee < currentYear - 2) throw invalid('annee must be at most two years back')
  }
  if (annee !== undefined && mois !== undefined) {
    const asked = annee * 12 + (mois - 1)
    if (asked > current) throw invalid('annee and mois must not be in the future')
    if (asked < current - 24) throw invalid('annee and mois must be at most two years back')
  }
  return {
    ...(annee === undefined ? {} : { annee: String(annee) }),
    ...(mois === undefined ? {} : { mois: String(mois) }),
  }
}

/** The current month in Paris as `year * 12 + month - 1`. */
function parisMonth(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric' }).formatToParts(
    now,
  )
  const year = Number(parts.find((part) => part.type === 'year')?.value)
  const month = Number(parts.find((part) => part.type === 'month')?.value)
  return year * 12 + (month - 1)
}
export type { ApiParticulierOptions } from '../shared/api-particulier.js'
