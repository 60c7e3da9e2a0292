/**
 * The revocation request as FranceConnect's core checks it before oidc-provider sees it
 * (france-connect/sources `back/libs/oidc-provider/src/dto/revocation-token-params.dto.ts`).
 */
import { PASS, type Verdict } from './verdict.js'

const REVOCATION_FIELDS = ['token', 'client_id', 'client_secret'] as const
// RevocationTokenParamsDTO: no dot, star, question mark, braces, parentheses, pipe, brackets, space or backslash
const SAFE_TOKEN = /^[^.*?{}()|[\]\s\\]*$/
// biome-ignore lint/suspicious/noControlCharactersInRegex: IsAscii is the printable and control ASCII range
const ASCII = /^[\x00-\x7F]+$/

/**
 * POST /token/revocation body (RevocationTokenParamsDTO, whitelist + forbidNonWhitelisted): exactly
 * `token` (≥ 43 safe characters), `client_id`, `client_secret` (≥ 32 ASCII characters).
 *
 * @example
 * ```ts
 * checkRevocationBody(new URLSearchParams({ token, client_id, client_secret, token_type_hint: 'access_token' }))
 * // { kind: 'json', status: 400, body: { error: 'invalid_request', … } }
 * ```
 */
export function checkRevocationBody(body: URLSearchParams): Verdict {
  const refuse = (description: string): Verdict => ({
    kind: 'json',
    status: 400,
    body: { error: 'invalid_request', error_description: description },
  })
  for (const key of body.keys()) {
    if (!(REVOCATION_FIELDS as readonly string[]).includes(key)) return refuse(`property ${key} should not exist`)
  }
  for (const key of REVOCATION_FIELDS) {
    if (!body.get(key)) return refuse('Required parameter missing or invalid.')
  }
  const token = body.get('token') ?? ''
  if (token.length < 43 || !SAFE_TOKEN.test(token)) return refuse('token must be longer than or equal to 43 characters')
  const secret = body.get('client_secret') ?? ''
  if (secret.length < 32 || !ASCII.test(secret)) return refuse('client_secret must be longer than or equal to 32 characters')
  return PASS
}
