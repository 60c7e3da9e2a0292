import {
  allowInsecureRequests,
  type AuthorizationServer,
  type Client,
  type ClientAuth,
  type CustomFetchOptions,
  ClientSecretBasic,
  ClientSecretPost,
  clockTolerance,
  customFetch,
  modifyAssertion,
  PrivateKeyJwt as privateKeyJwtAuth,
} from 'oauth4webapi'
import { ConfigurationError } from '../errors/configuration-error.js'
import type { ProviderMetadata } from '../oidc/discovery.js'
import { importJwk } from '../oidc/import-jwk.js'
import { BufferedResponse } from '../http/buffered-response.js'
import { sendRequest } from '../http/send-request.js'
import type { FranceConnectEventName, Observation } from '../observability/observe.js'
import type { TokenAuthMethod } from '../providers/provider.js'
import type { ClientContext } from './context.js'
import type { PrivateKeyJwt } from './types.js'

/**
 * One exchange with the provider as oauth4webapi sees it: the authorization server (the checked
 * metadata, with the preset's algorithm allow-list in place of the advertised one), the client,
 * and the options that send every request through the SDK's transport.
 */
export interface OauthCall {
  readonly as: AuthorizationServer
  readonly client: Client
  readonly options: {
    [customFetch]: (url: string, init: CustomFetchOptions<string, unknown>) => Promise<Response>
    [allowInsecureRequests]?: boolean
  }
  /** The caller's signal, for what the exchange waits on besides its own requests (the key set). */
  readonly signal?: AbortSignal | undefined
  /** Every value sent so far (form fields, bearer token, Basic credentials): redacted wherever echoed back. */
  readonly sent: string[]
  /** The operation being observed, which learns the status and redacted URL of each response. */
  observation?: Observation | undefined
}

/**
 * Builds the oauth4webapi view of one exchange. The metadata's endpoints have already passed the
 * SDK's pinning (`checkProviderMetadata`), so plain HTTP is only allowed where the issuer is.
 *
 * @example
 * ```ts
 * const call = oauthCall(context, await context.metadata(), signal)
 * const response = await revocationRequest(call.as, call.client, auth, token, call.options)
 * ```
 */
export function oauthCall(context: ClientContext, metadata: ProviderMetadata, signal?: AbortSignal): OauthCall {
  const { provider } = context
  const as = authorizationServerOf(context, metadata)
  const client: Client = { client_id: context.options.clientId, [clockTolerance]: context.clockToleranceSec }
  const sent: string[] = []
  const transport = {
    ...context.transport(signal),
    sent,
    hooks: {
      onResponse(event: { status: number; url: string }) {
        if (call.observation === undefined || call.observation.unread) return
        call.observation.status = event.status
        call.observation.url = event.url
      },
    },
  }
  const call: OauthCall = {
    signal,
    as,
    client,
    sent,
    options: {
      [customFetch]: async (url, init) => {
        // oauth4webapi's options are a RequestInit (its `body` a string, URLSearchParams or undefined)
        const { status, headers, body } = await sendRequest(url, init as RequestInit, transport)
        return new BufferedResponse(status, headers, body, url) as unknown as Response
      },
      ...(provider.issuer.startsWith('http:') ? { [allowInsecureRequests]: true } : {}),
    },
  }
  return call
}

// Each client's authorization server, worked out once per discovery document (not per callback):
// by client, since it also holds the preset's rules.
const authorizationServers = new WeakMap<ClientContext, { metadata: ProviderMetadata; as: AuthorizationServer }>()

function authorizationServerOf(context: ClientContext, metadata: ProviderMetadata): AuthorizationServer {
  const known = authorizationServers.get(context)
  if (known?.metadata === metadata) return known.as
  const { provider } = context
  const as: AuthorizationServer = {
    ...(metadata as unknown as AuthorizationServer),
    // The preset's algorithms, never the provider's word alone ("none", HS256 where ES256 is due).
    id_token_signing_alg_values_supported: [...provider.signingAlgorithms],
    userinfo_signing_alg_values_supported: [...provider.signingAlgorithms],
    // RFC 9207: FranceConnect always sends `iss` to the callback, whatever its metadata says.
    authorization_response_iss_parameter_supported:
      provider.callbackIssRequired || metadata.authorization_response_iss_parameter_supported === true,
  }
  authorizationServers.set(context, { metadata, as })
  return as
}

