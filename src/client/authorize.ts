import { ConfigurationError } from '../errors/configuration-error.js'
import { ParameterError } from '../errors/parameter-error.js'
import { acceptableAcrValues } from '../providers/eidas.js'
import { pkceChallenge, randomTokens } from '../oidc/random.js'
import { scopesFor } from '../registry/planner.js'
import type { ClientContext } from './context.js'
import { saveTransaction, type SignInTransaction } from './transaction.js'
import type { AuthorizeOptions, AuthorizeResult } from './types.js'

const scopeToken = /^[\x21\x23-\x5B\x5D-\x7E]+$/

/**
 * Builds the authorization URL and keeps the transaction (state, nonce, PKCE verifier, level and
 * scopes asked, the client, the hash of the browser binding) in the store, keyed by client and state;
 * returns the cookie that binds it to the browser. The URL carries exactly the parameters the
 * provider accepts: anything else is a ConfigurationError here rather than a Y030007 page for the user.
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
  // The app's claims request is copied before the SDK adds to it, never changed in place.
  const claims: Record<string, Record<string, unknown>> = options.claims
    ? structuredClone(options.claims as Record<string, Record<string, unknown>>)
    : {}
  if (acr !== undefined) {
    // createClient checked the client's own level: a level refused here is this call's `acr`.
    if (provider.acr && !provider.acr.allowed.includes(acr)) {
      throw new ParameterError(`${provider.name} does not offer the level "${acr}"`)
    }
    // The client's level is a floor: a sign-in of this client never asks (nor accepts) less.
    const floor = client.acr
    if (floor !== undefined && provider.acr && !acceptableAcrValues(provider.acr, floor).includes(acr)) {
      throw new ParameterError(`The level "${acr}" is below this client's level "${floor}"`)
    }
    if (provider.acr?.parameter === 'claims') {
      // ProConnect matches the values exactly: send every level that satisfies the minimum asked.
      claims.id_token = { ...claims.id_token, acr: { essential: true, values: acceptableAcrValues(provider.acr, acr) } }
    } else {
      params.acr_values = acr
    }
  }
  if (options.amr) claims.id_token = { ...claims.id_token, amr: { essential: true } }
  if (Object.keys(claims).length > 0) params.claims = JSON.stringify(claims)

  if (options.prompt !== undefined) {
    if (provider.prompts && !provider.prompts.includes(options.prompt)) {
      throw new ParameterError(`${provider.name} does not accept prompt="${options.prompt}"`)
    }
    params.prompt = options.prompt
  }
  if (options.idpHint !== undefined) params.idp_hint = options.idpHint
  if (options.loginHint !== undefined) params.login_hint = options.loginHint

  const [state, nonce, codeVerifier] = randomTokens(provider.pkce ? 3 : 2) as [string, string, string | undefined]
  params.state = state
  params.nonce = nonce
  const transaction: SignInTransaction = { kind: 'sign-in', nonce, scopes, amr: options.amr === true }
  if (acr !== undefined) transaction.acr = acr
  if (codeVerifier !== undefined) {
    transaction.codeVerifier = codeVerifier
    params.code_challenge = await pkceChallenge(codeVerifier)
    params.code_challenge_method = 'S256'
  }
  assertAccepted(context, params)

  const endpoint = metadata.authorization_endpoint
  const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}${new URLSearchParams(params)}`
  const cookie = await saveTransaction(context, state, transaction)
  return { url, state, cookie }
}

const defaultScopesOf = new WeakMap<ClientContext, string[]>()

/** `openid`, then the identity scopes, then the connectors' data scopes, each once. */
function requestedScopes(context: ClientContext, options: AuthorizeOptions): string[] {
  if (options.scopes === undefined) {
    // The same for every sign-in of this client: worked out and checked once.
    let scopes = defaultScopesOf.get(context)
    if (!scopes) {
      scopes = checkedScopes(context, context.options.scopes ?? context.provider.defaultScopes)
      defaultScopesOf.set(context, scopes)
    }
    return scopes
  }
  return checkedScopes(context, options.scopes, true)
}

/** The scopes of one sign-in; a malformed one is this call's (`perCall`) or the client's mistake. */
function checkedScopes(context: ClientContext, identity: readonly string[], perCall = false): string[] {
  const scopes = scopesFor(context.options.apis ?? [], { identity })
  for (const scope of scopes) {
    if (scopeToken.test(scope)) continue
    const message = `Invalid scope "${scope}"`
    throw perCall ? new ParameterError(message) : new ConfigurationError('configuration_invalid', message)
  }
  return scopes
}

/**
 * Refuses, before the user is sent anywhere, a parameter the provider would reject: one this call
 * asked for (`idpHint`, `loginHint`, `claims`…), since the preset's own parameters are all accepted.
 */
function assertAccepted(context: ClientContext, params: Record<string, string>): void {
  const accepted = context.provider.authorizeParameters
  if (!accepted) return
  for (const name of Object.keys(params)) {
    if (!accepted.includes(name)) {
      throw new ParameterError(`${context.provider.name} does not accept the parameter "${name}"`)
    }
  }
}
