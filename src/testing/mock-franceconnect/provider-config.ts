/**
 * The oidc-provider configuration of a mock: its registered client, its interaction policy, its
 * algorithms and features, set as each platform's core sets them (FranceConnect: france-connect/sources
 * `back/instances/core-fcp-{low,high}/src/config/oidc-provider.ts`; ProConnect: core-fca-low's).
 */
import { randomBytes } from 'node:crypto'
import { accountFinder } from './accounts.js'
import { createAdapterFactory, OpStore } from './adapter.js'
import type { ExpiringMap } from './expiring-map.js'
import type { KoaishContext, OidcProviderModule } from './load-oidc-provider.js'
import { errorPage, loggedOutPage, logoutPage } from './pages.js'
import { FC_PLUS_ENCRYPTION_ALGS, type VariantProfile } from './platforms/index.js'
import { fcErrorCode } from './rules/error-codes.js'
import type { OpSetup } from './setup.js'
import type { OpSite } from './site.js'

/** The registered client's metadata. */
function clientMetadata(setup: OpSetup): Record<string, unknown> {
  const { profile, client, signingAlg, registeredScopes, options } = setup
  const metadata: Record<string, unknown> = {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    client_name: client.clientName,
    redirect_uris: [client.redirectUri],
    post_logout_redirect_uris: [client.postLogoutRedirectUri],
    response_types: ['code'],
    grant_types: profile.refreshTokens ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
    token_endpoint_auth_method: profile.clientAuthMethod,
    id_token_signed_response_alg: signingAlg,
    // one sub per client (sector) on FranceConnect; public on ProConnect
    subject_type: profile.subjectType,
    // the service's habilitation: a scope outside it ends in error=invalid_scope
    ...(registeredScopes ? { scope: registeredScopes.join(' ') } : {}),
  }
  // ProConnect: a service registered without userinfo_signed_response_alg gets plain JSON
  if (profile.jwtUserinfo && !(profile.variant === 'proconnect' && options.userinfo === 'json'))
    metadata.userinfo_signed_response_alg = signingAlg
  if (setup.encryptionAlg) {
    // FC+: nested JWT, signed ES256 then encrypted to the SP key, enc A256GCM
    Object.assign(metadata, {
      ...(options.clientEncryptionJwksUri
        ? { jwks_uri: options.clientEncryptionJwksUri }
        : { jwks: options.clientEncryptionJwks }),
      id_token_encrypted_response_alg: setup.encryptionAlg,
      id_token_encrypted_response_enc: 'A256GCM',
      userinfo_encrypted_response_alg: setup.encryptionAlg,
      userinfo_encrypted_response_enc: 'A256GCM',
    })
  }
  return metadata
}

/**
 * FranceConnect forces `prompt=login consent` internally: every authorization request shows the
 * identity-provider page, even with a live session. Only prompt=none (ProConnect) relies on the
 * session. The FranceConnect cores grant, from the claims parameter, only what rules/grant.ts lists:
 * a claim asked and not granted is not released, and must not send the user back to consent.
 */
function interactionPolicyOf(interactionPolicy: OidcProviderModule['interactionPolicy'], isFc: boolean) {
  const policy = interactionPolicy.base()
  policy.get('login').checks.add(
    new interactionPolicy.Check('fc_always_login', 'the user always picks an identity provider', (ctx: KoaishContext) => {
      return !ctx.oidc.prompts.has('none') && !ctx.oidc.result?.login
    }),
    0,
  )
  if (isFc) policy.get('consent').checks.remove('op_claims_missing')
  return policy
}

function enabledJwa(profile: VariantProfile) {
  return {
    idTokenSigningAlgValues: profile.idTokenSigningAlgs,
    // private_key_jwt: ES256 only on FC+
    clientAuthSigningAlgValues: profile.variant === 'fcplus' ? ['ES256'] : ['ES256', 'RS256'],
    userinfoSigningAlgValues: profile.jwtUserinfo ? profile.idTokenSigningAlgs : [],
    ...(profile.encryption
      ? {
          idTokenEncryptionAlgValues: [...FC_PLUS_ENCRYPTION_ALGS],
          idTokenEncryptionEncValues: ['A256GCM'],
          userinfoEncryptionAlgValues: [...FC_PLUS_ENCRYPTION_ALGS],
          userinfoEncryptionEncValues: ['A256GCM'],
        }
      : {}),
  }
}

