/**
 * API de droits à l'Assurance Maladie (CNAM), "API des droits assurés" v1.
 * Reference: the provider's published documentation.
 *
 * Verified against the published spec (CNAM, 2019): the paths `/me`, `/me/beneficiaires`, and with
 * the header `nir` `/contrats`, `/caisse`, `/exonerations`, `/medecin-traitant`, under
 * `…/v1/droits/beneficiaires`; the two credentials (`Authorization: Bearer <FranceConnect access
 * token>` and `X-API-Key`), the optional `dateDebut` / `dateFin` query, the `Beneficiaire`,
 * `Contrat`, `Caisse`, `Exoneration` and `MedecinTraitant` schemas and their enums.
 *
 * ⚠️ Not verified: the production base URL (given by the CNAM with the convention; only the test one
 * is public), any error answer (the spec documents only 200), whether the finer `cnam_*` scopes gate
 * the endpoints at the CNAM (the connector calls `/caisse`, `/exonerations`, `/medecin-traitant` only
 * when the session holds the scope FranceConnect's registry names for their data), and whether the
 * spec, dated 2019, is still the one in service.
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { ConfigurationError } from '../../errors/configuration-error.js'
import { DataApiError } from '../../errors/data-api-error.js'
import { chooseScopes, type CommonConnectorOptions } from '../shared/connector-options.js'
import { allOrAbort } from '../shared/all-or-abort.js'
import { resolveBaseUrl } from '../shared/base-url.js'
import { defineConnector } from '../shared/define-connector.js'
import type { Exchange } from '../shared/exchange.js'
import { normalizeBeneficiaire, type DroitsAssuranceMaladie, type ParPersonne } from './normalize.js'
import { dateRangeQuery, type DateRangeParams } from '../shared/date-range.js'
import { parPersonneSchema, personnesSchema, type ContratPayload } from './schema.js'

export type {
  AdresseCaisse,
  BeneficiaireAssuranceMaladie,
  Caisse,
  Contrat,
  DroitsAssuranceMaladie,
  Exoneration,
  MedecinTraitant,
  MotifExoneration,
  PeriodeDroits,
  Qualite,
} from './normalize.js'
import { scopeNames, defaultScopes, hosts } from './manifest.js'
export type { DateRangeParams } from '../shared/date-range.js'

/**
 * The FranceConnect scopes of the CNAM droits API. `droits_assurance_maladie` is the one the
 * spec and DataPass require; the `cnam_*` ones exist in FranceConnect's registry only (⚠️ what they
 * gate is undocumented).
 */
export const droitsAssuranceMaladieScopes = scopeNames

/**
 * The per-person endpoints opened by a finer scope: FranceConnect's registry gives `cnam_caisse` the
 * `Caisse` data, `cnam_exonerations` the `Exoneration` data, `cnam_medecin_traitant` the
 * `MedecinTraitant` data (src/registry/data-scopes.ts), and the spec serves each at one path.
 */
export const droitsAssuranceMaladieScopedEndpoints = [
  { scope: 'cnam_caisse', path: '/caisse', schema: 'Caisse', key: 'caisse' },
  { scope: 'cnam_exonerations', path: '/exonerations', schema: 'Exoneration', key: 'exonerations' },
  { scope: 'cnam_medecin_traitant', path: '/medecin-traitant', schema: 'MedecinTraitant', key: 'medecinTraitant' },
] as const

/** The default of `maxBeneficiaires`: how many beneficiaries one answer may list before it is refused. */
export const defaultMaxBeneficiaires = 20

/** What the connector asks for when `scopes` is not given: the scope the spec requires. */
export const droitsAssuranceMaladieDefaultScopes = defaultScopes

/** The hosts the spec publishes: only the test one. Production's is given by the CNAM (⚠️). */
export const droitsAssuranceMaladieHosts = hosts

/** Options of {@link droitsAssuranceMaladie}. */
export interface DroitsAssuranceMaladieOptions extends CommonConnectorOptions {
  /** The API key the CNAM gave with the convention (header `X-API-Key`). */
  apiKey: string
  /** `test`: the CNAM's published test server. Give `baseUrl` for production. */
  env?: keyof typeof droitsAssuranceMaladieHosts | undefined
  /**
   * Also fetch each person's contracts and periods of rights (`GET /contrats`, one call per distinct
   * NIR, after the first two). Default `true`; `false` makes exactly two calls.
   */
  contrats?: boolean | undefined
  /**
   * The most beneficiaries one `/me/beneficiaires` answer may list (default 20). Each one followed
   * costs a request per per-person endpoint; an answer listing more is refused with a
   * `DataApiError` `too_many_beneficiaries` before any of them is sent.
   */
  maxBeneficiaires?: number | undefined
}

/** Params of the connector: an optional search window (the CNAM searches from today, up to a year ahead). */
export type DroitsAssuranceMaladieParams = DateRangeParams

/** The raw payloads, as received. */
export interface DroitsAssuranceMaladieRaw {
  me: unknown
  beneficiaires: unknown
  /** One `/contrats` answer per distinct NIR, the insured person first; absent when not fetched. */
  contrats?: unknown[] | undefined
  /** One `/caisse` answer per distinct NIR, in the same order; absent when not fetched. */
  caisse?: unknown[] | undefined
  /** One `/exonerations` answer per distinct NIR; absent when not fetched. */
  exonerations?: unknown[] | undefined
  /** One `/medecin-traitant` answer per distinct NIR; absent when not fetched. */
  medecinTraitant?: unknown[] | undefined
}

