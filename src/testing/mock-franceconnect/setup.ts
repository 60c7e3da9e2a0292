/**
 * What a mock FranceConnect is made of, resolved and checked from its options before anything
 * listens: the platform, the registered client, the people, the data providers, the keys.
 */
import { randomBytes } from 'node:crypto'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'
import { sandboxAgents, sandboxIdentities } from '../identities.js'
import { pairwiseSub } from './pairwise.js'
import { dataScopesOf, FC_PLUS_ENCRYPTION_ALGS, profileFor, type VariantProfile } from './platforms/index.js'
import { fetchPublicJwks } from './remote-jwks.js'
import { registeredScopesOf } from './rules/registered-scopes.js'
import type { MockDataProviderRegistration, MockIdentity, OpVariant, StartOpOptions } from './types.js'

/** The service registered at the mock. */
export interface OpClient {
  clientId: string
  clientSecret: string
  /** Shown on the consent page. */
  clientName: string
  redirectUri: string
  postLogoutRedirectUri: string
}

/** A mock, resolved from its options: what every part that builds it reads. */
export interface OpSetup {
  options: StartOpOptions
  profile: VariantProfile
  /** The ID token (and JWT userinfo) signing alg of the registered client. */
  signingAlg: string
  /** FranceConnect+: the alg the client's encryption key is registered with. */
  encryptionAlg: string | undefined
  identities: MockIdentity[]
  /** The data scopes the platform grants. */
  dataScopes: string[]
  client: OpClient
  dataProviders: Map<string, MockDataProviderRegistration>
  /** The client's habilitation; undefined: every scope the platform offers. */
  registeredScopes: string[] | undefined
  /** The OP's signing keys, ES256 and RS256. */
  privateJwks: JWK[]
  publicJwks: JWK[]
  /** The `sub` a client (or data provider) gets for an account: pairwise, or the account on ProConnect. */
  subFor(accountId: string, forClientId: string): string
  identity(accountId: string): MockIdentity | undefined
}

function signingAlgOf(variant: OpVariant, asked: StartOpOptions['signingAlg']): string {
  switch (variant) {
    case 'v1':
      return 'HS256' // keyed by the client secret
    case 'fcplus':
      return 'ES256'
    case 'v2':
      return asked ?? 'ES256'
    case 'proconnect':
    case 'generic':
      return asked ?? 'RS256'
  }
}

function pickEncryptionAlg(jwks: { keys: object[] } | undefined): string {
  const key = jwks?.keys.find((candidate) => (candidate as JWK).use === 'enc' || (candidate as JWK).use === undefined) as
    | JWK
    | undefined
  const alg = key?.alg
  if (!alg || !FC_PLUS_ENCRYPTION_ALGS.includes(alg)) {
    throw new TypeError(
      'fcplus: clientEncryptionJwks must hold a public key with use "enc" and alg ECDH-ES, RSA-OAEP or RSA-OAEP-256',
    )
  }
  for (const candidate of jwks?.keys ?? []) {
    if ('d' in candidate) throw new TypeError('fcplus: clientEncryptionJwks must hold PUBLIC keys only')
  }
  return alg
}

/** FC+ reads the service's keys at its registered jwks_uri; an inline key set stands for one. */
async function encryptionAlgOf(profile: VariantProfile, options: StartOpOptions): Promise<string | undefined> {
  if (!profile.encryption) return undefined
  const { clientEncryptionJwksUri: uri, clientEncryptionJwks: inline } = options
  return pickEncryptionAlg(uri ? await fetchPublicJwks(uri) : inline)
}

function identitiesOf(options: StartOpOptions): MockIdentity[] {
  const identities: MockIdentity[] = structuredClone([
    ...(options.identities ?? (options.variant === 'proconnect' ? sandboxAgents() : sandboxIdentities())),
  ])
  if (identities.length === 0) throw new TypeError('identities must not be empty')
  const ids = new Set<string>()
  for (const identity of identities) {
    if (typeof identity.id !== 'string' || identity.id === '' || ids.has(identity.id))
      throw new TypeError('each identity needs its own non-empty id')
    ids.add(identity.id)
  }
  return identities
}

