import { describeIssue } from '../registry/schema-issue.js'
import * as v from 'valibot'
import { ProviderError } from '../errors/provider-error.js'
import { TokenValidationError } from '../errors/token-validation-error.js'
import { cleanProviderText } from '../internal/provider-text.js'
import { readJsonObject } from '../http/read-json.js'
import { sendRequest } from '../http/send-request.js'
import { type ClaimsSchema, franceConnectClaimsSchema, validateClaims } from '../registry/identity-claims.js'
import { splitScopes } from './introspection.js'
import type { ResolvedChecktokenOptions } from './options.js'
import type { AccessTokenV1Result, FranceConnectV1Identity } from './types.js'

/**
 * v1 answers 400 or 401 `{ "status": "fail", "message": … }` for a token it will not describe
 * (FranceConnect's data-provider example). These two messages say the token is not
 * one FranceConnect can vouch for — unknown or expired, or not even shaped like one of its tokens —
 * and become `{ active: false }`; any other refusal is a typed error.
 */
const inactiveMessages = new Set(['token_not_found_or_expired', 'Malformed access token.'])

const v1AnswerSchema = v.looseObject({
  scope: v.union([v.array(v.string()), v.string()]),
  identity: v.looseObject({}),
  client: v.looseObject({ client_id: v.pipe(v.string(), v.minLength(1)), client_name: v.optional(v.string()) }),
  acr: v.pipe(v.string(), v.minLength(1)),
})

// v1's identity carries no `sub`: the relying party's rules with `sub` made optional.
const v1IdentitySchema: ClaimsSchema = {
  ...franceConnectClaimsSchema,
  sub: { ...franceConnectClaimsSchema.sub, required: false },
}

/**
 * Asks FranceConnect v1 (legacy) about an access token: `POST {issuer}/api/v1/checktoken` with the
 * JSON `{ token }` and no data provider credentials; the plain JSON answer (scope, identity, client,
 * acr) is mapped to the v2 result shape, members v1 does not give left `undefined`. The answer is
 * neither signed nor encrypted: it is only as trustworthy as the TLS connection to FranceConnect.
 *
 * @example
 * ```ts
 * const result = await checktokenV1(token, resolveChecktokenOptions({ version: 'v1', issuer: 'https://app.franceconnect.gouv.fr' }))
 * ```
 */
export async function checktokenV1(token: string, options: ResolvedChecktokenOptions): Promise<AccessTokenV1Result> {
  const response = await sendRequest(
    options.checktokenEndpoint,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
    },
    options.transport,
  )
  if (response.status !== 200) {
    const message = failureMessage(response.body)
    if ((response.status === 400 || response.status === 401) && message !== undefined && inactiveMessages.has(message)) {
      return { active: false }
    }
    // FranceConnect's codes are fixed words; an echoed token or a sentence stays out of the error.
    const { providerCode } = cleanProviderText(message === undefined ? {} : { providerCode: message }, [token])
    throw new ProviderError('checktoken_error', {
      status: response.status,
      ...(providerCode === undefined ? {} : { providerCode }),
    })
  }

  const json = readJsonObject('checktoken_error', response)
  const parsed = v.safeParse(v1AnswerSchema, json, { abortEarly: true })
  if (!parsed.success) {
    const { path } = describeIssue(parsed.issues)
    throw new TokenValidationError('checktoken', 'claims', `The v1 checktoken answer's ${path} is missing or invalid`)
  }
  const answer = parsed.output
  const identity = validateClaims<FranceConnectV1Identity>(v1IdentitySchema, answer.identity)
  const scopes = typeof answer.scope === 'string' ? splitScopes(answer.scope) : answer.scope.filter((s) => s.length > 0)
  return {
    active: true,
    version: 'v1',
    sub: identity.sub,
    scopes,
    identity,
    clientId: answer.client.client_id,
    acr: answer.acr,
    issuedAt: undefined,
    expiresAt: undefined,
    tokenId: undefined,
    clientName: answer.client.client_name,
  }
}

function failureMessage(body: string): string | undefined {
  try {
    const value: unknown = JSON.parse(body)
    if (typeof value !== 'object' || value === null) return undefined
    const { message, error } = value as { message?: unknown; error?: unknown }
    if (typeof message === 'string') return message
    if (typeof error === 'string') return error
  } catch {
    // not JSON: no message
  }
  return undefined
}