function featuresOf(profile: VariantProfile, isFc: boolean) {
  return {
    devInteractions: { enabled: false },
    claimsParameter: { enabled: true },
    userinfo: { enabled: true },
    jwtUserinfo: { enabled: profile.jwtUserinfo },
    encryption: { enabled: profile.encryption },
    revocation: {
      enabled: profile.revocation,
      allowedPolicy: async (_ctx: KoaishContext, revoker: { clientId: string }, token: { clientId: string }) =>
        token.clientId === revoker.clientId,
    },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx: KoaishContext, form: string) => {
        ctx.type = 'html'
        ctx.body = logoutPage(form)
      },
      postLogoutSuccessSource: async (ctx: KoaishContext) => {
        ctx.type = 'html'
        ctx.body = loggedOutPage()
      },
    },
    pushedAuthorizationRequests: { enabled: !isFc },
    dPoP: { enabled: !isFc },
    resourceIndicators: { enabled: false },
  }
}

/**
 * oidc-provider refuses to fetch special-use addresses (SSRF protection); a sandbox service's
 * jwks_uri is on loopback, so let those through, and only those.
 */
function loopbackFetch(url: string, init: RequestInit & { dispatcher?: unknown }) {
  const { hostname } = new URL(url)
  if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]') {
    const { dispatcher: _ssrfGuard, ...rest } = init
    return fetch(url, rest)
  }
  return fetch(url, init)
}

/** oidc-provider's error pages, with FranceConnect's codes. */
function errorRenderer(profile: VariantProfile) {
  return async (ctx: KoaishContext, out: { error: string; error_description?: string }) => {
    const route: string | undefined = ctx.oidc?.route
    const code = fcErrorCode(profile, route, out.error, out.error_description)
    // FC answers an unknown client on /authorize with a 400 page, oidc-provider with 401
    if (code && out.error === 'invalid_client' && route === 'authorization') ctx.status = 400
    ctx.type = 'html'
    ctx.body = errorPage({ code, error: out.error, description: out.error_description })
  }
}

/**
 * The configuration `new Provider(issuer, configuration)` takes for a mock. `askedAcrs` holds, by
 * grant id, the level each authorization request asked: checktoken reports it (kept with the token).
 *
 * @example
 * ```ts
 * const provider = new Provider(site.issuer, providerConfiguration(setup, site, interactionPolicy, askedAcrs))
 * ```
 */
export function providerConfiguration(
  setup: OpSetup,
  site: OpSite,
  interactionPolicy: OidcProviderModule['interactionPolicy'],
  askedAcrs: ExpiringMap<string>,
): object {
  const { profile } = setup
  const isFc = profile.variant !== 'generic'
  return {
    adapter: createAdapterFactory(new OpStore(15)),
    clients: [clientMetadata(setup)],
    jwks: { keys: setup.privateJwks },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: profile.claims,
    scopes: ['openid', ...profile.extraScopes, ...setup.dataScopes],
    acrValues: profile.acr.ranked.length ? profile.acr.allowed : ['urn:test:loa:low', 'urn:test:loa:substantial'],
    responseTypes: ['code'],
    subjectTypes: isFc ? [profile.subjectType] : ['public', 'pairwise'],
    pairwiseIdentifier: async (_ctx: KoaishContext, accountId: string, forClient: { clientId: string }) =>
      setup.subFor(accountId, forClient.clientId),
    extraTokenClaims: async (ctx: KoaishContext) => {
      const code = ctx?.oidc?.entities?.AuthorizationCode
      const asked = typeof code?.grantId === 'string' ? askedAcrs.get(code.grantId) : undefined
      const acr = asked ?? code?.acr
      return typeof acr === 'string' ? { acr } : undefined
    },
    // ProConnect issues a refresh token to every service allowed the grant
    ...(profile.refreshTokens && profile.variant === 'proconnect'
      ? {
          issueRefreshToken: async (_ctx: KoaishContext, forClient: { grantTypeAllowed(type: string): boolean }) =>
            forClient.grantTypeAllowed('refresh_token'),
        }
      : {}),
    clientAuthMethods: isFc
      ? ['client_secret_post', 'private_key_jwt']
      : ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    routes: site.routes,
    pkce: { required: () => profile.pkceRequired },
    ttl: { ...profile.ttl },
    // the cores on /api/v2 (FranceConnect, FC+, ProConnect) also take userinfo's access token in the query
    acceptQueryParamAccessTokens: profile.mountPath === '/api/v2',
    allowOmittingSingleRegisteredRedirectUri: !isFc,
    enabledJWA: enabledJwa(profile),
    clientBasedCORS: () => true,
    fetch: loopbackFetch,
    features: featuresOf(profile, isFc),
    interactions: {
      policy: interactionPolicyOf(interactionPolicy, isFc),
      url: (_ctx: KoaishContext, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount: accountFinder(profile, setup.identity),
    renderError: errorRenderer(profile),
  }
}
