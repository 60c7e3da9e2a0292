import { modifyAssertion, PrivateKeyJwt as privateKeyJwtAuth } from 'oauth4webapi'
import { ConfigurationError } from '../errors/configuration-error.js'
import type { ProviderMetadata } from '../oidc/discovery.js'
import { importJwk } from '../oidc/import-jwk.js'
import type { TokenAuthMethod } from '../providers/provider.js'
import type { ClientContext } from './context.js'
import type { PrivateKeyJwt } from './types.js'

/** The body fields and headers that authenticate the client at an endpoint. */
export interface ClientAuthentication {
  body: Record<string, string>
  headers: Record<string, string>
  /** Every secret value sent, in each form it was sent in: redacted wherever the provider echoes it. */
  secrets: string[]
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
 * Builds the client authentication for a request to `endpoint`: `client_id` and `client_secret` in the
 * body, a Basic header, or a signed assertion (`private_key_jwt`, 60 s, unique `jti`).
 */
export async function authenticateClient(
  context: ClientContext,
  method: TokenAuthMethod,
  endpoint: string,
): Promise<ClientAuthentication> {
  const { clientId, clientSecret, privateKeyJwt } = context.options
  switch (method) {
    case 'client_secret_post': {
      const secret = requireSecret(clientSecret)
      return { body: { client_id: clientId, client_secret: secret }, headers: {}, secrets: [secret] }
    }
    case 'client_secret_basic': {
      const secret = requireSecret(clientSecret)
      const credentials = `${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`
      const encoded = btoa(credentials)
      return { body: {}, headers: { authorization: `Basic ${encoded}` }, secrets: [secret, credentials, encoded] }
    }
    case 'private_key_jwt': {
      if (!privateKeyJwt) throw new ConfigurationError('configuration_invalid', 'private_key_jwt needs the privateKeyJwt option')
      const kid = privateKeyJwt.kid ?? ('kty' in privateKeyJwt.key ? privateKeyJwt.key.kid : undefined)
      const key = await signingKey(privateKeyJwt)
      // oauth4webapi signs the assertion with Web Crypto (iss = sub = client_id, jti, iat, exp 60 s);
      // the SDK keeps the endpoint as audience and `typ: JWT`, as FranceConnect's cores expect.
      const sign = privateKeyJwtAuth(
        { key, ...(kid === undefined ? {} : { kid }) },
        {
          [modifyAssertion](header, payload) {
            header.typ = 'JWT'
            payload.aud = endpoint
          },
        },
      )
      const body = new URLSearchParams()
      await sign({ issuer: context.provider.issuer }, { client_id: clientId }, body, new Headers())
      const assertion = body.get('client_assertion') ?? ''
      return {
        body: {
          client_id: clientId,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
        },
        headers: {},
        secrets: [assertion],
      }
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
