/**
 * The authorization request as FranceConnect's core checks it *in front of* oidc-provider (its NestJS
 * DTO: france-connect/sources `back/apps/core-fcp/src/dto/authorize-params.dto.ts`; core-fca-low's on
 * ProConnect), which oidc-provider alone would not do, and what its middleware rewrites.
 */
import type { StrictAuthorize, VariantProfile } from '../platforms/index.js'
import { requestedAcrs, resolveAcr } from './acr.js'
import { PASS, type Verdict } from './verdict.js'

/** The registered client, as the authorize checks compare it. */
export interface RegisteredClient {
  clientId: string
  redirectUri: string
}

/** The parameter names' complaint: one not whitelisted, one repeated, or a required one missing. */
function namesComplaint(rules: StrictAuthorize, query: URLSearchParams): string | undefined {
  const seen = new Set<string>()
  for (const key of query.keys()) {
    if (!rules.allowed.has(key)) return `property ${key} should not exist`
    if (seen.has(key)) return `${key} must be a string`
    seen.add(key)
  }
  const missing = rules.required.find((key) => !query.get(key))
  return missing === undefined ? undefined : `${missing} should not be empty`
}

function nonceComplaint(rules: StrictAuthorize, nonce: string | null): string | undefined {
  if (nonce === null && rules.minNonce <= 0) return undefined
  const length = (nonce ?? '').length
  const min = Math.max(rules.minNonce, 1)
  if (length < min) return `nonce must be longer than or equal to ${min} characters`
  if (rules.maxNonce !== undefined && length > rules.maxNonce)
    return `nonce must be shorter than or equal to ${rules.maxNonce} characters`
  return undefined
}

/** The DTO's first complaint about an authorize query, as NestJS's ValidationPipe words it, if any. */
function dtoComplaint(rules: StrictAuthorize, query: URLSearchParams, acrRequired: boolean): string | undefined {
  const complaint = namesComplaint(rules, query) ?? nonceComplaint(rules, query.get('nonce'))
  if (complaint) return complaint
  if ((query.get('state') ?? '').length < rules.minState)
    return `state must be longer than or equal to ${rules.minState} characters`
  const prompt = query.get('prompt')
  if (prompt !== null && !rules.prompts.has(prompt)) return 'prompt must be a valid enum value'
  const claims = query.get('claims')
  if (claims !== null) {
    try {
      JSON.parse(claims)
    } catch {
      return 'claims must be a json string'
    }
  }
  const acrValues = query.get('acr_values')
  // `@Split(/[ ]+/, {maxLength: 64})`: a longer raw value becomes an empty list
  if (acrValues !== null && (acrValues.length > 64 || !acrValues.trim()) && acrRequired) return 'acr_values should not be empty'
  return undefined
}

/** The eIDAS level asked: an `invalid_acr` redirect to the service, or pass. */
function acrVerdict(profile: VariantProfile, query: URLSearchParams, client: RegisteredClient, issuer: string): Verdict {
  const acr = resolveAcr(profile.acr, requestedAcrs(query.get('acr_values') ?? undefined, undefined))
  if (!('error' in acr)) return PASS
  const location = new URL(client.redirectUri)
  location.searchParams.set('error', acr.error)
  location.searchParams.set('error_description', acr.description)
  location.searchParams.set('state', query.get('state') ?? '')
  location.searchParams.set('iss', issuer)
  return { kind: 'redirect', location: location.href }
}

/**
 * GET /authorize on v2 / FC+ / ProConnect: whitelisted parameters only (anything else,
 * PKCE included, fails), required ones present, nonce/state lengths, allowed prompts, then the
 * eIDAS level (invalid_acr is a redirect, once client and redirect_uri are known to be valid).
 *
 * @example
 * ```ts
 * checkAuthorizeRequest(profileFor('v2'), new URLSearchParams('client_id=x&max_age=0'), client, issuer)
 * // { kind: 'page', status: 400, code: 'Y030007', error: 'invalid_request', description: 'property max_age should not exist' }
 * ```
 */
export function checkAuthorizeRequest(
  profile: VariantProfile,
  query: URLSearchParams,
  client: RegisteredClient,
  issuer: string,
): Verdict {
  const rules = profile.strictAuthorize
  if (!rules) return PASS
  const complaint = dtoComplaint(rules, query, profile.acr.required)
  if (complaint) return { kind: 'page', status: 400, code: rules.errorCode, error: 'invalid_request', description: complaint }
  // Unknown client / unregistered redirect_uri: let oidc-provider render its page (mapped to
  // Y04EA6EF / Y04C013C by renderError) before any redirect to the relying party.
  if (query.get('client_id') !== client.clientId || query.get('redirect_uri') !== client.redirectUri) return PASS
  return profile.acr.exactMatch ? PASS : acrVerdict(profile, query, client, issuer)
}

/**
 * What FranceConnect's authorize middleware does to a request that passed the DTO, before
 * oidc-provider sees it: `prompt` forced to `login consent` (every sign-in shows the identity
 * provider and the consent page), `acr_values` rewritten to the lowest known level asked or the
 * platform's default (`pickAcr`). Returns the query oidc-provider gets.
 *
 * @example
 * ```ts
 * rewriteAuthorizeQuery(profileFor('fcplus'), new URLSearchParams('acr_values=eidas3 eidas2&prompt=login'))
 * // acr_values=eidas2&prompt=login consent
 * ```
 */
export function rewriteAuthorizeQuery(profile: VariantProfile, query: URLSearchParams): URLSearchParams {
  const rules = profile.strictAuthorize
  const rewritten = new URLSearchParams(query)
  if (!rules) return rewritten
  if (rules.forcedPrompt) rewritten.set('prompt', rules.forcedPrompt)
  if (rules.rewritesAcr) {
    const resolved = resolveAcr(profile.acr, requestedAcrs(query.get('acr_values') ?? undefined, undefined))
    if ('acr' in resolved && resolved.acr) rewritten.set('acr_values', resolved.acr)
  }
  return rewritten
}
