import { TokenValidationError, type TokenKind } from '../errors/token-validation-error.js'
import { checkHeaderMembers, decryptToJws, type JweDecryption, readHeader } from './jwt-parts.js'
import type { KeySet } from './key-set.js'
import { lazyModule } from '../internal/lazy-module.js'

/** What a JWT must satisfy to be accepted, the decryption function included when it may be a JWE. */
export interface CheckedJwtExpectations {
  kind: TokenKind
  issuer: string
  audience: string
  /**
   * Other audiences a token may name beside `audience` (OpenID Connect Core §3.1.3.7): a token with
   * any other extra audience is refused, whatever its `azp` says. Default: none.
   */
  trustedAudiences?: readonly string[]
  /** Signature algorithms accepted; anything else (`none`, HS256 where ES256 is due) is refused. */
  algorithms: readonly string[]
  /** The provider's keys, for asymmetric algorithms. */
  keys?: KeySet
  /** The HMAC key, for HS256 (FranceConnect v1 keys the ID token with the client secret). */
  sharedSecret?: Uint8Array
  /** Decrypt a JWE first; `required` refuses a token that was only signed. */
  decryption?: JweDecryption & { required: boolean }
  clockToleranceSec: number
  /**
   * Claims that must be present. `iss` and `aud` are always checked when present and must be
   * present unless `issAud` is false (a generic provider's userinfo JWT); `sub` must be a non-empty
   * string unless `sub` is false (a checktoken answer, whose subject is inside `token_introspection`).
   */
  require: { exp: boolean; iat: boolean; issAud?: boolean; sub?: boolean }
  /** Current time in seconds (tests). */
  now?: number
}

/** A verified JWT: its claims and the signed (inner) token. */
export interface VerifiedJwt {
  payload: Record<string, unknown>
  /** The JWS: the token itself, or what was inside the JWE. */
  jws: string
  header: { alg: string; kid?: string | undefined }
}

const maxTokenLength = 64 * 1024
// jose's verifier is loaded with the first token, not when the app starts (startup time).
const jwsModule = lazyModule(() => import('jose/jws/compact/verify'))
const textDecoder = new TextDecoder()

/**
 * Verifies a JWT the way FranceConnect's rules require: decrypt when it is a JWE (refuse a plain JWS
 * where encryption is required), check the algorithm against an allow-list, the signature with the
 * provider's key (or the shared secret for HS256), then `iss`, `aud`/`azp`, `exp`, `iat`, `nbf`.
 * Every failure is a {@link TokenValidationError} whose code names the token and the problem. The JWE
 * decryption is the caller's (`expect.decryption.decrypt`): a client that never decrypts never loads it.
 *
 * @example
 * ```ts
 * const { payload } = await checkJwt(idToken, {
 *   kind: 'id_token', issuer, audience: clientId, algorithms: ['ES256'], keys,
 *   clockToleranceSec: 30, require: { exp: true, iat: true },
 * })
 * ```
 */
export async function checkJwt(token: unknown, expect: CheckedJwtExpectations): Promise<VerifiedJwt> {
  const { kind } = expect
  if (typeof token !== 'string' || token.length === 0 || token.length > maxTokenLength) {
    throw new TokenValidationError(kind, 'malformed', `The ${kind} is not a compact JWT`)
  }
  const jws = await unwrap(token, expect)
  const header = readHeader(jws, kind)
  if (typeof header.alg !== 'string' || !expect.algorithms.includes(header.alg)) {
    throw new TokenValidationError(
      kind,
      'alg',
      `The ${kind} is signed with an algorithm that is not accepted (expected ${expect.algorithms.join(' or ')})`,
    )
  }
  checkHeaderMembers(header, kind)
  const alg = header.alg
  const kid = header.kid as string | undefined
  const key = await verificationKey({ alg, kid }, expect)
  let payloadBytes: Uint8Array
  try {
    const { compactVerify } = await jwsModule()
    ;({ payload: payloadBytes } = await compactVerify(jws, key, { algorithms: [alg] }))
  } catch (cause) {
    const code = (cause as { code?: string }).code
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      throw new TokenValidationError(kind, 'signature', `The ${kind} signature is invalid`, cause)
    }
    throw new TokenValidationError(kind, 'malformed', `The ${kind} cannot be verified`, cause)
  }
  const payload = parseObject(payloadBytes, kind)
  checkClaims(payload, expect)
  return { payload, jws, header: { alg, ...(kid === undefined ? {} : { kid }) } }
}