/**
 * Runs one step of an exchange (the token request, userinfo, revocation) as an observed operation:
 * its event and span carry the status and redacted URL of the step's response.
 *
 * @example
 * ```ts
 * const response = await observeCall(context, call, 'franceconnect.userinfo', () => userInfoRequest(call.as, call.client, token, call.options))
 * ```
 */
export function observeCall<T>(
  context: ClientContext,
  call: OauthCall,
  name: FranceConnectEventName,
  run: () => Promise<T>,
): Promise<T> {
  return context.observe(name, async (observation) => {
    call.observation = observation
    try {
      return await run()
    } finally {
      call.observation = undefined
    }
  })
}

/**
 * The token endpoint authentication method: the one forced in the options, else `private_key_jwt`
 * when a key is given, else the first secret method the preset and the provider's metadata both list.
 */
export function chooseAuthMethod(context: ClientContext, metadata: ProviderMetadata): TokenAuthMethod {
  const { options, provider } = context
  const advertised = metadata.token_endpoint_auth_methods_supported
  const usable = (method: TokenAuthMethod) =>
    provider.tokenAuthMethods.includes(method) && (advertised === undefined || advertised.includes(method))
  if (options.tokenAuthMethod !== undefined) {
    if (!provider.tokenAuthMethods.includes(options.tokenAuthMethod)) {
      throw new ConfigurationError('configuration_invalid', `${provider.name} does not accept ${options.tokenAuthMethod}`)
    }
    return options.tokenAuthMethod
  }
  if (options.privateKeyJwt) {
    if (!usable('private_key_jwt'))
      throw new ConfigurationError('configuration_invalid', `${provider.name} does not accept private_key_jwt`)
    return 'private_key_jwt'
  }
  const method = provider.tokenAuthMethods.find((m) => m !== 'private_key_jwt' && usable(m))
  if (!method) throw new ConfigurationError('configuration_invalid', `${provider.name} accepts no client secret method`)
  return method
}

/**
 * The client authentication for a request to `endpoint`, done by oauth4webapi: `client_secret_post`,
 * `client_secret_basic`, or a `private_key_jwt` assertion (60 s, unique `jti`) whose audience is the
 * endpoint and whose header says `typ: JWT`, as FranceConnect's cores expect.
 */
export async function clientAuthentication(
  context: ClientContext,
  method: TokenAuthMethod,
  endpoint: string,
): Promise<ClientAuth> {
  const { clientSecret, privateKeyJwt } = context.options
  switch (method) {
    case 'client_secret_post':
      return ClientSecretPost(requireSecret(clientSecret))
    case 'client_secret_basic':
      return ClientSecretBasic(requireSecret(clientSecret))
    case 'private_key_jwt': {
      if (!privateKeyJwt) throw new ConfigurationError('configuration_invalid', 'private_key_jwt needs the privateKeyJwt option')
      const kid = privateKeyJwt.kid ?? ('kty' in privateKeyJwt.key ? privateKeyJwt.key.kid : undefined)
      const key = await signingKey(privateKeyJwt)
      return privateKeyJwtAuth(
        { key, ...(kid === undefined ? {} : { kid }) }, // oauth4webapi's PrivateKey takes no undefined kid
        {
          [modifyAssertion](header, payload) {
            header.typ = 'JWT'
            payload.aud = endpoint
          },
        },
      )
    }
  }
}

// The client's signing key, imported once per options object rather than at every token request.
const importedSigningKeys = new WeakMap<PrivateKeyJwt, Promise<CryptoKey>>()

function signingKey(privateKeyJwt: PrivateKeyJwt): Promise<CryptoKey> {
  const { key, alg } = privateKeyJwt
  if (!('kty' in key)) return Promise.resolve(key as CryptoKey)
  let imported = importedSigningKeys.get(privateKeyJwt)
  if (!imported) {
    imported = importJwk(key, alg, 'sign')
    importedSigningKeys.set(privateKeyJwt, imported)
  }
  return imported
}

function requireSecret(secret: string | undefined): string {
  if (secret === undefined) throw new ConfigurationError('configuration_invalid', 'This authentication method needs clientSecret')
  return secret
}
