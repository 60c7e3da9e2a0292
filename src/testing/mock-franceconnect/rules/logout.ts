/**
 * The end-session request as FranceConnect's core validates it before oidc-provider sees it
 * (france-connect/sources `back/libs/oidc-provider/src/dto/logout-params.dto.ts` with whitelist +
 * forbidNonWhitelisted, `oidc-provider.controller.ts` getEndSession): `id_token_hint` required, then
 * only the listed optional parameters.
 */
import type { Verdict } from './verdict.js'

const LOGOUT_PARAMS = new Set(['id_token_hint', 'post_logout_redirect_uri', 'state', 'client_id', 'logout_hint', 'ui_locales'])

/**
 * Checks `GET {issuer}/session/end`'s query: a missing `id_token_hint` or any parameter outside the
 * DTO is a 400 page, as NestJS's ValidationPipe answers it.
 *
 * @example
 * ```ts
 * checkLogoutRequest(new URLSearchParams({ state: 'x' }))
 * // { kind: 'page', status: 400, error: 'invalid_request', description: 'id_token_hint should not be empty', … }
 * ```
 */
export function checkLogoutRequest(query: URLSearchParams): Verdict {
  const refuse = (description: string): Verdict => ({
    kind: 'page',
    status: 400,
    code: '',
    error: 'invalid_request',
    description,
  })
  for (const key of query.keys()) {
    if (!LOGOUT_PARAMS.has(key)) return refuse(`property ${key} should not exist`)
  }
  if (!query.get('id_token_hint')) return refuse('id_token_hint should not be empty')
  return { kind: 'pass' }
}