async function unwrap(token: string, expect: CheckedJwtExpectations): Promise<string> {
  const { kind } = expect
  const parts = token.split('.').length
  if (parts === 3) {
    if (expect.decryption?.required) {
      throw new TokenValidationError(kind, 'not_encrypted', `The ${kind} must be encrypted but is only signed`)
    }
    return token
  }
  if (parts !== 5) throw new TokenValidationError(kind, 'malformed', `The ${kind} is not a compact JWT`)
  if (!expect.decryption) {
    throw new TokenValidationError(
      kind,
      'unexpected_encryption',
      `The ${kind} is encrypted but no decryption keys are configured`,
    )
  }
  return decryptToJws(token, kind, expect.decryption)
}

async function verificationKey(
  header: { alg: string; kid?: string | undefined },
  expect: CheckedJwtExpectations,
): Promise<CryptoKey | Uint8Array> {
  if (header.alg.startsWith('HS')) {
    if (!expect.sharedSecret)
      throw new TokenValidationError(expect.kind, 'alg', `The ${expect.kind} uses HMAC, which is not accepted`)
    return expect.sharedSecret
  }
  if (!expect.keys) throw new TokenValidationError(expect.kind, 'kid_unknown', `No provider key set to verify the ${expect.kind}`)
  return expect.keys.getKey(header, expect.kind)
}

function parseObject(bytes: Uint8Array, kind: TokenKind): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(textDecoder.decode(bytes))
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // reported below
  }
  throw new TokenValidationError(kind, 'malformed', `The ${kind} payload is not a JSON object`)
}

function checkClaims(payload: Record<string, unknown>, expect: CheckedJwtExpectations): void {
  const { kind, clockToleranceSec: tolerance } = expect
  const now = expect.now ?? Math.floor(Date.now() / 1000)
  const { aud, azp } = payload
  const mustHave = expect.require.issAud !== false
  if ((mustHave || payload.iss !== undefined) && payload.iss !== expect.issuer) {
    throw new TokenValidationError(kind, 'iss', `The ${kind} was not issued by the expected issuer`)
  }
  if (!mustHave && aud === undefined) {
    // nothing to check
  } else if (Array.isArray(aud)) {
    if (!aud.includes(expect.audience))
      throw new TokenValidationError(kind, 'aud', `The ${kind} is not meant for this client (aud)`)
    if (aud.length > 1 && azp === undefined) {
      throw new TokenValidationError(kind, 'azp', `The ${kind} has several audiences and no authorized party (azp)`)
    }
    // OpenID Connect Core §3.1.3.7: an extra audience must be one the client trusts, whatever azp says.
    const trusted = expect.trustedAudiences ?? []
    if (aud.some((other) => other !== expect.audience && !trusted.includes(other))) {
      throw new TokenValidationError(kind, 'aud', `The ${kind} is also meant for an audience this client does not trust (aud)`)
    }
  } else if (aud !== expect.audience) {
    throw new TokenValidationError(kind, 'aud', `The ${kind} is not meant for this client (aud)`)
  }
  if (azp !== undefined && azp !== expect.audience) {
    throw new TokenValidationError(kind, 'azp', `The ${kind} was issued to another party (azp)`)
  }
  if (expect.require.sub !== false && (typeof payload.sub !== 'string' || payload.sub.length === 0)) {
    throw new TokenValidationError(kind, 'sub', `The ${kind} has no subject (sub)`)
  }
  checkTime(payload, 'exp', expect.require.exp, kind, (exp) => exp + tolerance > now, 'expired', 'has expired')
  checkTime(payload, 'iat', expect.require.iat, kind, (iat) => iat - tolerance <= now, 'iat', 'is issued in the future (iat)')
  checkTime(payload, 'nbf', false, kind, (nbf) => nbf - tolerance <= now, 'nbf', 'is not valid yet (nbf)')
}

function checkTime(
  payload: Record<string, unknown>,
  claim: 'exp' | 'iat' | 'nbf',
  required: boolean,
  kind: TokenKind,
  isValid: (value: number) => boolean,
  problem: 'expired' | 'iat' | 'nbf',
  what: string,
): void {
  const value = payload[claim]
  if (value === undefined) {
    if (required) throw new TokenValidationError(kind, 'claims', `The ${kind} has no "${claim}" claim`)
    return
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TokenValidationError(kind, 'claims', `The ${kind} claim "${claim}" is not a number`)
  }
  if (!isValid(value)) throw new TokenValidationError(kind, problem, `The ${kind} ${what}`)
}
