/**
 * API Impôt particulier (DGFiP), FranceConnect mode, resource "situation IR assiettes".
 * Reference: the provider's published documentation.
 *
 * Verified against the published OpenAPI (`Impôt_Particulier` 1.0): the path
 * `/impotparticulier/1.0/situations/ir/assiettes/annrev/{annrev}`, the headers (`Authorization` with
 * the APIM client-credentials token, `X-FranceConnect-OAuth` with the FranceConnect access token,
 * `X-Correlation-ID` as a UUID, `ID_Teleservice`), the response media type and the field types.
 *
 * ⚠️ Not verified: the gateway hosts (the spec says `IP-GATEWAY`: `baseUrl` is required), the token URL,
 * whether `ID_Teleservice` is enforced (optional in the spec, required by DGFiP's presentation, sent
 * always here), the functional error bodies and the full `codeapp` list (APIM portal only), that the
 * APIM gateway error codes (`900901`…) seen on another DGFiP API apply, the currency unit of amounts
 * (euros presumed), the exact FranceConnect scope → field mapping, and the `aftDetail` sub-field names
 * (both spellings are read).
 *
 * @module
 */
import type { Connector } from '../../registry/connector.js'
import { ConfigurationError } from '../../errors/configuration-error.js'
import { ParameterError } from '../../errors/parameter-error.js'
import { DataApiError } from '../../errors/data-api-error.js'
import { assertSecureUrl } from '../../http/secure-url.js'
import { chooseScopes, type CommonConnectorOptions } from '../shared/connector-options.js'
import { defineConnector } from '../shared/define-connector.js'
import type { DgfipGatewayToken } from './gateway-token.js'
import { normalizeSituationIr, type ImpotParticulier } from './normalize.js'
import { situationIrSchema } from './schema.js'
import { scopeNames, defaultScopes } from './manifest.js'

export { dgfipGatewayToken, type DgfipGatewayToken, type DgfipGatewayTokenOptions } from './gateway-token.js'
export type { AdresseFiscale, Declarant, ImpotParticulier, PersonnesACharge, SituationFamiliale } from './normalize.js'

/**
 * Every FranceConnect scope of DGFiP's registry, one per datum. The DataPass-only
 * `dgfip_annee_df_au_3112_si_deces_ctb_mp` is left out: FranceConnect does not know it.
 * ⚠️ The six `dgfip_RevNets_*` names between `_Cat1_Tspr` and `_Cat5_NonSal` are inferred from the
 * `dgfip_RevDecl_*` ones.
 */
export const impotParticulierScopes = scopeNames

/**
 * What the connector asks for when `scopes` is not given: last year's income and the historic minimal
 * set FranceConnect's own examples use (RFR, parts, situation, dependants, address) plus the
 * déclarants' civil status. Ask only what your DataPass habilitation grants.
 */
export const impotParticulierDefaultScopes = defaultScopes

/** A gateway token, or a function giving one on each call (such as {@link dgfipGatewayToken}). */
export type GatewayTokenSource = string | (() => string | Promise<string>) | DgfipGatewayToken

/** Options of {@link impotParticulier}. */
export interface ImpotParticulierOptions extends CommonConnectorOptions {
  /**
   * The DGFiP APIM gateway given with the APIM account, e.g. `https://gateway.example.fr`. The
   * `/impotparticulier/1.0` prefix is added unless the URL already ends with it. ⚠️ No public host.
   */
  baseUrl: string
  /** The APIM client-credentials token (`Authorization: Bearer …`), or a function returning one. */
  gatewayToken: GatewayTokenSource
  /** The `ID_TELESERVICE` DGFiP gave for this use case (header `ID_Teleservice`). */
  idTeleservice: string
}

/** Params of the connector: the year of income. */
export interface ImpotParticulierParams {
  /** The year of income (revenus N, on the avis d'impôt N+1), e.g. 2023. */
  annee: number
}

const api = 'impot-particulier'
const provider = 'DGFiP'
const basePath = '/impotparticulier/1.0'
const mediaType = 'application/prs.dgfip.part.situations.ir.assiettes.v1+json'
// APIM (WSO2) codes for a gateway token that is invalid or absent: a fresh token may fix them.
const gatewayCredentialCodes = ['900901', '900902']

