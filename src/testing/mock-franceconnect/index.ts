/**
 * The mock FranceConnect: a real OpenID Provider on loopback, built on panva's `oidc-provider` v9
 * (what FranceConnect's own core runs on) and configured with FranceConnect's rules, for FranceConnect
 * v2, FranceConnect+, FranceConnect v1, ProConnect, or any OpenID Provider.
 *
 *   const op = await startMockFranceConnect({ variant: 'v2' })
 *   const callback = await op.authorize(authorizationUrlBuiltByTheClient)
 *   ...
 *   await op.close()
 *
 * Section numbers (§n) refer to the FranceConnect protocol reference.
 */
import { randomBytes } from 'node:crypto'
import { createServer, IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'

import { sandboxAgents, sandboxIdentities } from '../identities.js'
import { createAdapterFactory, OpStore } from './adapter.js'
import { ScriptedBrowser, type FormDecision } from './browser.js'
import { handleChecktokenV1, handleChecktokenV2, type ChecktokenContext, type KnownAccessToken } from './checktoken.js'
import { proConnectInteractionAcr, requestedAcrs, resolveAcr } from './rules/acr.js'
import { checkAuthorizeRequest, rewriteAuthorizeQuery } from './rules/authorize.js'
import { grantedClaims } from './rules/grant.js'
import { checkLogoutRequest } from './rules/logout.js'
import { registeredScopesOf } from './rules/registered-scopes.js'
import { checkRevocationBody } from './rules/revocation.js'
import type { Verdict } from './rules/verdict.js'
import { fetchPublicJwks } from './remote-jwks.js'
import { loadOidcProvider, type KoaishContext, type OidcInteraction, type OidcProvider } from './load-oidc-provider.js'
import { pairwiseSub } from './pairwise.js'
import { agentSummary, consentPage, describeBirth, errorPage, loggedOutPage, loginPage, logoutPage } from './pages.js'
import { dataScopesOf, profileFor, type VariantProfile } from './platforms/index.js'
import type {
  AuthorizeOptions,
  MockDataProviderRegistration,
  MockIdentity,
  OpEndpoints,
  SignedInIdentity,
  StartedOp,
  StartOpOptions,
} from './types.js'

export type {
  AuthorizeOptions,
  MockDataProviderRegistration,
  MockIdentity,
  OpEndpoints,
  OpVariant,
  SignedInIdentity,
  StartedOp,
  StartOpOptions,
} from './types.js'
export { DEFAULT_DATA_SCOPES, dataScopesOf } from './platforms/index.js'
export { OpHttpError } from './browser.js'
export { pairwiseSub } from './pairwise.js'

const REQUEST_NAMES = [
  'discovery',
  'jwks',
  'authorize',
  'token',
  'userinfo',
  'revocation',
  'end_session',
  'checktoken',
  'interaction',
] as const

async function signingKeys(): Promise<{ privateJwks: JWK[]; publicJwks: JWK[] }> {
  const privateJwks: JWK[] = []
  const publicJwks: JWK[] = []
  for (const alg of ['ES256', 'RS256'] as const) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true })
    const pub = await exportJWK(publicKey)
    const kid = await calculateJwkThumbprint(pub)
    publicJwks.push({ ...pub, kid, alg, use: 'sig' })
    privateJwks.push({ ...(await exportJWK(privateKey)), kid, alg, use: 'sig' })
  }
  return { privateJwks, publicJwks }
}

function readBody(req: IncomingMessage, limit = 256 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** A fresh request object carrying an already-read body, so oidc-provider can parse it itself. */
function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket)
  copy.method = req.method
  copy.url = req.url
  copy.headers = req.headers
  copy.rawHeaders = req.rawHeaders
  copy.httpVersion = req.httpVersion
  copy.httpVersionMajor = req.httpVersionMajor
  copy.httpVersionMinor = req.httpVersionMinor
  // complete: otherwise destroying this copy after the response would destroy the shared socket
  copy.complete = true
  copy._read = () => {}
  copy.push(body)
  copy.push(null)
  return copy
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers })
  res.end(body)
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': '0', 'cache-control': 'no-store' })
  res.end()
}

