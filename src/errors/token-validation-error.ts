import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** Which JWT failed: the ID token, the userinfo response, a logout token, a checktoken answer. */
export type TokenKind = 'id_token' | 'userinfo' | 'checktoken'

/** What was wrong with it. */
export type TokenProblem =
  | 'malformed'
  | 'alg'
  | 'header'
  | 'kid_unknown'
  | 'signature'
  | 'not_encrypted'
  | 'not_signed'
  | 'unexpected_encryption'
  | 'decryption'
  | 'iss'
  | 'aud'
  | 'azp'
  | 'expired'
  | 'iat'
  | 'nbf'
  | 'nonce'
  | 'sub'
  | 'claims'
  | 'at_hash'

/** `${kind}_${problem}`, e.g. `id_token_signature`, `userinfo_sub`, `checktoken_aud`. */
export type TokenValidationErrorCode = `${TokenKind}_${TokenProblem}`

/**
 * A token or signed response failed verification. The code says which one and what was wrong:
 * `id_token_alg` (alg `none`, or HS256 where ES256 is due), `id_token_signature`, `id_token_expired`,
 * `id_token_nonce`, `userinfo_not_signed`, `userinfo_sub`, `id_token_not_encrypted` (FranceConnect+)…
 *
 * @example
 * ```ts
 * // TokenValidationError { code: 'id_token_aud', kind: 'id_token', problem: 'aud' }
 * ```
 */
export class TokenValidationError extends FranceConnectSdkError {
  override name = 'TokenValidationError'
  declare readonly code: TokenValidationErrorCode
  readonly kind: TokenKind
  readonly problem: TokenProblem

  constructor(kind: TokenKind, problem: TokenProblem, message: string, cause?: unknown) {
    super(`${kind}_${problem}`, message, { cause })
    this.kind = kind
    this.problem = problem
  }
}