/**
 * The connector of the API Impôt particulier: the foyer fiscal's income-tax situation for one year of
 * income (RFR, parts, situation de famille, dependants, fiscal address, déclarants), called with two
 * tokens: the DGFiP gateway's (`Authorization`) and the FranceConnect access token
 * (`X-FranceConnect-OAuth`). The year is checked before any request. When the gateway refuses the
 * gateway token (401 `900901`) and `gatewayToken` came from {@link dgfipGatewayToken}, the cached token
 * is dropped and the call made once more with a new one.
 *
 * @example
 * ```ts
 * import { createClient, franceConnect } from 'franceconnect-sdk'
 * import { dgfipGatewayToken, impotParticulier } from 'franceconnect-sdk/apis/impot-particulier'
 *
 * const impot = impotParticulier({
 *   baseUrl: process.env.DGFIP_GATEWAY_URL!,
 *   idTeleservice: process.env.DGFIP_ID_TELESERVICE!,
 *   gatewayToken: dgfipGatewayToken({ tokenUrl, clientId, clientSecret }),
 * })
 * const fc = createClient({ provider: franceConnect({ env: 'sandbox' }), clientId, clientSecret, redirectUri, apis: [impot] })
 * // after fc.callback(…):
 * const { data } = await fc.getData(impot, session, { annee: 2023 })
 * console.log(data.revenuFiscalReference, data.nombreParts, data.declarants[0]?.nomNaissance)
 * ```
 */
export function impotParticulier(
  options: ImpotParticulierOptions,
): Connector<ImpotParticulierParams, ImpotParticulier, 'impot-particulier'> {
  const root = resolveGateway(options.baseUrl)
  if (typeof options.idTeleservice !== 'string' || options.idTeleservice.trim() === '') {
    throw new ConfigurationError('configuration_invalid', `${api}: idTeleservice (the ID_TELESERVICE DGFiP gave) is required`)
  }
  const source = options.gatewayToken
  if (!(typeof source === 'function' || (typeof source === 'string' && source.length > 0))) {
    throw new ConfigurationError('configuration_invalid', `${api}: gatewayToken must be a token or a function returning one`)
  }
  const scopes = chooseScopes(api, impotParticulierScopes, options.scopes ?? impotParticulierDefaultScopes)
  const idTeleservice = options.idTeleservice

  return defineConnector({
    id: api,
    provider,
    scopes,
    http: options,
    async read(exchange, params: ImpotParticulierParams | undefined) {
      const annee = checkAnnee(params, new Date())
      const url = `${root}/situations/ir/assiettes/annrev/${annee}`
      const get = async () =>
        exchange.get(url, {
          accept: `${mediaType}, application/json;q=0.9`,
          authorization: `Bearer ${await resolveGatewayToken(source)}`,
          'x-franceconnect-oauth': exchange.accessToken,
          'x-correlation-id': crypto.randomUUID(),
          ID_Teleservice: idTeleservice,
        })
      let raw: unknown
      try {
        raw = await get()
      } catch (error) {
        if (!isRefreshable(source) || !isGatewayCredentialError(error)) throw error
        // the gateway refused the cached token: drop it, call once more with a new one
        source.invalidate()
        raw = await get()
      }
      return { raw, data: normalizeSituationIr(exchange.parse(situationIrSchema, raw), annee) }
    },
  })
}

/** The gateway URL with the API's version prefix, HTTPS or loopback only, no trailing slash. */
function resolveGateway(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new ConfigurationError(
      'configuration_invalid',
      `${api}: baseUrl (the DGFiP APIM gateway) is required: DGFiP publishes no host`,
    )
  }
  const url = assertSecureUrl(baseUrl, `${api} baseUrl`).href.replace(/\/+$/, '')
  return url.endsWith(basePath) ? url : `${url}${basePath}`
}

/** The year of income, an integer from 2000 to last year in Paris time, or a `ParameterError` (`parameter_invalid`). */
function checkAnnee(params: ImpotParticulierParams | undefined, now: Date): number {
  const annee = params?.annee
  const invalid = (why: string) => new ParameterError(`${api}: ${why}`)
  if (annee === undefined) throw invalid('params.annee (the year of income) is required')
  if (typeof annee !== 'number' || !Number.isInteger(annee)) throw invalid('annee must be an integer year')
  const lastYear = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' }).format(now)) - 1
  if (annee < 2000 || annee > lastYear) throw invalid(`annee must be a past year of income, from 2000 to ${lastYear}`)
  return annee
}

async function resolveGatewayToken(source: GatewayTokenSource): Promise<string> {
  const token = typeof source === 'string' ? source : await source()
  if (typeof token !== 'string' || token.length === 0) {
    throw new ConfigurationError('configuration_invalid', `${api}: gatewayToken gave no token`)
  }
  return token
}

function isRefreshable(source: GatewayTokenSource): source is DgfipGatewayToken {
  return typeof source === 'function' && typeof (source as Partial<DgfipGatewayToken>).invalidate === 'function'
}

function isGatewayCredentialError(error: unknown): boolean {
  return error instanceof DataApiError && error.status === 401 && gatewayCredentialCodes.includes(error.providerCode ?? '')
}
