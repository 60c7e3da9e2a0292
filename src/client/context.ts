import { ConfigurationError } from '../errors/configuration-error.js'
import { untilAborted } from '../http/until-aborted.js'
import type { TransportOptions } from '../http/send-request.js'
import { assertSecureUrl } from '../http/secure-url.js'
import { createObserver, type Observe, observationHooks } from '../observability/observe.js'
import { checkProviderMetadata, loadProviderMetadata, type ProviderMetadata } from '../oidc/discovery.js'
import { createDecryptionKeys, type DecryptionKeys } from '../oidc/encryption-keys.js'
import { createKeySet, type KeySet } from '../oidc/key-set.js'
import { singleFlight } from '../internal/single-flight.js'
import type { Provider } from '../providers/provider.js'
import { memoryStore } from '../stores/memory-store.js'
import type { TransactionStore } from '../stores/transaction-store.js'
import type { ClientOptions } from './types.js'

/** Everything the client's operations share: options checked once, caches, the store. */
export interface ClientContext {
  readonly options: ClientOptions
  readonly provider: Provider
  readonly store: TransactionStore
  readonly decryptionKeys?: DecryptionKeys
  readonly sharedSecret?: Uint8Array
  readonly clockToleranceSec: number
  readonly transactionTtlSec: number
  transport(signal?: AbortSignal): TransportOptions
  /** Reports one operation to the app's logger, `events` callback and OpenTelemetry tracer. */
  observe: Observe
  /** The provider's metadata: discovered once, however many calls wait for it. */
  metadata(signal?: AbortSignal): Promise<ProviderMetadata>
  /** The provider's signing keys (undefined when it has no `jwks_uri`, e.g. FranceConnect v1). */
  keys(signal?: AbortSignal): Promise<KeySet | undefined>
}

/**
 * Checks the client options and builds the shared context. Throws a ConfigurationError for anything
 * that could only fail later: missing secret, insecure URLs, FranceConnect+ without keys.
 */
export function createClientContext(options: ClientOptions): ClientContext {
  const { provider } = options
  if (!provider || typeof provider.issuer !== 'string') {
    throw new ConfigurationError('configuration_invalid', 'createClient needs a provider preset, e.g. franceConnect({ env })')
  }
  if (typeof options.clientId !== 'string' || options.clientId.length === 0) {
    throw new ConfigurationError('configuration_invalid', 'createClient needs a clientId')
  }
  if (options.clientSecret === undefined && options.privateKeyJwt === undefined) {
    throw new ConfigurationError('configuration_invalid', 'createClient needs a clientSecret or a privateKeyJwt')
  }
  if (provider.signingAlgorithms.includes('HS256') && options.clientSecret === undefined) {
    throw new ConfigurationError('configuration_invalid', `${provider.name} signs with the client secret: give clientSecret`)
  }
  assertSecureUrl(provider.issuer, 'The issuer', { allowHttp: provider.insecureHttp === true })
  assertSecureUrl(options.redirectUri, 'redirectUri')
  if (options.postLogoutRedirectUri !== undefined) assertSecureUrl(options.postLogoutRedirectUri, 'postLogoutRedirectUri')
  for (const uri of options.postLogoutRedirectUris ?? []) assertSecureUrl(uri, 'postLogoutRedirectUris')
  if (provider.encryption?.required && !options.encryptionKeys?.length) {
    throw new ConfigurationError(
      'configuration_invalid',
      `${provider.name} encrypts tokens to the client: give encryptionKeys (and serve client.jwks() at your jwks_uri)`,
    )
  }
  if (options.userinfo !== undefined && !(provider.userinfoChoices ?? [provider.userinfo]).includes(options.userinfo)) {
    throw new ConfigurationError('configuration_invalid', `${provider.name} answers userinfo as ${provider.userinfo} only`)
  }
  if (options.acr !== undefined && provider.acr && !provider.acr.allowed.includes(options.acr)) {
    throw new ConfigurationError('configuration_invalid', `${provider.name} does not offer the level "${options.acr}"`)
  }

  const timeoutMs = options.timeoutMs ?? 10_000
  const transport = (signal?: AbortSignal): TransportOptions => ({
    timeoutMs,
    fetch: options.fetch,
    signal,
  })

  const observe = createObserver(provider.id, options)
  let metadata: ProviderMetadata | undefined
  const shared = options.cache
  const discover = singleFlight(async () => {
    const key = `discovery:${provider.issuer}`
    // The shared cache is an optimisation: when it fails, the provider is asked as usual.
    const cached = await shared?.get(key).catch(() => undefined)
    // Anyone who can write to the shared cache could plant a document there: it is checked like a
    // fetched one, and one that is unreadable or fails a check is ignored and the provider asked.
    const fromCache = typeof cached === 'string' ? cachedMetadata(provider, cached) : undefined
    if (fromCache) {
      metadata = fromCache
      return metadata
    }
    metadata = await observe('franceconnect.discovery', (observation) =>
      loadProviderMetadata(provider, { ...transport(), hooks: observationHooks(observation) }),
    )
    await shared?.set(key, JSON.stringify(metadata), 3600).catch(() => undefined)
    return metadata
  })
  let keySet: KeySet | undefined

  const context: ClientContext = {
    options,
    provider,
    store: options.store ?? memoryStore(),
    ...(options.encryptionKeys?.length ? { decryptionKeys: createDecryptionKeys(options.encryptionKeys) } : {}),
    ...(options.clientSecret !== undefined ? { sharedSecret: new TextEncoder().encode(options.clientSecret) } : {}),
    clockToleranceSec: options.clockToleranceSec ?? 30,
    transactionTtlSec: options.transactionTtlSec ?? 1800,
    transport,
    observe,
    async metadata(signal) {
      return metadata ?? untilAborted(discover(), signal)
    },
    async keys(signal) {
      if (keySet) return keySet
      const { jwks_uri: jwksUri } = await context.metadata(signal)
      if (jwksUri === undefined) return undefined
      keySet ??= createKeySet(jwksUri, transport(), { observe, shared })
      return keySet
    },
  }
  return context
}

function cachedMetadata(provider: Provider, cached: string): ProviderMetadata | undefined {
  try {
    const document: unknown = JSON.parse(cached)
    if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined
    return checkProviderMetadata(provider, document as Record<string, unknown>)
  } catch {
    return undefined
  }
}
