import { base64urlDecode } from '../internal/base64url.js'
import { jwksCache, validateApplicationLevelSignature } from 'oauth4webapi'
import { TokenValidationError, type TokenKind } from '../errors/token-validation-error.js'
import type { VerifiedJwt } from '../oidc/check-jwt.js'
import { checkHeaderMembers, decryptToJws, readHeader } from '../oidc/jwt-parts.js'
import { untilAborted } from '../http/until-aborted.js'
import type { ClientContext } from './context.js'
import type { OauthCall } from './oauth.js'
import { fromOauth } from './oauth-errors.js'

export type { VerifiedJwt } from '../oidc/check-jwt.js'

/** A JWT the provider sent, as oauth4webapi processed it: the raw token, the JWS inside, the claims. */
export interface ProcessedJwt {
  /** What the provider sent: a JWS, or a JWE (FranceConnect+). */
  raw: string
  /** The signed token: `raw` itself, or what the decryption hook found inside. */
  jws: string
  claims: Record<string, unknown>
  /** The Response oauth4webapi processed (its reference to the JWT, for the signature check). */
  ref: Response
}

const maxTokenLength = 64 * 1024

/**
 * The `jweDecrypt` hook given to oauth4webapi for one response: decrypts with the client's keys and
 * the preset's decryption (`franceConnectPlus()` supplies it, so a v2 client never carries it), and
 * remembers the JWS found inside. Undefined when the client cannot decrypt: oauth4webapi then refuses
 * an encrypted token.
 */
export function decryptionHook(
  context: ClientContext,
  kind: TokenKind,
  found: { jws?: string },
): ((jwe: string) => Promise<string>) | undefined {
  const { decryptionKeys, provider } = context
  if (!decryptionKeys || !provider.decryptJwe) return undefined
  const decryption = {
    keys: decryptionKeys,
    decrypt: provider.decryptJwe,
    contentEncryptionAlgorithms: provider.encryption?.contentEncryptionAlgorithms ?? ['A256GCM', 'A128GCM', 'A192GCM'],
  }
  return async (jwe) => {
    found.jws = await decryptToJws(jwe, kind, decryption)
    return found.jws
  }
}

/**
 * What the SDK checks of a provider's JWT after oauth4webapi has checked its claims (`iss`, `aud`,
 * `exp`, `nbf`, the nonce, `azp` with several audiences): encryption where the preset requires it,
 * the header (no `jku`/`x5u`/`jwk`), the rules oauth4webapi leaves open (`iat` present and not in the
 * future, a non-empty `sub`, extra audiences only among `trustedAudiences`, `azp` the client whenever
 * present, `iss`/`aud` present in a userinfo JWT), then the signature: the SDK's key set picks the key
 * (its refresh, cooldown and shared-cache rules), oauth4webapi verifies with it; HS256 (FranceConnect
 * v1, keyed with the client secret) is verified with Web Crypto's HMAC.
 */
export async function verifyProcessedJwt(
  context: ClientContext,
  call: OauthCall,
  token: ProcessedJwt,
  kind: TokenKind,
  require: { iat: boolean; issAud: boolean },
): Promise<VerifiedJwt> {
  const { raw, jws, claims } = token
  if (raw.length > maxTokenLength) throw new TokenValidationError(kind, 'malformed', `The ${kind} is too long`)
  if (context.provider.encryption?.required && raw.split('.').length === 3) {
    throw new TokenValidationError(kind, 'not_encrypted', `The ${kind} must be encrypted but is only signed`)
  }
  const header = readHeader(jws, kind)
  checkHeaderMembers(header, kind)
  checkRemainingClaims(context, claims, kind, require)
  const alg = header.alg as string
  const kid = header.kid as string | undefined
  if (alg.startsWith('HS')) await verifyHmac(context, jws, alg, kind)
  else await verifyWithProviderKey(context, call, token, { alg, kid }, kind)
  return { payload: claims, jws, header: { alg, ...(kid === undefined ? {} : { kid }) } }
}

