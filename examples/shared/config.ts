/**
 * Where the example apps get their configuration: from a sandbox started in the same process, or
 * from environment variables — those of a real FranceConnect registration, or those that
 * `franceconnect-sdk sandbox` prints for a sandbox running in another terminal ({@link sandboxEnv}
 * writes them, {@link appOptionsFromEnv} reads them).
 */
import { complementaireSanteSolidaire } from '../../src/apis/complementaire-sante-solidaire/index.js'
import { droitsAssuranceMaladie } from '../../src/apis/droits-assurance-maladie/index.js'
import { franceTravailPaiements } from '../../src/apis/france-travail-paiements/index.js'
import { franceTravailStatut } from '../../src/apis/france-travail-statut/index.js'
import { impotParticulier } from '../../src/apis/impot-particulier/index.js'
import { indemnitesJournalieres } from '../../src/apis/indemnites-journalieres/index.js'
import { quotientFamilial } from '../../src/apis/quotient-familial/index.js'
import { revenuSolidariteActive } from '../../src/apis/revenu-solidarite-active/index.js'
import { statutEtudiantBoursier } from '../../src/apis/statut-etudiant-boursier/index.js'
import { statutEtudiant } from '../../src/apis/statut-etudiant/index.js'
import {
  ConfigurationError,
  franceConnect,
  franceConnectPlus,
  franceConnectV1,
  type AnyConnector,
  type ConnectorId,
  type EncryptionKey,
  type FranceConnectEnvironment,
  type IntegrationOrProduction,
  type Provider,
} from '../../src/index.js'
import { sandboxConnectors, type Sandbox, type SandboxVariant } from '../../src/testing/index.js'
import { seedApis } from './apis.js'
import type { AppOptions } from './web-app.js'

/** Which APIs an app asks for: the five seed APIs, all ten, or a list. */
export type ApiSelection = 'seed' | 'all' | readonly ConnectorId[]

function selectedIds(selection: ApiSelection, available: readonly ConnectorId[]): ConnectorId[] {
  if (selection === 'all') return [...available]
  const wanted: readonly ConnectorId[] = selection === 'seed' ? seedApis : selection
  return available.filter((id) => wanted.includes(id))
}

function providerFor(variant: SandboxVariant, issuer: string): Provider {
  if (variant === 'fcplus') return franceConnectPlus({ issuer })
  if (variant === 'v1') return franceConnectV1({ issuer })
  return franceConnect({ issuer })
}

/**
 * The app's options for a running sandbox: its client, the connectors pointed at its mock APIs.
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox({ redirectUri: 'http://127.0.0.1:3000/callback' })
 * const app = createApp(appOptionsFromSandbox(sandbox))
 * ```
 */
export function appOptionsFromSandbox(
  sandbox: Sandbox,
  options: { apis?: ApiSelection; sessionSecret?: string } = {},
): AppOptions {
  const connectors = sandboxConnectors(sandbox) as Record<ConnectorId, AnyConnector>
  const ids = selectedIds(options.apis ?? 'seed', Object.keys(connectors) as ConnectorId[])
  return {
    sdkOptions: {
      provider: providerFor(sandbox.variant, sandbox.issuer),
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      postLogoutRedirectUri: sandbox.postLogoutRedirectUri,
      ...(sandbox.encryptionKeys ? { encryptionKeys: sandbox.encryptionKeys } : {}),
      apis: ids.map((id) => connectors[id]),
    },
    allDataParams: sandbox.allDataParams,
    ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
    serviceName: 'Démarche de test (bac à sable)',
    sandbox: true,
  }
}