function clientOf(options: StartOpOptions): OpClient {
  const clientId = options.clientId ?? randomBytes(32).toString('hex')
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('hex')
  if (clientSecret.length < 32) throw new TypeError('clientSecret must be at least 32 characters (v1 HS256 key)')
  return {
    clientId,
    clientSecret,
    clientName: options.clientName ?? `Service de test (${options.variant})`,
    redirectUri: options.redirectUri ?? 'http://127.0.0.1:3000/callback',
    postLogoutRedirectUri: options.postLogoutRedirectUri ?? 'http://127.0.0.1:3000/logout-callback',
  }
}

function checkDataProvider(registration: MockDataProviderRegistration): void {
  if (!registration.clientId || !registration.clientSecret)
    throw new TypeError('a data provider needs a clientId and a clientSecret')
  if (!registration.jwks) {
    // its keys are read from its jwks_uri at each checktoken, as FranceConnect does
    if (!registration.jwksUri) throw new TypeError('a data provider needs jwks or a jwksUri')
    return
  }
  const key = registration.jwks.keys.find(
    (candidate) =>
      candidate.use === 'enc' && (registration.encryptionAlg === undefined || candidate.alg === registration.encryptionAlg),
  )
  if (!key?.alg || !FC_PLUS_ENCRYPTION_ALGS.includes(key.alg)) {
    throw new TypeError(
      `data provider ${registration.name ?? registration.clientId}: its jwks needs a public key with use "enc" and alg ECDH-ES, RSA-OAEP or RSA-OAEP-256`,
    )
  }
  if (registration.jwks.keys.some((candidate) => 'd' in candidate))
    throw new TypeError('a data provider jwks must hold PUBLIC keys only')
}

function dataProvidersOf(options: StartOpOptions): Map<string, MockDataProviderRegistration> {
  const dataProviders = new Map<string, MockDataProviderRegistration>()
  for (const registration of options.dataProviders ?? []) {
    checkDataProvider(registration)
    dataProviders.set(registration.clientId, registration)
  }
  return dataProviders
}

async function signingKeys(): Promise<{ privateJwks: JWK[]; publicJwks: JWK[] }> {
  const privateJwks: JWK[] = []
  const publicJwks: JWK[] = []
  for (const alg of ['ES256', 'RS256'] as const) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true })
    const pub = await exportJWK(publicKey)
    const kid = await calculateJwkThumbprint(pub)
    publicJwks.push({ ...pub, kid, alg, use: 'sig' })
    privateJwks.push({ ...(await exportJWK(privateKey)), kid, alg, use: 'sig' })
  }
  return { privateJwks, publicJwks }
}

/**
 * Resolves and checks the options of `startMockFranceConnect` (throwing a TypeError on the first
 * that is wrong) and makes the OP's keys.
 *
 * @example
 * ```ts
 * const setup = await resolveSetup({ variant: 'v2' })
 * setup.subFor(setup.identities[0].id, setup.client.clientId) // 64 hex characters + 'v1'
 * ```
 */
export async function resolveSetup(options: StartOpOptions): Promise<OpSetup> {
  const profile = profileFor(options.variant)
  const signingAlg = signingAlgOf(profile.variant, options.signingAlg)
  const encryptionAlg = await encryptionAlgOf(profile, options)
  const identities = identitiesOf(options)
  const dataScopes = profile.acceptsDataScopes ? [...(options.dataScopes ?? dataScopesOf(profile.variant))] : []
  const client = clientOf(options)
  const dataProviders = dataProvidersOf(options)
  const { privateJwks, publicJwks } = await signingKeys()
  const pairwiseSecret = randomBytes(32).toString('hex')
  // ProConnect's subject type is public: the same sub for every service
  const subFor = (accountId: string, forClientId: string) =>
    profile.subjectType === 'public' ? accountId : pairwiseSub(accountId, forClientId, pairwiseSecret)
  return {
    options,
    profile,
    signingAlg,
    encryptionAlg,
    identities,
    dataScopes,
    client,
    dataProviders,
    registeredScopes: registeredScopesOf(profile, dataScopes, options.scopes),
    privateJwks,
    publicJwks,
    subFor,
    identity: (accountId) => identities.find((candidate) => candidate.id === accountId),
  }
}
