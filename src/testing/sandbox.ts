import { ConfigurationError } from '../errors/configuration-error.js'
import type { SandboxCredentialOption, SandboxParamValue } from '../registry/manifest.js'
import {
  credentialsOfDataProviders,
  encryptionKeyPair,
  dataProviderGroups,
  ownDataProvider,
  type RegisteredDataProvider,
  registerDataProviders,
} from './data-providers.js'
import { sandboxAgents, sandboxIdentities, sandboxIncomeYear } from './identities.js'
import { type DataProviderGroup, sandboxApiIds, sandboxPartOf, type StartedMockApis, startMockApis } from './mock-apis/index.js'
import { startMockFranceConnect, type StartedOp, type StartOpOptions } from './mock-franceconnect/index.js'
import { seededSecrets } from './seeded-secrets.js'
import { loadOidcProvider } from './mock-franceconnect/load-oidc-provider.js'
import type {
  ProConnectSandbox,
  Sandbox,
  SandboxConnectorOptions,
  SandboxCredentials,
  SandboxApiId,
  SandboxIdentity,
  SandboxOptions,
  SandboxPlatform,
  SandboxVariant,
} from './types.js'

/** The SIRET API Particulier's staging uses throughout (a valid one). */
const sandboxRecipient = '13002526500013'

/** The platform `startSandbox` is asked for, checked with the options that depend on it. */
function checkedVariant(options: SandboxOptions): SandboxPlatform {
  const variant: SandboxPlatform = options.variant ?? 'v2'
  if (!['v2', 'fcplus', 'v1', 'proconnect'].includes(variant)) {
    throw new ConfigurationError('configuration_invalid', 'startSandbox: variant must be v2, fcplus, v1 or proconnect')
  }
  if (options.userinfo !== undefined && variant !== 'proconnect') {
    throw new ConfigurationError(
      'configuration_invalid',
      'startSandbox: userinfo is a ProConnect option (FranceConnect always signs it)',
    )
  }
  return variant
}

/** The credentials the real APIs ask besides the FranceConnect token (the DGFiP token URL is set once the mocks listen). */
function credentialsOf(hex: (label: string, bytes: number) => string): SandboxCredentials {
  return {
    apiParticulier: { recipient: sandboxRecipient },
    dgfip: {
      gatewayToken: hex('dgfip:gateway_token', 24),
      idTeleservice: 'SANDBOX-TELESERVICE-01',
      tokenUrl: '',
      clientId: hex('dgfip:client_id', 16),
      clientSecret: hex('dgfip:client_secret', 32),
    },
    cnam: { apiKey: hex('cnam:api_key', 24) },
  }
}

/** Starts the mock APIs, or closes the mock FranceConnect when they cannot start. */
async function startMocks(
  op: StartedOp,
  parts: {
    variant: SandboxPlatform
    identities: SandboxIdentity[]
    providers: Record<DataProviderGroup, RegisteredDataProvider>
    credentials: SandboxCredentials
    options: SandboxOptions
  },
): Promise<StartedMockApis> {
  const { providers, credentials, options } = parts
  try {
    return await startMockApis({
      issuer: op.issuer,
      // ProConnect has no data API: its mocks stay up (the options need them) and refuse its tokens
      variant: parts.variant === 'proconnect' ? 'v2' : parts.variant,
      identities: parts.identities,
      dataProviders: credentialsOfDataProviders(providers),
      apiKey: credentials.cnam.apiKey,
      dgfipGateway: { clientId: credentials.dgfip.clientId, clientSecret: credentials.dgfip.clientSecret },
      port: options.apisPort ?? (options.port ? options.port + 1 : 0),
    })
  } catch (error) {
    await op.close()
    throw error
  }
}

/** Each sandbox credential, by the name of the connector option that takes it. */
function credentialOptions(credentials: SandboxCredentials): Record<SandboxCredentialOption, string> {
  return {
    recipient: credentials.apiParticulier.recipient,
    apiKey: credentials.cnam.apiKey,
    gatewayToken: credentials.dgfip.gatewayToken,
    idTeleservice: credentials.dgfip.idTeleservice,
  }
}

/** Each connector factory's options: the base URL of its mock, and the credentials its manifest's `sandbox` part names. */
function connectorOptionsOf(apis: Record<SandboxApiId, string>, credentials: SandboxCredentials): SandboxConnectorOptions {
  const values = credentialOptions(credentials)
  const options: Record<string, Record<string, string>> = {}
  for (const api of sandboxApiIds) {
    const option: Record<string, string> = { baseUrl: apis[api] }
    for (const name of sandboxPartOf(api).options) option[name] = values[name]
    options[api] = option
  }
  // the type is mapped from the same `sandbox` parts (types.ts)
  return options as SandboxConnectorOptions
}

/** `getAllData` params that suit the sandbox's data: each connector's, as its manifest's `sandbox` part names them. */
function allDataParamsOf(): Record<string, unknown> {
  const values: Record<SandboxParamValue, unknown> = { incomeYear: sandboxIncomeYear() }
  const params: Record<string, unknown> = {}
  for (const api of sandboxApiIds) {
    const named = sandboxPartOf(api).params
    if (named) params[api] = Object.fromEntries(Object.entries(named).map(([name, value]) => [name, values[value]]))
  }
  return params
}