function sendVerdict(res: ServerResponse, verdict: Exclude<Verdict, { kind: 'pass' }>): void {
  switch (verdict.kind) {
    case 'page':
      send(
        res,
        verdict.status,
        'text/html; charset=utf-8',
        errorPage({ code: verdict.code, error: verdict.error, description: verdict.description }),
      )
      return
    case 'redirect':
      // FC answers its errors back to the SP with 303 (§4)
      redirect(res, verdict.location)
      return
    case 'json':
      send(res, verdict.status, 'application/json; charset=utf-8', JSON.stringify(verdict.body))
  }
}

/** FranceConnect error codes for pages oidc-provider renders itself (§13). */
function fcErrorCode(
  profile: VariantProfile,
  route: string | undefined,
  error: string,
  description: string | undefined,
): string | undefined {
  if (!profile.strictAuthorize) return undefined
  if (error === 'invalid_client') return 'Y04EA6EF'
  if (error === 'invalid_redirect_uri') return 'Y04C013C'
  // ProConnect documents Y030111 for an unregistered post_logout_redirect_uri (§10); FC's own code was not captured
  if (route === 'end_session' && description?.includes('post_logout_redirect_uri')) return 'Y030111'
  if (route === 'authorization') return profile.strictAuthorize.errorCode
  return 'Y040001'
}

/** The claim names a variant can release (every claim its scopes map to). */
function releasableClaims(profile: VariantProfile): Set<string> {
  const names = new Set<string>()
  for (const claims of Object.values(profile.claims)) for (const claim of claims ?? []) names.add(claim)
  for (const [claim, scope] of Object.entries(profile.claims)) if (scope === null) names.add(claim)
  names.delete('sub')
  names.delete('acr')
  names.delete('auth_time')
  return names
}

/** The claims an identity can release on a variant (oidc-provider filters them by scope and `claims`). */
function accountClaims(profile: VariantProfile, identity: MockIdentity, releasable: Set<string>): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(identity)) if (value !== undefined && releasable.has(key)) claims[key] = value
  if (profile.variant === 'fcplus') {
    // §9.3: FC+ identity comes from the IdP; rnipp_* twins carry the RNIPP version (same values here)
    for (const key of ['gender', 'family_name', 'given_name', 'birthdate', 'birthplace', 'birthcountry']) {
      if (identity[key] !== undefined) claims[`rnipp_${key}`] = identity[key]
    }
    claims.rnipp_given_name_array = identity.given_name_array ?? identity.given_name.split(' ')
  }
  return claims
}

function pickEncryptionAlg(jwks: { keys: object[] } | undefined): string {
  const key = jwks?.keys.find((candidate) => (candidate as JWK).use === 'enc' || (candidate as JWK).use === undefined) as
    | JWK
    | undefined
  const alg = key?.alg
  if (!alg || !['ECDH-ES', 'RSA-OAEP', 'RSA-OAEP-256'].includes(alg)) {
    throw new TypeError(
      'fcplus: clientEncryptionJwks must hold a public key with use "enc" and alg ECDH-ES, RSA-OAEP or RSA-OAEP-256 (§3.2)',
    )
  }
  for (const candidate of jwks?.keys ?? []) {
    if ('d' in candidate) throw new TypeError('fcplus: clientEncryptionJwks must hold PUBLIC keys only')
  }
  return alg
}

function checkDataProvider(registration: MockDataProviderRegistration): void {
  if (!registration.clientId || !registration.clientSecret)
    throw new TypeError('a data provider needs a clientId and a clientSecret')
  if (!registration.jwks) {
    // its keys are read from its jwks_uri at each checktoken, as FranceConnect does
    if (!registration.jwksUri) throw new TypeError('a data provider needs jwks or a jwksUri')
    return
  }
  const key = registration.jwks.keys.find(
    (candidate) =>
      candidate.use === 'enc' && (registration.encryptionAlg === undefined || candidate.alg === registration.encryptionAlg),
  )
  if (!key?.alg || !['ECDH-ES', 'RSA-OAEP', 'RSA-OAEP-256'].includes(key.alg)) {
    throw new TypeError(
      `data provider ${registration.name ?? registration.clientId}: its jwks needs a public key with use "enc" and alg ECDH-ES, RSA-OAEP or RSA-OAEP-256 (§12.1)`,
    )
  }
  if (registration.jwks.keys.some((candidate) => 'd' in candidate))
    throw new TypeError('a data provider jwks must hold PUBLIC keys only')
}

