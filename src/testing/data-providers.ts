/**
 * The sandbox's data providers, registered at the mock FranceConnect: one behind each group of mock
 * APIs (API Particulier, DGFiP, CNAM, France Travail), and one for the user's own API.
 */
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import { toPublicEncryptionJwk, type EncryptionKey } from '../oidc/encryption-keys.js'
import { type DataProviderCredentials, type DataProviderGroup, dataProviderApis, scopesOfApi } from './mock-apis/index.js'
import { dataScopesOf, type MockDataProviderRegistration, type OpVariant } from './mock-franceconnect/index.js'
import type { seededSecrets } from './seeded-secrets.js'
import type { SandboxDataProvider } from './types.js'

type KeyAlg = 'ECDH-ES' | 'RSA-OAEP-256'

/** An encryption key pair, private and public JWK, with `kid`, `alg` and `use: "enc"`. */
export async function encryptionKeyPair(alg: KeyAlg, kid: string): Promise<{ privateJwk: EncryptionKey; publicJwk: JWK }> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'ECDH-ES' ? { crv: 'P-256' } : {}) })
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg, use: 'enc' } as EncryptionKey
  return { privateJwk, publicJwk: toPublicEncryptionJwk(privateJwk) }
}

type SecretMaker = ReturnType<typeof seededSecrets>

/** A data provider registered at the mock FranceConnect, with its private keys. */
export interface RegisteredDataProvider {
  registration: MockDataProviderRegistration
  decryptionKeys: EncryptionKey[]
  publicJwks: { keys: JWK[] }
}

/** Registers one data provider: credentials from `secrets`, a fresh encryption key. */
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

/** The data providers behind the mock APIs. */
export const dataProviderGroups = () => Object.keys(dataProviderApis) as DataProviderGroup[]

/**
 * The data providers behind the mock APIs, and one for the user's own API, each registered at the
 * mock FranceConnect with its scopes and its encryption key.
 */
export async function registerDataProviders(
  secrets: SecretMaker,
  variant: OpVariant,
): Promise<{ providers: Record<DataProviderGroup, RegisteredDataProvider>; ownProvider: RegisteredDataProvider }> {
  const providers = {} as Record<DataProviderGroup, RegisteredDataProvider>
  for (const group of dataProviderGroups()) {
    const scopes = dataProviderApis[group].flatMap(scopesOfApi)
    // DGFiP with RS256 / RSA-OAEP-256, the others ES256 / ECDH-ES: both families FranceConnect offers
    providers[group] =
      group === 'dgfip'
        ? await registerDataProvider(secrets, group, scopes, 'RSA-OAEP-256', 'RS256')
        : await registerDataProvider(secrets, group, scopes, 'ECDH-ES', 'ES256')
  }
  const ownProvider = await registerDataProvider(secrets, 'sandbox-data-provider', dataScopesOf(variant), 'ECDH-ES', 'ES256')
  return { providers, ownProvider }
}

/** The data provider registered for the user's own API, as `sandbox.dataProvider` gives it. */
export function ownDataProvider(own: RegisteredDataProvider): SandboxDataProvider {
  return {
    clientId: own.registration.clientId,
    clientSecret: own.registration.clientSecret,
    decryptionKeys: own.decryptionKeys,
    jwks: own.publicJwks,
    registeredScopes: [...own.registration.scopes],
  }
}

/** What the mock APIs need of each data provider to check tokens at checktoken. */
export function credentialsOfDataProviders(
  providers: Record<DataProviderGroup, RegisteredDataProvider>,
): Record<DataProviderGroup, DataProviderCredentials> {
  const credentials = {} as Record<DataProviderGroup, DataProviderCredentials>
  for (const group of dataProviderGroups()) {
    const { registration, decryptionKeys } = providers[group]
    credentials[group] = { clientId: registration.clientId, clientSecret: registration.clientSecret, decryptionKeys }
  }
  return credentials
}