/**
 * The environment variables that point an example app at a running sandbox; what
 * `franceconnect-sdk sandbox` prints.
 *
 * @example
 * ```ts
 * sandboxEnv(sandbox).FC_ISSUER // 'http://127.0.0.1:4000/api/v2'
 * ```
 */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  const { credentials, apis } = sandbox
  const year = (sandbox.allDataParams['impot-particulier'] as { annee?: number } | undefined)?.annee
  return {
    FC_PROVIDER:
      sandbox.variant === 'fcplus' ? 'franceconnect-plus' : sandbox.variant === 'v1' ? 'franceconnect-v1' : 'franceconnect',
    FC_ISSUER: sandbox.issuer,
    FC_CLIENT_ID: sandbox.clientId,
    FC_CLIENT_SECRET: sandbox.clientSecret,
    FC_REDIRECT_URI: sandbox.redirectUri,
    FC_POST_LOGOUT_REDIRECT_URI: sandbox.postLogoutRedirectUri,
    ...(sandbox.encryptionKeys ? { FC_ENCRYPTION_KEYS: JSON.stringify(sandbox.encryptionKeys) } : {}),
    FC_SANDBOX: '1',
    API_PARTICULIER_URL: apis['statut-etudiant'],
    API_PARTICULIER_RECIPIENT: credentials.apiParticulier.recipient,
    DGFIP_URL: apis['impot-particulier'],
    DGFIP_GATEWAY_TOKEN: credentials.dgfip.gatewayToken,
    DGFIP_ID_TELESERVICE: credentials.dgfip.idTeleservice,
    ...(year === undefined ? {} : { DGFIP_ANNEE: String(year) }),
    CNAM_DROITS_URL: apis['droits-assurance-maladie'],
    CNAM_IJ_URL: apis['indemnites-journalieres'],
    CNAM_API_KEY: credentials.cnam.apiKey,
    FRANCE_TRAVAIL_URL: apis['france-travail-statut'],
  }
}

type Env = Record<string, string | undefined>

/** Each connector, made from the variables that configure it; `undefined` when they are not all set. */
const connectorsFromEnv: Record<ConnectorId, (env: Env) => AnyConnector | undefined> = {
  'impot-particulier': (env) =>
    env.DGFIP_URL && env.DGFIP_GATEWAY_TOKEN && env.DGFIP_ID_TELESERVICE
      ? impotParticulier({
          baseUrl: env.DGFIP_URL,
          gatewayToken: env.DGFIP_GATEWAY_TOKEN,
          idTeleservice: env.DGFIP_ID_TELESERVICE,
        })
      : undefined,
  'droits-assurance-maladie': (env) =>
    env.CNAM_DROITS_URL && env.CNAM_API_KEY
      ? droitsAssuranceMaladie({ baseUrl: env.CNAM_DROITS_URL, apiKey: env.CNAM_API_KEY })
      : undefined,
  'indemnites-journalieres': (env) =>
    env.CNAM_IJ_URL
      ? indemnitesJournalieres({ baseUrl: env.CNAM_IJ_URL, ...(env.CNAM_API_KEY ? { apiKey: env.CNAM_API_KEY } : {}) })
      : undefined,
  'statut-etudiant': (env) => particulier(env, statutEtudiant),
  'statut-etudiant-boursier': (env) => particulier(env, statutEtudiantBoursier),
  'complementaire-sante-solidaire': (env) => particulier(env, complementaireSanteSolidaire),
  'revenu-solidarite-active': (env) => particulier(env, revenuSolidariteActive),
  'quotient-familial': (env) => particulier(env, quotientFamilial),
  'france-travail-statut': (env) =>
    env.FRANCE_TRAVAIL_URL ? franceTravailStatut({ baseUrl: env.FRANCE_TRAVAIL_URL }) : undefined,
  'france-travail-paiements': (env) =>
    env.FRANCE_TRAVAIL_URL ? franceTravailPaiements({ baseUrl: env.FRANCE_TRAVAIL_URL }) : undefined,
}

function particulier(
  env: Env,
  factory: (options: { baseUrl?: string; env?: 'staging' | 'production'; recipient: string }) => AnyConnector,
): AnyConnector | undefined {
  if (!env.API_PARTICULIER_RECIPIENT) return undefined
  if (env.API_PARTICULIER_URL) return factory({ baseUrl: env.API_PARTICULIER_URL, recipient: env.API_PARTICULIER_RECIPIENT })
  const apiEnv = env.API_PARTICULIER_ENV
  if (apiEnv === 'staging' || apiEnv === 'production') return factory({ env: apiEnv, recipient: env.API_PARTICULIER_RECIPIENT })
  return undefined
}

function required(env: Env, name: string): string {
  const value = env[name]
  if (!value) throw new ConfigurationError('configuration_invalid', `${name} is not set`)
  return value
}

