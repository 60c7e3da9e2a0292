import { randomBytes } from 'node:crypto'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import { ConfigurationError } from '../errors/configuration-error.js'
import { toPublicEncryptionJwk, type EncryptionKey } from '../oidc/encryption-keys.js'
import { sandboxIdentities, sandboxIncomeYear } from './identities.js'
import { dataProviderApis, scopesOfApi, startMockApis, type DataProviderGroup, type StartedMockApis } from './mock-apis/index.js'
import {
  dataScopesOf,
  startMockFranceConnect,
  type MockDataProviderRegistration,
  type StartedOp,
} from './mock-franceconnect/index.js'
import { loadOidcProvider } from './mock-franceconnect/load-oidc-provider.js'
import type {
  Sandbox,
  SandboxConnectorOptions,
  SandboxCredentials,
  SandboxOptions,
  SandboxPerson,
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

const hex = (bytes: number) => randomBytes(bytes).toString('hex')

interface RegisteredDataProvider {
  registration: MockDataProviderRegistration
  decryptionKeys: EncryptionKey[]
}

async function registerDataProvider(
  name: string,
  scopes: readonly string[],
  keyAlg: KeyAlg,
  signingAlg: 'ES256' | 'RS256',
): Promise<RegisteredDataProvider> {
  const { privateJwk, publicJwk } = await encryptionKeyPair(keyAlg, `${name}-enc-1`)
  return {
    decryptionKeys: [privateJwk],
    registration: {
      name,
      clientId: hex(32),
      clientSecret: hex(32),
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
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const variant: SandboxVariant = options.variant ?? 'v2'
  if (!['v2', 'fcplus', 'v1'].includes(variant)) {
    throw new ConfigurationError('configuration_invalid', 'startSandbox: variant must be v2, fcplus or v1')
  }
  // fails first, with a ConfigurationError saying `npm install -D oidc-provider`, when it is missing
  await loadOidcProvider()
  const identities = structuredClone([...(options.identities ?? sandboxIdentities())])

  // The data providers behind the mock APIs, and one for the user's own API, each registered at the
  // mock FranceConnect with its scopes and its encryption key.
  const groups = Object.keys(dataProviderApis) as DataProviderGroup[]
  const providers = {} as Record<DataProviderGroup, RegisteredDataProvider>
  for (const group of groups) {
    const scopes = dataProviderApis[group].flatMap(scopesOfApi)
    // DGFiP with RS256 / RSA-OAEP-256, the others ES256 / ECDH-ES: both families FranceConnect offers (§12.1)
    providers[group] =
      group === 'dgfip'
        ? await registerDataProvider(group, scopes, 'RSA-OAEP-256', 'RS256')
        : await registerDataProvider(group, scopes, 'ECDH-ES', 'ES256')
  }
  const ownProvider = await registerDataProvider('sandbox-data-provider', dataScopesOf(variant), 'ECDH-ES', 'ES256')

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
    ...(options.clientId === undefined ? {} : { clientId: options.clientId }),
    ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
    clientName: options.clientName ?? 'Démarche de test (bac à sable)',
    ...(options.redirectUri === undefined ? {} : { redirectUri: options.redirectUri }),
    ...(options.postLogoutRedirectUri === undefined ? {} : { postLogoutRedirectUri: options.postLogoutRedirectUri }),
    ...(clientEncryptionJwks ? { clientEncryptionJwks } : {}),
    dataProviders: variant === 'v1' ? [] : [...groups.map((group) => providers[group].registration), ownProvider.registration],
  })

  const credentials: SandboxCredentials = {
    apiParticulier: { recipient: sandboxRecipient },
    dgfip: {
      gatewayToken: hex(24),
      idTeleservice: 'SANDBOX-TELESERVICE-01',
      tokenUrl: '',
      clientId: hex(16),
      clientSecret: hex(32),
    },
    cnam: { apiKey: hex(24) },
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
      variant,
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
      jwks: ownProvider.registration.jwks,
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