function checkRemainingClaims(
  context: ClientContext,
  claims: Record<string, unknown>,
  kind: TokenKind,
  require: { iat: boolean; issAud: boolean },
): void {
  const audience = context.options.clientId
  const { aud, azp, iat } = claims
  if (require.issAud && claims.iss === undefined) throw new TokenValidationError(kind, 'iss', `The ${kind} has no issuer (iss)`)
  if (require.issAud && aud === undefined) throw new TokenValidationError(kind, 'aud', `The ${kind} has no audience (aud)`)
  // OpenID Connect Core §3.1.3.7: an extra audience must be one the client trusts, whatever azp says.
  const trusted = context.options.trustedAudiences ?? []
  if (Array.isArray(aud) && aud.some((other) => other !== audience && !trusted.includes(other))) {
    throw new TokenValidationError(kind, 'aud', `The ${kind} is also meant for an audience this client does not trust (aud)`)
  }
  if (azp !== undefined && azp !== audience) {
    throw new TokenValidationError(kind, 'azp', `The ${kind} was issued to another party (azp)`)
  }
  if (kind === 'id_token' && (typeof claims.sub !== 'string' || claims.sub.length === 0)) {
    throw new TokenValidationError(kind, 'sub', `The ${kind} has no subject (sub)`)
  }
  if (iat === undefined) {
    if (require.iat) throw new TokenValidationError(kind, 'claims', `The ${kind} has no "iat" claim`)
    return
  }
  // oauth4webapi checks only that iat is a number: a token issued in the future is refused here.
  if (typeof iat !== 'number' || !Number.isFinite(iat)) {
    throw new TokenValidationError(kind, 'claims', `The ${kind} claim "iat" is not a number`)
  }
  if (iat - context.clockToleranceSec > Math.floor(Date.now() / 1000)) {
    throw new TokenValidationError(kind, 'iat', `The ${kind} is issued in the future (iat)`)
  }
}

async function verifyWithProviderKey(
  context: ClientContext,
  call: OauthCall,
  token: ProcessedJwt,
  header: { alg: string; kid?: string | undefined },
  kind: TokenKind,
): Promise<void> {
  const keys = await context.keys(call.signal)
  if (!keys) throw new TokenValidationError(kind, 'kid_unknown', `No provider key set to verify the ${kind}`)
  const jwk = await untilAborted(keys.getJwk(header, kind), call.signal)
  try {
    // The key set has chosen the one key; oauth4webapi imports it (cached per key) and checks the signature.
    await validateApplicationLevelSignature({ ...call.as }, token.ref, {
      ...call.options,
      [jwksCache]: { jwks: { keys: [jwk] }, uat: Math.floor(Date.now() / 1000) },
    })
  } catch (error) {
    throw fromOauth(error, kind)
  }
}

// The client secret as an HMAC key, imported once per client and algorithm.
const hmacKeys = new WeakMap<ClientContext, Map<string, Promise<CryptoKey>>>()

async function verifyHmac(context: ClientContext, jws: string, alg: string, kind: TokenKind): Promise<void> {
  const { sharedSecret } = context
  if (!sharedSecret) throw new TokenValidationError(kind, 'alg', `The ${kind} uses HMAC, which is not accepted`)
  let keys = hmacKeys.get(context)
  if (!keys) {
    keys = new Map()
    hmacKeys.set(context, keys)
  }
  let key = keys.get(alg)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      sharedSecret as Uint8Array<ArrayBuffer>,
      { name: 'HMAC', hash: `SHA-${alg.slice(2)}` },
      false,
      ['verify'],
    )
    keys.set(alg, key)
  }
  const signingInput = jws.slice(0, jws.lastIndexOf('.'))
  let signature: Uint8Array<ArrayBuffer>
  try {
    signature = base64urlDecode(jws.slice(jws.lastIndexOf('.') + 1))
  } catch (cause) {
    throw new TokenValidationError(kind, 'malformed', `The ${kind} signature cannot be decoded`, cause)
  }
  const valid = await crypto.subtle.verify('HMAC', await key, signature, new TextEncoder().encode(signingInput))
  if (!valid) throw new TokenValidationError(kind, 'signature', `The ${kind} signature is invalid`)
}