const api = 'droits-assurance-maladie'
const provider = 'CNAM'

/**
 * The connector of the API de droits à l'Assurance Maladie: the signed-in insured person, their
 * beneficiaries with their `qualite`, (by default) everyone's contracts with their periods of
 * rights, and, for each scope the session holds among `cnam_caisse`, `cnam_exonerations` and
 * `cnam_medecin_traitant`, everyone's fund, exemptions or GP. `GET /me` and `GET /me/beneficiaires`
 * go in parallel, then one call per NIR and per endpoint in parallel; the first failure aborts the
 * calls still running and fails the whole result (never a half-filled one). Dates are checked before
 * any request; an answer listing more than `maxBeneficiaires` beneficiaries is refused before the
 * per-person calls.
 *
 * @example
 * ```ts
 * import { droitsAssuranceMaladie } from 'franceconnect-sdk/apis/droits-assurance-maladie'
 *
 * const droits = droitsAssuranceMaladie({ env: 'test', apiKey: process.env.CNAM_API_KEY! })
 * const { data } = await fc.getData(droits, session, { dateDebut: '2025-06-01' })
 * const enfants = data.beneficiaires.filter((b) => b.qualite === 'enfant')
 * const couvert = data.assure.contrats?.some((c) => c.natureAssurance === 'AMO' && c.periodesDroits.length > 0)
 * ```
 */
export function droitsAssuranceMaladie(
  options: DroitsAssuranceMaladieOptions,
): Connector<DroitsAssuranceMaladieParams, DroitsAssuranceMaladie, 'droits-assurance-maladie'> {
  if (options.baseUrl === undefined && options.env === undefined) {
    throw new ConfigurationError('configuration_invalid', `${api}: give baseUrl (given by the CNAM) or env: 'test'`)
  }
  const baseUrl = resolveBaseUrl(api, droitsAssuranceMaladieHosts, options.env, options.baseUrl)
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new ConfigurationError('configuration_invalid', `${api}: apiKey (the CNAM API key) is required`)
  }
  const apiKey = options.apiKey
  const withContrats = options.contrats ?? true
  const maxBeneficiaires = options.maxBeneficiaires ?? defaultMaxBeneficiaires
  if (!Number.isInteger(maxBeneficiaires) || maxBeneficiaires < 0) {
    throw new ConfigurationError('configuration_invalid', `${api}: maxBeneficiaires must be a whole number (>= 0)`)
  }
  const scopes = chooseScopes(api, droitsAssuranceMaladieScopes, options.scopes ?? droitsAssuranceMaladieDefaultScopes)

  return defineConnector({
    id: api,
    provider,
    scopes,
    ...(scopes.includes('droits_assurance_maladie') ? { requiredScopes: ['droits_assurance_maladie'] } : {}),
    http: options,
    async read(exchange, params: DroitsAssuranceMaladieParams | undefined) {
      const query = dateRangeQuery(api, params)
      const get = (x: Exchange, path: string, extraHeaders: Record<string, string> = {}) => {
        const url = new URL(`${baseUrl}${path}`)
        for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value)
        return x.get(url.href, { authorization: `Bearer ${x.accessToken}`, 'x-api-key': apiKey, ...extraHeaders })
      }

      const [me, beneficiaires] = await allOrAbort(exchange, [(x) => get(x, '/me'), (x) => get(x, '/me/beneficiaires')])
      const raw: DroitsAssuranceMaladieRaw = { me, beneficiaires }
      // the answers are validated together, so that a mismatch names its endpoint (`me.nir`)
      const personnes = exchange.parse(personnesSchema, raw)
      // Secure by default: one answer must not make the SDK send an unbounded number of requests.
      if (personnes.beneficiaires.length > maxBeneficiaires) {
        throw new DataApiError(api, {
          status: 200,
          code: 'too_many_beneficiaries',
        })
      }

      const held = exchange.grantedScopes ?? scopes
      const endpoints = [
        ...(withContrats ? [{ path: '/contrats', key: 'contrats' } as const] : []),
        ...droitsAssuranceMaladieScopedEndpoints.filter((endpoint) => held.includes(endpoint.scope)),
      ]
      const nirs = [...new Set([personnes.me.nir, ...personnes.beneficiaires.map((b) => b.nir)])].filter(
        (nir): nir is string => typeof nir === 'string' && nir !== '',
      )
      const answers = await allOrAbort(
        exchange,
        endpoints.flatMap(({ path }) => nirs.map((nir) => (x: Exchange) => get(x, path, { nir }))),
      )
      endpoints.forEach(({ key }, index) => {
        raw[key] = answers.slice(index * nirs.length, (index + 1) * nirs.length)
      })

      const answered = exchange.parse(parPersonneSchema, raw)
      // what each endpoint answered for the person of that NIR
      const parPersonne = (nir: string | null | undefined): ParPersonne & { contrats?: ContratPayload[] } => {
        const index = nirs.indexOf(nir ?? '')
        if (index < 0) return {}
        return Object.fromEntries(Object.entries(answered).flatMap(([key, list]) => (list ? [[key, list[index]]] : [])))
      }
      const personne = (person: (typeof personnes)['me']) => {
        const { contrats, ...others } = parPersonne(person.nir)
        return normalizeBeneficiaire(person, contrats, others)
      }

      return { raw, data: { assure: personne(personnes.me), beneficiaires: personnes.beneficiaires.map(personne) } }
    },
  })
}

export { qualites } from './schema.js'
