import { exportJWK, generateKeyPair, type JWK } from 'jose'
import { ConfigurationError } from '../errors/configuration-error.js'
import { toPublicEncryptionJwk, type EncryptionKey } from '../oidc/encryption-keys.js'
import { sandboxAgents, sandboxIdentities, sandboxIncomeYear } from './identities.js'
import { dataProviderApis, scopesOfApi, startMockApis, type DataProviderGroup, type StartedMockApis } from './mock-apis/index.js'
import {
  dataScopesOf,
  startMockFranceConnect,
  type MockDataProviderRegistration,
  type StartedOp,
} from './mock-franceconnect/index.js'
import { seededSecrets } from './seeded-secrets.js'
import { loadOidcProvider } from './mock-franceconnect/load-oidc-provider.js'
import type {
  ProConnectSandbox,
  Sandbox,
  SandboxConnectorOptions,
  SandboxCredentials,
  SandboxOptions,
  SandboxPerson,
  SandboxPlatform,
  SandboxVariant,
} from './types.js'

/** The SIRET API Particulier's staging uses throughout (a valid one). */
const sandboxRecipient = '13002526500013'

type KeyAlg = 'ECDH-ES' | 'RSA-OAEP-256'

async function encryptionKeyPair(alg: KeyAlg, kid: string): Promise<{ privateJwk: EncryptionKey; publicJwk: JWK }> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'ECDH-ES' ? { crv: 'P-256' } : {}) })
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg, use: 'enc' } as EncryptionKey
  return { privateJwk, publicJwk: toPublicEncryptionJwk(privateJwk) }
}

type SecretMaker = ReturnType<typeof seededSecrets>

interface RegisteredDataProvider {
  registration: MockDataProviderRegistration
  decryptionKeys: EncryptionKey[]
  publicJwks: { keys: JWK[] }
}