/** The login choice of an interaction, kept between the login page and the consent page. */
interface PendingLogin {
  identityId: string
  acr: string | undefined
  expiresAt: number
}

/**
 * Starts the mock FranceConnect on 127.0.0.1. The login page lists `identities` (the first one
 * pre-selected), then a consent page lists the requested scopes in French; both are plain HTML forms
 * whose untouched submission signs in as the first identity and consents. `authorize(url)` drives them
 * with plain HTTP and a fresh cookie jar and resolves with the callback URL.
 *
 * Subjects are pairwise: derived from the identity and the client, so each service provider and each
 * data provider gets its own `sub` (§7.1, §12.1). Access tokens can be checked by the registered data
 * providers at `/checktoken` (v2, fcplus) or `/api/v1/checktoken` (v1).
 *
 * @example
 * ```ts
 * const op = await startMockFranceConnect({ variant: 'v2' })
 * const fc = createClient({ provider: franceConnect({ issuer: op.issuer }), clientId: op.clientId, clientSecret: op.clientSecret, redirectUri: op.redirectUri })
 * const { url, cookie } = await fc.authorize()
 * const session = await fc.callback(await op.authorize(url), { cookie: cookie.value })
 * await op.close()
 * ```
 */
export async function startMockFranceConnect(options: StartOpOptions): Promise<StartedOp> {
  const { Provider, interactionPolicy } = await loadOidcProvider()
  const profile = profileFor(options.variant)
  const variant = profile.variant
  const releasable = releasableClaims(profile)

  const signingAlg = (() => {
    switch (variant) {
      case 'v1':
        return 'HS256' // §3.3: keyed by the client secret
      case 'fcplus':
        return 'ES256' // §3.2
      case 'v2':
        return options.signingAlg ?? 'ES256' // §3.1
      case 'proconnect':
      case 'generic':
        return options.signingAlg ?? 'RS256'
    }
  })()
  // FC+ reads the service's keys at its registered jwks_uri; an inline key set stands for one
  const encryptionAlg = profile.encryption
    ? pickEncryptionAlg(
        options.clientEncryptionJwksUri ? await fetchPublicJwks(options.clientEncryptionJwksUri) : options.clientEncryptionJwks,
      )
    : undefined

  const identities: MockIdentity[] = structuredClone([
    ...(options.identities ?? (variant === 'proconnect' ? sandboxAgents() : sandboxIdentities())),
  ])
  if (identities.length === 0) throw new TypeError('identities must not be empty')
  const ids = new Set<string>()
  for (const identity of identities) {
    if (typeof identity.id !== 'string' || identity.id === '' || ids.has(identity.id))
      throw new TypeError('each identity needs its own non-empty id')
    ids.add(identity.id)
  }
  const dataScopes = profile.acceptsDataScopes ? [...(options.dataScopes ?? dataScopesOf(variant))] : []

  const clientId = options.clientId ?? randomBytes(32).toString('hex')
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('hex')
  if (clientSecret.length < 32) throw new TypeError('clientSecret must be at least 32 characters (§11; v1 HS256 key)')
  const clientName = options.clientName ?? `Service de test (${variant})`
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:3000/callback'
  const postLogoutRedirectUri = options.postLogoutRedirectUri ?? 'http://127.0.0.1:3000/logout-callback'
  const dataProviders = new Map<string, MockDataProviderRegistration>()
  for (const registration of options.dataProviders ?? []) {
    checkDataProvider(registration)
    dataProviders.set(registration.clientId, registration)
  }

  const { privateJwks, publicJwks } = await signingKeys()
  const pairwiseSecret = randomBytes(32).toString('hex')
  // ProConnect's subject type is public: the same sub for every service
  const subFor = (accountId: string, forClientId: string) =>
    profile.subjectType === 'public' ? accountId : pairwiseSub(accountId, forClientId, pairwiseSecret)
  const registeredScopes = registeredScopesOf(profile, dataScopes, options.scopes)

  // Bind first: the issuer contains the port.
  const serverErrors: unknown[] = []
  let dispatch: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) =>
    send(res, 503, 'text/plain', 'starting')
  const server: Server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      serverErrors.push(error)
      if (!res.headersSent) send(res, 500, 'text/plain', 'mock FranceConnect internal error')
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  const issuer = `${origin}${profile.mountPath}`
  const routes = profile.routes as Record<string, string> & {
    authorization: string
    token: string
    userinfo: string
    jwks: string
    end_session: string
    revocation: string
  }
  const checktokenPath =
    profile.checktoken === 'v2'
      ? `${profile.mountPath}/checktoken`
      : profile.checktoken === 'v1'
        ? '/api/v1/checktoken'
        : undefined

  const client: Record<string, unknown> = {
    client_id: clientId,
    client_secret: clientSecret,
    client_name: clientName,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutRedirectUri],
    response_types: ['code'],
    grant_types: profile.refreshTokens ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
    token_endpoint_auth_method: profile.clientAuthMethod,
    id_token_signed_response_alg: signingAlg,
    // §3.3, §7.1: one sub per client (sector) on FranceConnect; public on ProConnect
    subject_type: profile.subjectType,
    // the service's habilitation: a scope outside it ends in error=invalid_scope
    ...(registeredScopes ? { scope: registeredScopes.join(' ') } : {}),
  }
  // ProConnect: a service registered without userinfo_signed_response_alg gets plain JSON
  if (profile.jwtUserinfo && !(variant === 'proconnect' && options.userinfo === 'json'))
    client.userinfo_signed_response_alg = signingAlg
  if (encryptionAlg) {
    // §3.2: nested JWT, signed ES256 then encrypted to the SP key, enc A256GCM
    Object.assign(client, {
      ...(options.clientEncryptionJwksUri
        ? { jwks_uri: options.clientEncryptionJwksUri }
        : { jwks: options.clientEncryptionJwks }),
      id_token_encrypted_response_alg: encryptionAlg,
      id_token_encrypted_response_enc: 'A256GCM',
      userinfo_encrypted_response_alg: encryptionAlg,
      userinfo_encrypted_response_enc: 'A256GCM',
    })
  }

  const acrChoices = profile.acr.ranked
  function defaultAcrFor(params: Record<string, string | undefined>): string | undefined {
    const resolved = resolveAcr(profile.acr, requestedAcrs(params.acr_values, params.claims))
    return 'acr' in resolved ? resolved.acr : undefined
  }

  // FranceConnect forces `prompt=login consent` internally (§4): every authorization request shows
  // the identity-provider page, even with a live session. Only prompt=none (ProConnect, §15)
  // relies on the session.
  const policy = interactionPolicy.base()
  policy.get('login').checks.add(
    new interactionPolicy.Check('fc_always_login', 'the user always picks an identity provider', (ctx: KoaishContext) => {
      return !ctx.oidc.prompts.has('none') && !ctx.oidc.result?.login
    }),
    0,
  )

  const isFc = variant !== 'generic'
  // The FranceConnect cores grant, from the claims parameter, only what rules/grant.ts lists: a
  // claim asked and not granted is not released, and must not send the user back to consent.
  if (isFc) policy.get('consent').checks.remove('op_claims_missing')
  const jwa = {
    idTokenSigningAlgValues: profile.idTokenSigningAlgs,
    // private_key_jwt: ES256 only on FC+ (§3.2)
    clientAuthSigningAlgValues: variant === 'fcplus' ? ['ES256'] : ['ES256', 'RS256'],
    userinfoSigningAlgValues: profile.jwtUserinfo ? profile.idTokenSigningAlgs : [],
    ...(profile.encryption
      ? {
          idTokenEncryptionAlgValues: ['ECDH-ES', 'RSA-OAEP', 'RSA-OAEP-256'],
          idTokenEncryptionEncValues: ['A256GCM'],
          userinfoEncryptionAlgValues: ['ECDH-ES', 'RSA-OAEP', 'RSA-OAEP-256'],
          userinfoEncryptionEncValues: ['A256GCM'],
        }
      : {}),
  }

  const configuration = {
    adapter: createAdapterFactory(new OpStore(15)),
    clients: [client],
    jwks: { keys: privateJwks },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: profile.claims,
    scopes: ['openid', ...profile.extraScopes, ...dataScopes],
    acrValues: profile.acr.ranked.length ? profile.acr.allowed : ['urn:test:loa:low', 'urn:test:loa:substantial'],
    responseTypes: ['code'], // §3.3
    subjectTypes: isFc ? [profile.subjectType] : ['public', 'pairwise'],
    pairwiseIdentifier: async (_ctx: KoaishContext, accountId: string, forClient: { clientId: string }) =>
      subFor(accountId, forClient.clientId),
    // checktoken reports the level the service ASKED (its rewritten acr_values), kept with the token (§12.1)
    extraTokenClaims: async (ctx: KoaishContext) => {
      const code = ctx?.oidc?.entities?.AuthorizationCode
      const asked = typeof code?.grantId === 'string' ? askedAcrs.get(code.grantId)?.acr : undefined
      const acr = asked ?? code?.acr
      return typeof acr === 'string' ? { acr } : undefined
    },
    // ProConnect issues a refresh token to every service allowed the grant
    ...(profile.refreshTokens && variant === 'proconnect'
      ? {
          issueRefreshToken: async (_ctx: KoaishContext, forClient: { grantTypeAllowed(type: string): boolean }) =>
            forClient.grantTypeAllowed('refresh_token'),
        }
      : {}),
    clientAuthMethods: isFc
      ? ['client_secret_post', 'private_key_jwt']
      : ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    routes,
    pkce: { required: () => profile.pkceRequired },
    ttl: { ...profile.ttl },
    acceptQueryParamAccessTokens: profile.mountPath === '/api/v2', // §8
    allowOmittingSingleRegisteredRedirectUri: !isFc,
    enabledJWA: jwa,
    clientBasedCORS: () => true,
    // oidc-provider refuses to fetch special-use addresses (SSRF protection); a sandbox service's
    // jwks_uri is on loopback, so let those through, and only those
    fetch: (url: string, init: RequestInit & { dispatcher?: unknown }) => {
      const { hostname } = new URL(url)
      if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]') {
        const { dispatcher: _ssrfGuard, ...rest } = init
        return fetch(url, rest)
      }
      return fetch(url, init)
    },
    features: {
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
    },
    interactions: {
      policy,
      url: (_ctx: KoaishContext, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx: KoaishContext, accountId: string) {
      const identity = identities.find((candidate) => candidate.id === accountId)
      if (!identity) return undefined
      return {
        accountId,
        claims: async () => accountClaims(profile, identity, releasable),
      }
    },
    async renderError(ctx: KoaishContext, out: { error: string; error_description?: string }) {
      const route: string | undefined = ctx.oidc?.route
      const code = fcErrorCode(profile, route, out.error, out.error_description)
      // FC answers an unknown client on /authorize with a 400 page (§4), oidc-provider with 401
      if (code && out.error === 'invalid_client' && route === 'authorization') ctx.status = 400
      ctx.type = 'html'
      ctx.body = errorPage({ code, error: out.error, description: out.error_description })
    },
  }

  let provider: OidcProvider
  try {
    provider = new Provider(issuer, configuration)
  } catch (error) {
    server.close()
    throw error
  }
  provider.on('server_error', (_ctx: unknown, error: unknown) => serverErrors.push(error))
  // a listener on 'error' also keeps Koa from printing to the console
  provider.on('error', (error: unknown) => serverErrors.push(error))
  const providerCallback = provider.callback()

  const requests: Record<string, number> = Object.fromEntries(REQUEST_NAMES.map((name) => [name, 0]))
  const count = (name: string) => {
    requests[name] = (requests[name] ?? 0) + 1
  }

  // ------------------------------------------------------------------------------- checktoken

  const signingJwks = Object.fromEntries(privateJwks.map((jwk) => [jwk.alg as string, jwk])) as { ES256?: JWK; RS256?: JWK }
  const checktokenContext: ChecktokenContext = {
    issuer,
    async findToken(token): Promise<KnownAccessToken | undefined> {
      const found = await provider.AccessToken.find(token)
      if (!found) return undefined
      const acr = typeof found.extra?.acr === 'string' ? found.extra.acr : (profile.acr.fallback ?? 'eidas1')
      return {
        // an opaque token's value is its jti: FranceConnect's checktoken reports the token itself
        id: token,
        accountId: found.accountId,
        clientId: found.clientId,
        scopes: (found.scope ?? '').split(' ').filter(Boolean),
        acr,
        iat: found.iat,
        exp: found.exp,
      }
    },
    identity: (accountId) => identities.find((candidate) => candidate.id === accountId),
    subFor,
    clientName: (forClientId) => (forClientId === clientId ? clientName : forClientId),
    dataProviders,
    signingKeys: signingJwks,
    identityProviderHost: `${origin}/idp`,
  }

  // ------------------------------------------------------------------------------- interactions

  const pending = new Map<string, PendingLogin>()
  /** The acr each grant's authorization request asked, for checktoken, by grant id. */
  const askedAcrs = new Map<string, { acr: string; expiresAt: number }>()
  function rememberAskedAcr(grantId: string, acr: string | undefined): void {
    const now = Date.now()
    for (const [key, value] of askedAcrs) if (value.expiresAt <= now) askedAcrs.delete(key)
    if (acr) askedAcrs.set(grantId, { acr, expiresAt: now + profile.ttl.Grant * 1000 + profile.ttl.AccessToken * 1000 })
  }
  const interactionTtlMs = profile.ttl.Interaction * 1000

  function remember(uid: string, choice: Omit<PendingLogin, 'expiresAt'>): void {
    const now = Date.now()
    for (const [key, value] of pending) if (value.expiresAt <= now) pending.delete(key)
    pending.set(uid, { ...choice, expiresAt: now + interactionTtlMs })
  }

  function pendingFor(uid: string): PendingLogin | undefined {
    const found = pending.get(uid)
    if (found && found.expiresAt > Date.now()) return found
    pending.delete(uid)
    return undefined
  }

  const pageError = (res: ServerResponse, status: number, description: string) =>
    send(
      res,
      status,
      'text/html; charset=utf-8',
      errorPage({ code: profile.strictAuthorize ? 'Y040001' : undefined, error: 'invalid_request', description }),
    )

  async function abort(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    pending.delete(uid)
    // §5: user abort
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'user authentication aborted' },
      { mergeWithLastSubmission: false },
    )
  }

  async function handleInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    step: string | undefined,
  ): Promise<void> {
    let details: OidcInteraction
    try {
      details = await provider.interactionDetails(req, res)
    } catch (error) {
      pageError(res, 400, error instanceof Error ? error.message : String(error))
      return
    }
    if (details.uid !== uid) {
      pageError(res, 400, 'interaction mismatch')
      return
    }
    const { params } = details
    const base = `/interaction/${uid}`
    const method = req.method ?? 'GET'
    const shownName = params.client_id === clientId ? clientName : (params.client_id ?? '')

    if (step === undefined && method === 'GET') {
      send(
        res,
        200,
        'text/html; charset=utf-8',
        loginPage({
          uid,
          action: `${base}/login`,
          clientName: shownName,
          identities,
          describe: variant === 'proconnect' ? agentSummary : describeBirth,
          // a level to pick only where the platform offers several (FC v2 always answers eidas1, §7.1)
          acrChoices: profile.acr.allowed.length > 1 ? acrChoices : [],
          defaultAcr: defaultAcrFor(params),
        }),
      )
      return
    }
    if (step === 'login' && method === 'POST') {
      const form = new URLSearchParams((await readBody(req)).toString('utf8'))
      if (form.get('action') === 'cancel') return abort(req, res, uid)
      // an untouched form carries the pre-selected (first) person
      const identityId = form.get('identity') ?? identities[0]?.id
      const identity = identities.find((candidate) => candidate.id === identityId)
      if (!identity) {
        pageError(res, 400, 'unknown identity')
        return
      }
      const chosenAcr = form.get('acr') || defaultAcrFor(params)
      if (profile.acr.exactMatch) {
        const acr = proConnectInteractionAcr(chosenAcr, params.claims)
        if (!acr) {
          pending.delete(uid)
          await provider.interactionFinished(
            req,
            res,
            { error: 'access_denied', error_description: 'requested ACRs could not be satisfied' },
            { mergeWithLastSubmission: false },
          )
          return
        }
        remember(uid, { identityId: identity.id, acr })
      } else remember(uid, { identityId: identity.id, acr: chosenAcr })
      redirect(res, `${base}/consent`)
      return
    }
    if (step === 'consent') {
      const chosen = pendingFor(uid)
      const identity = chosen && identities.find((candidate) => candidate.id === chosen.identityId)
      if (!chosen || !identity) {
        redirect(res, base)
        return
      }
      if (method === 'GET') {
        send(
          res,
          200,
          'text/html; charset=utf-8',
          consentPage({ uid, action: `${base}/consent`, clientName: shownName, identity, scope: params.scope ?? '' }),
        )
        return
      }
      if (method === 'POST') {
        const form = new URLSearchParams((await readBody(req)).toString('utf8'))
        if (form.get('action') === 'cancel') return abort(req, res, uid)
        pending.delete(uid)
        // Consent to everything requested: every scope and claim.
        const grant = new provider.Grant({ accountId: identity.id, clientId: params.client_id ?? '' })
        if (params.scope) grant.addOIDCScope(params.scope)
        const claims = grantedClaims(params.claims, variant)
        if (claims.length) grant.addOIDCClaims(claims)
        const grantId = await grant.save()
        rememberAskedAcr(grantId, variant === 'proconnect' ? chosen.acr : params.acr_values)
        await provider.interactionFinished(
          req,
          res,
          {
            login: { accountId: identity.id, remember: true, amr: profile.amr, ...(chosen.acr ? { acr: chosen.acr } : {}) },
            consent: { grantId },
          },
          { mergeWithLastSubmission: false },
        )
        return
      }
    }
    send(res, 405, 'text/plain', 'method not allowed')
  }

  // ------------------------------------------------------------------------------- routing

  dispatch = async (req, res) => {
    const url = new URL(req.url ?? '/', origin)
    const path = url.pathname
    const method = req.method ?? 'GET'

    const interaction = /^\/interaction\/([^/]+)(?:\/(login|consent))?$/.exec(path)
    if (interaction?.[1]) {
      count('interaction')
      await handleInteraction(req, res, interaction[1], interaction[2])
      return
    }

    if (checktokenPath && path === checktokenPath) {
      count('checktoken')
      await (profile.checktoken === 'v1' ? handleChecktokenV1 : handleChecktokenV2)(req, res, checktokenContext)
      return
    }

    // Everything else belongs to oidc-provider, mounted under the issuer's path.
    if (profile.mountPath && path !== profile.mountPath && !path.startsWith(`${profile.mountPath}/`)) {
      send(res, 404, 'text/plain', 'not found')
      return
    }
    const inner = path.slice(profile.mountPath.length) || '/'

    if (inner === '/.well-known/openid-configuration' || inner === '/.well-known/oauth-authorization-server') count('discovery')
    else if (inner === routes.jwks) count('jwks')
    else if (inner === routes.authorization) count('authorize')
    else if (inner === routes.token) count('token')
    else if (inner === routes.userinfo) count('userinfo')
    else if (inner === routes.revocation) count('revocation')
    else if (inner === routes.end_session) count('end_session')

    // v1 has no discovery document and no JWKS (§2.2)
    if (!profile.hasDiscovery && (inner.startsWith('/.well-known/') || inner === routes.jwks)) {
      send(res, 404, 'text/plain', 'not found')
      return
    }
    // FC's userinfo route is GET only (§2.2)
    if (profile.userinfoGetOnly && inner === routes.userinfo && method === 'POST') {
      send(
        res,
        404,
        'application/json; charset=utf-8',
        JSON.stringify({ error: 'not_found', error_description: `Cannot POST ${path}` }),
      )
      return
    }
    // §3.3: client_secret_basic is not enabled on FranceConnect. oidc-provider treats basic and post
    // as interchangeable for a client_secret_post client, so refuse the Authorization header here.
    if (
      profile.clientAuthMethod === 'client_secret_post' &&
      method === 'POST' &&
      (inner === routes.token || inner === routes.revocation) &&
      /^basic\s/i.test(req.headers.authorization ?? '')
    ) {
      sendVerdict(res, {
        kind: 'json',
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: 'client authentication failed (client_secret_basic is not enabled, use client_secret_post)',
        },
      })
      return
    }
    if (method === 'GET' && inner === routes.authorization) {
      const verdict = checkAuthorizeRequest(profile, url.searchParams, { clientId, redirectUri }, issuer)
      if (verdict.kind !== 'pass') {
        sendVerdict(res, verdict)
        return
      }
      if (profile.strictAuthorize) req.url = `${path}?${rewriteAuthorizeQuery(profile, url.searchParams)}`
    }
    if (method === 'GET' && inner === routes.end_session && profile.strictLogout) {
      const verdict = checkLogoutRequest(url.searchParams)
      if (verdict.kind !== 'pass') {
        sendVerdict(res, verdict)
        return
      }
    }
    let forwarded = req
    if (profile.strictRevocation && method === 'POST' && inner === routes.revocation) {
      const body = await readBody(req)
      const verdict = checkRevocationBody(new URLSearchParams(body.toString('utf8')))
      if (verdict.kind !== 'pass') {
        sendVerdict(res, verdict)
        return
      }
      forwarded = replayRequest(req, body)
    }

    // §2.2: FranceConnect lets its key set be cached ten minutes
    if (method === 'GET' && inner === routes.jwks) res.setHeader('cache-control', 'public, max-age=600')

    if (profile.mountPath) {
      // Express-style mounting: oidc-provider derives its mount path from originalUrl vs url.
      const original = req.url ?? '/'
      const stripped = original.slice(profile.mountPath.length)
      ;(forwarded as IncomingMessage & { originalUrl?: string }).originalUrl = original
      forwarded.url = stripped.startsWith('/') ? stripped : `/${stripped}`
    }
    await providerCallback(forwarded, res)
  }

  const endpoints: OpEndpoints = {
    ...(profile.hasDiscovery ? { discovery: `${issuer}/.well-known/openid-configuration`, jwks: `${issuer}${routes.jwks}` } : {}),
    authorization: `${issuer}${routes.authorization}`,
    token: `${issuer}${routes.token}`,
    userinfo: `${issuer}${routes.userinfo}`,
    endSession: `${issuer}${routes.end_session}`,
    ...(profile.revocation ? { revocation: `${issuer}${routes.revocation}` } : {}),
    ...(checktokenPath ? { checktoken: `${origin}${checktokenPath}` } : {}),
  }

  const signedIn: SignedInIdentity[] = identities.map((identity) => ({ ...identity, sub: subFor(identity.id, clientId) }))

  function resolveIdentity(choice: AuthorizeOptions['identity']): MockIdentity {
    if (choice === undefined) return identities[0] as MockIdentity
    const found =
      typeof choice === 'number'
        ? identities[choice]
        : (identities.find((identity) => identity.id === choice) ??
          identities.find((identity) => subFor(identity.id, clientId) === choice) ??
          identities.find((identity) => identity.family_name === choice))
    if (!found) throw new RangeError(`no identity ${String(choice)} in the mock FranceConnect`)
    return found
  }

  let closed: Promise<void> | undefined

  return {
    variant,
    issuer,
    origin,
    clientId,
    clientSecret,
    redirectUri,
    postLogoutRedirectUri,
    identities: signedIn,
    registeredScopes: registeredScopes ?? ['openid', ...Object.keys(profile.claims), ...profile.extraScopes, ...dataScopes],
    endpoints,
    requests,
    jwks: { keys: variant === 'v1' ? [] : publicJwks },
    serverErrors,
    subFor,

    async authorize(authorizationUrl, opts = {}) {
      const identity = resolveIdentity(opts.identity)
      // one browser, one cookie jar per sign-in: concurrent sign-ins never share a session
      return new ScriptedBrowser(origin).navigate(authorizationUrl, (form): FormDecision => {
        if (opts.cancel && (form.id === 'fc-login' || form.id === 'fc-consent')) return { fields: { action: 'cancel' } }
        if (form.id === 'fc-login') return { fields: { identity: identity.id, ...(opts.acr ? { acr: opts.acr } : {}) } }
        // the consent form, and any other form the OP puts on the way: submitted as it is
        return { fields: {} }
      })
    },

    async logout(endSessionUrl) {
      return new ScriptedBrowser(origin).navigate(
        endSessionUrl,
        (form): FormDecision => ({ fields: form.id === 'op.logoutForm' ? { logout: 'yes' } : {} }),
        { acceptFinalPage: true },
      )
    },

    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closed
    },
  }
}
