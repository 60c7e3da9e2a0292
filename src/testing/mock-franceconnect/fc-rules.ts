/**
 * The checks FranceConnect's core runs *in front of* oidc-provider (its NestJS DTOs), which
 * oidc-provider alone would not do. Section numbers refer to franceconnect-protocol.md.
 */
import { resolveAcr, type VariantProfile } from './profiles.js'

export type Verdict =
  | { kind: 'pass' }
  | { kind: 'page'; status: number; code: string; error: string; description: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'json'; status: number; body: Record<string, string> }

const PASS: Verdict = { kind: 'pass' }

export interface RegisteredClient {
  clientId: string
  redirectUri: string
}

/** The values `acr_values` and `claims.id_token.acr` ask for. */
export function requestedAcrs(acrValues: string | undefined, claims: string | undefined): string[] {
  const out = acrValues ? acrValues.split(/ +/).filter(Boolean) : []
  if (claims) {
    try {
      const acr = (JSON.parse(claims) as { id_token?: { acr?: { value?: unknown; values?: unknown } } })?.id_token?.acr
      if (typeof acr?.value === 'string') out.push(acr.value)
      if (Array.isArray(acr?.values)) out.push(...acr.values.filter((v): v is string => typeof v === 'string'))
    } catch {
      // invalid JSON is reported elsewhere
    }
  }
  return out
}

/**
 * GET /authorize on v2 / FC+ / ProConnect (§4, §15): whitelisted parameters only (anything else,
 * PKCE included, fails), required ones present, nonce/state lengths, allowed prompts, then the
 * eIDAS level (invalid_acr is a redirect, once client and redirect_uri are known to be valid).
 */
export function checkAuthorizeRequest(
  profile: VariantProfile,
  query: URLSearchParams,
  client: RegisteredClient,
  issuer: string,
): Verdict {
  const rules = profile.strictAuthorize
  if (!rules) return PASS
  const invalid = (description: string): Verdict => ({
    kind: 'page',
    status: 400,
    code: rules.errorCode,
    error: 'invalid_request',
    description,
  })

  const seen = new Set<string>()
  for (const key of query.keys()) {
    if (!rules.allowed.has(key)) return invalid(`property ${key} should not exist`)
    if (seen.has(key)) return invalid(`${key} must be a string`)
    seen.add(key)
  }
  for (const key of rules.required) {
    if (!query.get(key)) return invalid(`${key} should not be empty`)
  }
  const nonce = query.get('nonce') ?? ''
  if (nonce.length < rules.minNonce) return invalid(`nonce must be longer than or equal to ${rules.minNonce} characters`)
  const state = query.get('state') ?? ''
  if (state.length < rules.minState) return invalid(`state must be longer than or equal to ${rules.minState} characters`)
  const prompt = query.get('prompt')
  if (prompt !== null && !rules.prompts.has(prompt)) return invalid('prompt must be a valid enum value')
  const claims = query.get('claims')
  if (claims !== null) {
    try {
      JSON.parse(claims)
    } catch {
      return invalid('claims must be a json string')
    }
  }
  const acrValues = query.get('acr_values')
  // §4: `@Split(/[ ]+/, {maxLength: 64})`: a longer raw value becomes an empty list
  if (acrValues !== null && (acrValues.length > 64 || !acrValues.trim()) && profile.acr.required) {
    return invalid('acr_values should not be empty')
  }

  // Unknown client / unregistered redirect_uri: let oidc-provider render its page (mapped to
  // Y04EA6EF / Y04C013C by renderError) before any redirect to the relying party.
  if (query.get('client_id') !== client.clientId || query.get('redirect_uri') !== client.redirectUri) return PASS

  const acr = resolveAcr(profile.acr, requestedAcrs(acrValues ?? undefined, undefined))
  if ('error' in acr) {
    const location = new URL(client.redirectUri)
    location.searchParams.set('error', acr.error)
    location.searchParams.set('error_description', acr.description)
    location.searchParams.set('state', state)
    location.searchParams.set('iss', issuer)
    return { kind: 'redirect', location: location.href }
  }
  return PASS
}

/** POST /token/revocation body is exactly token, client_id, client_secret (§11). */
export function checkRevocationBody(body: URLSearchParams): Verdict {
  const allowed = new Set(['token', 'client_id', 'client_secret'])
  for (const key of body.keys()) {
    if (!allowed.has(key)) {
      return {
        kind: 'json',
        status: 400,
        body: { error: 'invalid_request', error_description: `property ${key} should not exist` },
      }
    }
  }
  for (const key of allowed) {
    if (!body.get(key)) {
      return {
        kind: 'json',
        status: 400,
        body: { error: 'invalid_request', error_description: 'Required parameter missing or invalid.' },
      }
    }
  }
  return PASS
}