/** The mock FranceConnect's options for the sandbox's client (its people and data providers aside). */
function opOptionsOf(
  options: SandboxOptions,
  variant: SandboxPlatform,
  hex: (label: string, bytes: number) => string,
): Omit<StartOpOptions, 'identities' | 'dataProviders'> {
  return {
    variant,
    port: options.port,
    clientId: options.clientId ?? hex('client_id', 32),
    clientSecret: options.clientSecret ?? hex('client_secret', 32),
    scopes: options.scopes,
    userinfo: options.userinfo,
    clientName: options.clientName ?? 'Démarche de test (bac à sable)',
    redirectUri: options.redirectUri,
    postLogoutRedirectUri: options.postLogoutRedirectUri,
  }
}

/**
 * Starts the sandbox on loopback: a mock FranceConnect (v2 by default, FranceConnect+ or v1) and a
 * mock of every connector's API, and returns what `createClient` and each connector factory need.
 *
 * The mock FranceConnect behaves like the real one as the SDK's reference describes it: discovery,
 * `/jwks`, a strict `/authorize` (unknown parameters → `Y030007` page, `acr_values` required and
 * checked per variant, nonce ≥ 22 characters), `/token` with `client_secret_post`, 30 s codes, 60 s
 * access tokens, JWT userinfo (nested JWE for FranceConnect+), `/session/end`, `/token/revocation`,
 * `/checktoken` for data providers, pairwise subjects, callbacks with `iss`, `access_denied` on
 * cancel. Its pages are plain forms a script can submit (`signIn`), or a person can click through.
 *
 * @example
 * ```ts
 * import { createClient, franceConnect } from 'franceconnect-sdk'
 * import { statutEtudiantBoursier } from 'franceconnect-sdk/apis/statut-etudiant-boursier'
 * import { startSandbox } from 'franceconnect-sdk/testing'
 *
 * const sandbox = await startSandbox()
 * const boursier = statutEtudiantBoursier(sandbox.connectorOptions['statut-etudiant-boursier'])
 * const fc = createClient({
 *   provider: franceConnect({ issuer: sandbox.issuer }),
 *   clientId: sandbox.clientId, clientSecret: sandbox.clientSecret,
 *   redirectUri: sandbox.redirectUri, postLogoutRedirectUri: sandbox.postLogoutRedirectUri,
 *   apis: [boursier],
 * })
 * const { url, cookie } = await fc.authorize()
 * const session = await fc.callback(await sandbox.signIn(url), { cookie: cookie.value }) // Angela Claire Louise DUBOIS
 * const { data } = await fc.getData(boursier, session)
 * await sandbox.close()
 * ```
 */
export async function startSandbox(options?: SandboxOptions & { variant?: SandboxVariant }): Promise<Sandbox>
export async function startSandbox(options: SandboxOptions & { variant: 'proconnect' }): Promise<ProConnectSandbox>
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox | ProConnectSandbox> {
  const variant = checkedVariant(options)
  // fails first, with a ConfigurationError saying `npm install -D oidc-provider`, when it is missing
  await loadOidcProvider()
  const secrets = seededSecrets(options.seed)
  const hex = (label: string, bytes: number) => secrets.hex(`${variant}:${label}`, bytes)
  const identities = structuredClone([
    ...(options.identities ?? (variant === 'proconnect' ? sandboxAgents() : sandboxIdentities())),
  ])
  const { providers, ownProvider } = await registerDataProviders(secrets, variant)
  const clientEncryption = variant === 'fcplus' ? await encryptionKeyPair('ECDH-ES', 'sandbox-client-enc-1') : undefined
  const op: StartedOp = await startMockFranceConnect({
    ...opOptionsOf(options, variant, hex),
    identities,
    ...(clientEncryption ? { clientEncryptionJwks: { keys: [clientEncryption.publicJwk] } } : {}),
    // ProConnect has no checktoken: the mock data APIs answer its tokens as unknown ones
    dataProviders:
      variant === 'v1' || variant === 'proconnect'
        ? []
        : [...dataProviderGroups().map((group) => providers[group].registration), ownProvider.registration],
  })
  const credentials = credentialsOf(hex)
  const mocks = await startMocks(op, { variant, identities, providers, credentials, options })
  credentials.dgfip.tokenUrl = `${mocks.mockUrls.dgfip}/token`
  let closed: Promise<void> | undefined
  return {
    variant,
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    registeredScopes: op.registeredScopes,
    redirectUri: op.redirectUri,
    postLogoutRedirectUri: op.postLogoutRedirectUri,
    ...(clientEncryption ? { encryptionKeys: [clientEncryption.privateJwk] } : {}),
    apis: mocks.apis,
    credentials,
    connectorOptions: connectorOptionsOf(mocks.apis, credentials),
    allDataParams: allDataParamsOf(),
    identities: op.identities.map((person, index) => ({ ...(identities[index] ?? person), sub: person.sub })),
    dataProvider: ownDataProvider(ownProvider),
    endpoints: op.endpoints,
    signIn: (authorizationUrl, signInOptions = {}) => op.authorize(authorizationUrl, signInOptions),
    signOut: (endSessionUrl) => op.logout(endSessionUrl),
    get requests() {
      const counted: Record<string, number> = { ...op.requests }
      for (const [api, count] of Object.entries(mocks.requests)) counted[`api:${api}`] = count
      return counted
    },
    close() {
      closed ??= Promise.all([op.close(), mocks.close()]).then(() => undefined)
      return closed
    },
  }
}
