import { ConfigurationError } from '../errors/configuration-error.js'
import { TokenValidationError } from '../errors/token-validation-error.js'
import { toProviderError } from '../http/read-json.js'
import { sendRequest } from '../http/send-request.js'
import type { KeySet } from '../oidc/key-set.js'
import { verifyJwt } from '../oidc/verify-jwt.js'
import { checktokenContentEncryption, checktokenSigningAlgorithms } from './algorithms.js'
import { readIntrospection } from './introspection.js'
import type { ResolvedChecktokenOptions } from './options.js'
import type { AccessTokenResult } from './types.js'

const introspectionMediaType = 'application/token-introspection+jwt'

/**
 * Asks FranceConnect v2 / FranceConnect+ about an access token and verifies the answer:
 * `POST {checktoken}` with exactly `token`, `client_id`, `client_secret`; a 200
 * `application/token-introspection+jwt` whose body is a JWE (A256GCM, no `kid`: decrypted with the
 * data provider's key of the header's `alg`) wrapping a JWS signed by FranceConnect (ES256 or RS256,
 * key from its JWKS by `kid`); `iss` the issuer, `aud` the data provider, `iat` neither older than
 * `maxAgeSec` nor in the future. Anything else is a typed error, never an active result.
 *
 * @example
 * ```ts
 * const result = await checktokenV2(token, resolveChecktokenOptions(options), keySet)
 * ```
 */
export async function checktokenV2(token: string, options: ResolvedChecktokenOptions, keys: KeySet): Promise<AccessTokenResult> {
  const decryptionKeys = options.decryptionKeys
  if (!decryptionKeys) throw new ConfigurationError('configuration_invalid', 'The v2 checktoken needs decryptionKeys')
  const body = new URLSearchParams({ token, client_id: options.clientId, client_secret: options.clientSecret })
  const response = await sendRequest(
    options.checktokenEndpoint,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: `${introspectionMediaType}, application/json`,
      },
      body: body.toString(),
    },
    options.transport,
  )
  if (response.status !== 200) throw toProviderError('checktoken_error', response, [...body.values()])

  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (mediaType !== introspectionMediaType) {
    throw new TokenValidationError(
      'checktoken',
      'not_encrypted',
      `The checktoken answer is not an encrypted ${introspectionMediaType} (content type ${describeMediaType(mediaType)})`,
    )
  }

  const now = Math.floor(Date.now() / 1000)
  const tolerance = options.clockToleranceSec
  const { payload } = await verifyJwt(response.body.trim(), {
    kind: 'checktoken',
    issuer: options.issuer,
    audience: options.clientId,
    algorithms: checktokenSigningAlgorithms,
    keys,
    // FranceConnect always encrypts: a JWS alone is refused.
    decryption: { keys: decryptionKeys, contentEncryptionAlgorithms: [checktokenContentEncryption], required: true },
    clockToleranceSec: tolerance,
    // The outer JWT has neither exp nor sub: its age is bounded by iat below.
    require: { exp: false, iat: true, sub: false },
    now,
  })
  const iat = payload.iat as number
  if (now - iat > options.maxAgeSec + tolerance) {
    throw new TokenValidationError('checktoken', 'iat', `The checktoken answer is older than ${options.maxAgeSec} s (iat)`)
  }
  return readIntrospection(payload.token_introspection, now, tolerance)
}

function describeMediaType(mediaType: string | undefined): string {
  if (mediaType === undefined || mediaType.length === 0) return 'missing'
  return /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) && mediaType.length <= 100 ? mediaType : 'unrecognized'
}
