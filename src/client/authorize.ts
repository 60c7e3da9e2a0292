import { calculatePKCECodeChallenge, generateRandomCodeVerifier, generateRandomNonce, generateRandomState } from 'oauth4webapi'
import { ConfigurationError } from '../errors/configuration-error.js'
import { scopesFor } from '../registry/planner.js'
import type { ClientContext } from './context.js'
import { saveTransaction, type SignInTransaction } from './transaction.js'
import type { AuthorizeOptions, AuthorizeResult } from './types.js'

const scopeToken = /^[\x21\x23-\x5B\x5D-\x7E]+$/

/**
 * Builds the authorization URL and keeps the transaction (state, nonce, PKCE verifier, level and
 * scopes asked) in the store, keyed by state. The URL carries exactly the parameters the provider
 * accepts: anything else is a ConfigurationError here rather than a Y030007 page for the user.
 */
export async function authorize(context: ClientContext, options: AuthorizeOptions = {}): Promise<AuthorizeResult> {
  const { provider, options: client } = context
  const metadata = await context.metadata(options.signal)
  const scopes = requestedScopes(context, options)
  const params: Record<string, string> = {
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: client.redirectUri,
    scope: scopes.join(' '),
  }

  const acr = options.acr ?? client.acr ?? provider.acr?.default
  const claims: Record<string, Record<string, unknown>> = structuredClone(
    (options.claims ?? {}) as Record<string, Record<string, unknown>>,
  )
  if (acr !== undefined) {
    if (provider.acr && !provider.acr.allowed.includes(acr)) {
      throw new ConfigurationError('configuration_invalid', `${provider.name} does not offer the level "${acr}"`)
    }
    if (provider.acr?.parameter === 'claims') {
      claims.id_token = { ...claims.id_token, acr: { essential: true, values: [acr] } }
    } else {
      params.acr_values = acr
    }
  }
  if (options.amr) claims.id_token = { ...claims.id_token, amr: { essential: true } }
  if (Object.keys(claims).length > 0) params.claims = JSON.stringify(claims)

  if (options.prompt !== undefined) {
    if (provider.prompts && !provider.prompts.includes(options.prompt)) {
      throw new ConfigurationError('configuration_invalid', `${provider.name} does not accept prompt="${options.prompt}"`)
    }
    params.prompt = options.prompt
  }
  if (options.idpHint !== undefined) params.idp_hint = options.idpHint
  if (options.loginHint !== undefined) params.login_hint = options.loginHint

  const state = generateRandomState()
  const nonce = generateRandomNonce()
  params.state = state
  params.nonce = nonce
  const transaction: SignInTransaction = { kind: 'sign-in', nonce, scopes, amr: options.amr === true }
  if (acr !== undefined) transaction.acr = acr
  if (provider.pkce) {
    const codeVerifier = generateRandomCodeVerifier()
    transaction.codeVerifier = codeVerifier
    params.code_challenge = await calculatePKCECodeChallenge(codeVerifier)
    params.code_challenge_method = 'S256'
  }
  assertAccepted(context, params)

  const url = new URL(metadata.authorization_endpoint)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  const cookie = await saveTransaction(context, state, transaction)
  return { url: url.href, state, ...(cookie ? { cookie } : {}) }
}

/** `openid`, then the identity scopes, then the connectors' data scopes, each once. */
function requestedScopes(context: ClientContext, options: AuthorizeOptions): string[] {
  const identity = options.scopes ?? context.options.scopes ?? context.provider.defaultScopes
  const scopes = scopesFor(context.options.apis ?? [], { identity })
  for (const scope of scopes) {
    if (!scopeToken.test(scope)) throw new ConfigurationError('configuration_invalid', `Invalid scope "${scope}"`)
  }
  return scopes
}

/** Refuses, before the user is sent anywhere, a parameter the provider would reject. */
function assertAccepted(context: ClientContext, params: Record<string, string>): void {
  const accepted = context.provider.authorizeParameters
  if (!accepted) return
  for (const name of Object.keys(params)) {
    if (!accepted.includes(name)) {
      throw new ConfigurationError('configuration_invalid', `${context.provider.name} does not accept the parameter "${name}"`)
    }
  }
}