async function registerDataProvider(
  secrets: SecretMaker,
  name: string,
  scopes: readonly string[],
  keyAlg: KeyAlg,
  signingAlg: 'ES256' | 'RS256',
): Promise<RegisteredDataProvider> {
  const { privateJwk, publicJwk } = await encryptionKeyPair(keyAlg, `${name}-enc-1`)
  return {
    decryptionKeys: [privateJwk],
    publicJwks: { keys: [publicJwk] },
    registration: {
      name,
      clientId: secrets.hex(`${name}:client_id`, 32),
      clientSecret: secrets.hex(`${name}:client_secret`, 32),
      scopes: [...scopes],
      jwks: { keys: [publicJwk] },
      signingAlg,
      encryptionAlg: keyAlg,
    },
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
 * const { data } = await fc.fetch(boursier, session)
 * await sandbox.close()
 * ```
 */
export async function startSandbox(options?: SandboxOptions & { variant?: SandboxVariant }): Promise<Sandbox>
export async function startSandbox(options: SandboxOptions & { variant: 'proconnect' }): Promise<ProConnectSandbox>
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox | ProConnectSandbox> {
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
  // fails first, with a ConfigurationError saying `npm install -D oidc-provider`, when it is missing
  await loadOidcProvider()
  const secrets = seededSecrets(options.seed)
  const hex = (label: string, bytes: number) => secrets.hex(`${variant}:${label}`, bytes)
  const identities = structuredClone([
    ...(options.identities ?? (variant === 'proconnect' ? sandboxAgents() : sandboxIdentities())),
  ])

  // The data providers behind the mock APIs, and one for the user's own API, each registered at the
  // mock FranceConnect with its scopes and its encryption key.
  const groups = Object.keys(dataProviderApis) as DataProviderGroup[]
  const providers = {} as Record<DataProviderGroup, RegisteredDataProvider>
  for (const group of groups) {
    const scopes = dataProviderApis[group].flatMap(scopesOfApi)
    // DGFiP with RS256 / RSA-OAEP-256, the others ES256 / ECDH-ES: both families FranceConnect offers (§12.1)
    providers[group] =
      group === 'dgfip'
        ? await registerDataProvider(secrets, group, scopes, 'RSA-OAEP-256', 'RS256')
        : await registerDataProvider(secrets, group, scopes, 'ECDH-ES', 'ES256')
  }
  const ownProvider = await registerDataProvider(secrets, 'sandbox-data-provider', dataScopesOf(variant), 'ECDH-ES', 'ES256')

  let encryptionKeys: EncryptionKey[] | undefined
  let clientEncryptionJwks: { keys: JWK[] } | undefined
  if (variant === 'fcplus') {
    const { privateJwk, publicJwk } = await encryptionKeyPair('ECDH-ES', 'sandbox-client-enc-1')
    encryptionKeys = [privateJwk]
    clientEncryptionJwks = { keys: [publicJwk] }
  }

  const op: StartedOp = await startMockFranceConnect({
    variant,
    identities,
    ...(options.port === undefined ? {} : { port: options.port }),
    clientId: options.clientId ?? hex('client_id', 32),
    clientSecret: options.clientSecret ?? hex('client_secret', 32),
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
    ...(options.userinfo === undefined ? {} : { userinfo: options.userinfo }),
    clientName: options.clientName ?? 'Démarche de test (bac à sable)',
    ...(options.redirectUri === undefined ? {} : { redirectUri: options.redirectUri }),
    ...(options.postLogoutRedirectUri === undefined ? {} : { postLogoutRedirectUri: options.postLogoutRedirectUri }),
    ...(clientEncryptionJwks ? { clientEncryptionJwks } : {}),
    // ProConnect has no checktoken: the mock data APIs answer its tokens as unknown ones
    dataProviders:
      variant === 'v1' || variant === 'proconnect'
        ? []
        : [...groups.map((group) => providers[group].registration), ownProvider.registration],
  })

  const credentials: SandboxCredentials = {
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
  const dataProviderCredentials = {} as Record<
    DataProviderGroup,
    { clientId: string; clientSecret: string; decryptionKeys: EncryptionKey[] }
  >
  for (const group of groups) {
    const { registration, decryptionKeys } = providers[group]
    dataProviderCredentials[group] = { clientId: registration.clientId, clientSecret: registration.clientSecret, decryptionKeys }
  }
  let mocks: StartedMockApis
  try {
    mocks = await startMockApis({
      issuer: op.issuer,
      // ProConnect has no data API: its mocks stay up (the options need them) and refuse its tokens
      variant: variant === 'proconnect' ? 'v2' : variant,
      identities,
      dataProviders: dataProviderCredentials,
      apiKey: credentials.cnam.apiKey,
      dgfipGateway: { clientId: credentials.dgfip.clientId, clientSecret: credentials.dgfip.clientSecret },
      port: options.apisPort ?? (options.port ? options.port + 1 : 0),
    })
  } catch (error) {
    await op.close()
    throw error
  }
  const { apis } = mocks
  credentials.dgfip.tokenUrl = `${apis['impot-particulier']}/token`

  const particulier = (baseUrl: string) => ({ baseUrl, recipient: credentials.apiParticulier.recipient })
  const connectorOptions: SandboxConnectorOptions = {
    'impot-particulier': {
      baseUrl: apis['impot-particulier'],
      gatewayToken: credentials.dgfip.gatewayToken,
      idTeleservice: credentials.dgfip.idTeleservice,
    },
    'droits-assurance-maladie': { baseUrl: apis['droits-assurance-maladie'], apiKey: credentials.cnam.apiKey },
    'indemnites-journalieres': { baseUrl: apis['indemnites-journalieres'], apiKey: credentials.cnam.apiKey },
    'statut-etudiant': particulier(apis['statut-etudiant']),
    'statut-etudiant-boursier': particulier(apis['statut-etudiant-boursier']),
    'complementaire-sante-solidaire': particulier(apis['complementaire-sante-solidaire']),
    'revenu-solidarite-active': particulier(apis['revenu-solidarite-active']),
    'quotient-familial': particulier(apis['quotient-familial']),
    'france-travail-statut': { baseUrl: apis['france-travail-statut'] },
    'france-travail-paiements': { baseUrl: apis['france-travail-paiements'] },
  }

  const people: SandboxPerson[] = op.identities.map((person, index) => ({ ...(identities[index] ?? person), sub: person.sub }))
  let closed: Promise<void> | undefined

  return {
    variant,
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    registeredScopes: op.registeredScopes,
    redirectUri: op.redirectUri,
    postLogoutRedirectUri: op.postLogoutRedirectUri,
    ...(encryptionKeys ? { encryptionKeys } : {}),
    apis,
    credentials,
    connectorOptions,
    fetchAllParams: { 'impot-particulier': { annee: sandboxIncomeYear() } },
    identities: people,
    dataProvider: {
      clientId: ownProvider.registration.clientId,
      clientSecret: ownProvider.registration.clientSecret,
      decryptionKeys: ownProvider.decryptionKeys,
      jwks: ownProvider.publicJwks,
      registeredScopes: [...ownProvider.registration.scopes],
    },
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