function providerFromEnv(env: Env): Provider {
  const kind = env.FC_PROVIDER ?? 'franceconnect'
  const issuer = env.FC_ISSUER
  const where = env.FC_ENV
  if (!issuer && !where)
    throw new ConfigurationError('configuration_invalid', 'Set FC_ISSUER (or FC_ENV: sandbox, integration, production)')
  if (kind === 'franceconnect') return franceConnect(issuer ? { issuer } : { env: where as FranceConnectEnvironment })
  if (kind === 'franceconnect-plus') return franceConnectPlus(issuer ? { issuer } : { env: where as IntegrationOrProduction })
  if (kind === 'franceconnect-v1') return franceConnectV1(issuer ? { issuer } : { env: where as IntegrationOrProduction })
  throw new ConfigurationError(
    'configuration_invalid',
    'FC_PROVIDER must be franceconnect, franceconnect-plus or franceconnect-v1',
  )
}

/**
 * The app's options from environment variables:
 *
 * | Variable | |
 * |---|---|
 * | `FC_PROVIDER` | `franceconnect` (default), `franceconnect-plus`, `franceconnect-v1` |
 * | `FC_ISSUER` or `FC_ENV` | the issuer URL, or `sandbox` / `integration` / `production` |
 * | `FC_CLIENT_ID`, `FC_CLIENT_SECRET`, `FC_REDIRECT_URI` | the registration (required) |
 * | `FC_POST_LOGOUT_REDIRECT_URI` | the registered post-logout redirect |
 * | `FC_ENCRYPTION_KEYS` | FranceConnect+: the private decryption JWKs, as a JSON array |
 * | `SESSION_SECRET` | at least 32 characters (default: random at each start) |
 * | `API_PARTICULIER_URL` or `API_PARTICULIER_ENV`, `API_PARTICULIER_RECIPIENT` | statut étudiant, boursier, C2S, RSA, quotient familial |
 * | `DGFIP_URL`, `DGFIP_GATEWAY_TOKEN`, `DGFIP_ID_TELESERVICE`, `DGFIP_ANNEE` | impôt particulier (year of income: last year by default) |
 * | `CNAM_DROITS_URL`, `CNAM_IJ_URL`, `CNAM_API_KEY` | Assurance Maladie |
 * | `FRANCE_TRAVAIL_URL` | France Travail statut and paiements |
 * | `FC_APIS` | the API ids to use, comma-separated (default: every API whose variables are set) |
 *
 * @example
 * ```ts
 * const app = createApp(appOptionsFromEnv(process.env))
 * ```
 */
export function appOptionsFromEnv(env: Env): AppOptions {
  const provider = providerFromEnv(env)
  const available = (Object.keys(connectorsFromEnv) as ConnectorId[]).filter((id) => connectorsFromEnv[id](env) !== undefined)
  const asked = env.FC_APIS
    ? (env.FC_APIS.split(',')
        .map((id) => id.trim())
        .filter(Boolean) as ConnectorId[])
    : undefined
  const missing = asked?.filter((id) => !available.includes(id)) ?? []
  if (missing.length > 0)
    throw new ConfigurationError('configuration_invalid', `FC_APIS names APIs whose variables are not set: ${missing.join(', ')}`)
  const ids = asked ? selectedIds(asked, available) : available
  let encryptionKeys: EncryptionKey[] | undefined
  if (env.FC_ENCRYPTION_KEYS) {
    try {
      encryptionKeys = JSON.parse(env.FC_ENCRYPTION_KEYS) as EncryptionKey[]
    } catch {
      throw new ConfigurationError('configuration_invalid', 'FC_ENCRYPTION_KEYS is not a JSON array of JWKs')
    }
  }
  const annee = Number(env.DGFIP_ANNEE ?? new Date().getFullYear() - 1)
  return {
    sdkOptions: {
      provider,
      clientId: required(env, 'FC_CLIENT_ID'),
      clientSecret: required(env, 'FC_CLIENT_SECRET'),
      redirectUri: required(env, 'FC_REDIRECT_URI'),
      ...(env.FC_POST_LOGOUT_REDIRECT_URI ? { postLogoutRedirectUri: env.FC_POST_LOGOUT_REDIRECT_URI } : {}),
      ...(encryptionKeys ? { encryptionKeys } : {}),
      apis: ids.map((id) => connectorsFromEnv[id](env)!),
    },
    allDataParams: { 'impot-particulier': { annee } },
    ...(env.SESSION_SECRET ? { sessionSecret: env.SESSION_SECRET } : {}),
    sandbox: env.FC_SANDBOX === '1',
  }
}
