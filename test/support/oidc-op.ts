/**
 * A real OpenID Provider on loopback for integration tests, built on panva's `oidc-provider` v9
 * (what FranceConnect's own core runs on) and configured with FranceConnect's rules.
 *
 *   const op = await startOidcOp({ variant: 'v2' })
 *   const callback = await op.authorize(authorizationUrlBuiltByTheClient)
 *   ...
 *   await op.close()
 *
 * Section numbers (§n) refer to /work/shared/reference/franceconnect-protocol.md.
 */
import { randomBytes } from 'node:crypto'
import { createServer, IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'

import { createAdapterFactory, OpStore } from './oidc-op/adapter.js'
import { ScriptedBrowser, type FormDecision } from './oidc-op/browser.js'
import { checkAuthorizeRequest, checkRevocationBody, requestedAcrs, type Verdict } from './oidc-op/fc-rules.js'
import { DEFAULT_IDENTITIES } from './oidc-op/identities.js'
import { errorPage, interactionPage, loggedOutPage, logoutPage } from './oidc-op/pages.js'
import { DEFAULT_DATA_SCOPES, profileFor, resolveAcr, type VariantProfile } from './oidc-op/profiles.js'
import type { AuthorizeOptions, OpEndpoints, StartedOp, StartOpOptions, TestIdentity } from './oidc-op/types.js'

export type { AuthorizeOptions, OpEndpoints, OpVariant, StartedOp, StartOpOptions, TestIdentity } from './oidc-op/types.js'
export { DEFAULT_DATA_SCOPES } from './oidc-op/profiles.js'
export { DEFAULT_IDENTITIES, testSub } from './oidc-op/identities.js'
export { OpHttpError } from './oidc-op/browser.js'

// ---------------------------------------------------------------------------------------------
// oidc-provider ships no type declarations: the few members used here, loosely typed.

type KoaishContext = any

interface OidcGrant {
  addOIDCScope(scope: string): void
  addOIDCClaims(claims: string[]): void
  save(): Promise<string>
}

interface OidcInteraction {
  uid: string
  params: Record<string, string | undefined>
  prompt: { name: string; reasons: string[] }
}

interface OidcProvider {
  issuer: string
  callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>
  on(event: string, listener: (...args: any[]) => void): void
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteraction>
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options?: { mergeWithLastSubmission?: boolean }): Promise<void>
  Grant: new (init: { accountId: string; clientId: string }) => OidcGrant
}

interface OidcProviderModule {
  Provider: new (issuer: string, configuration: object) => OidcProvider
  interactionPolicy: {
    base(): any
    Check: new (reason: string, description: string, check: (ctx: KoaishContext) => boolean | Promise<boolean>) => unknown
  }
}

let providerModule: Promise<OidcProviderModule> | undefined

/**
 * Imports oidc-provider once. On Node 20 its entry point prints "Unsupported runtime. Use Node.js
 * v22.x LTS" (it runs fine on 20); that single line is filtered while importing.
 */
function loadOidcProvider(): Promise<OidcProviderModule> {
  providerModule ??= (async () => {
    const warn = console.warn
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return
      warn(...args)
    }
    try {
      const specifier = 'oidc-provider'
      return (await import(specifier)) as OidcProviderModule
    } finally {
      console.warn = warn
    }
  })()
  return providerModule
}

// ---------------------------------------------------------------------------------------------

const REQUEST_NAMES = ['discovery', 'jwks', 'authorize', 'token', 'userinfo', 'revocation', 'end_session', 'interaction'] as const

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

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
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

function sendVerdict(res: ServerResponse, verdict: Exclude<Verdict, { kind: 'pass' }>): void {
  switch (verdict.kind) {
    case 'page':
      send(res, verdict.status, 'text/html; charset=utf-8', errorPage({ code: verdict.code, error: verdict.error, description: verdict.description }))
      return
    case 'redirect':
      // FC answers its errors back to the SP with 303 (§4)
      res.writeHead(303, { location: verdict.location, 'content-length': '0' })
      res.end()
      return
    case 'json':
      send(res, verdict.status, 'application/json; charset=utf-8', JSON.stringify(verdict.body))
  }
}

/** FranceConnect error codes for pages oidc-provider renders itself (§13). */
function fcErrorCode(profile: VariantProfile, route: string | undefined, error: string, description: string | undefined): string | undefined {
  if (!profile.strictAuthorize) return undefined
  if (error === 'invalid_client') return 'Y04EA6EF'
  if (error === 'invalid_redirect_uri') return 'Y04C013C'
  // ProConnect documents Y030111 for an unregistered post_logout_redirect_uri (§10); FC's own code was not captured
  if (route === 'end_session' && description?.includes('post_logout_redirect_uri')) return 'Y030111'
  if (route === 'authorization') return profile.strictAuthorize.errorCode
  return 'Y040001'
}

/** The claims an identity can release on a variant (oidc-provider filters them by scope and `claims`). */
function accountClaims(profile: VariantProfile, identity: TestIdentity): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(identity)) if (value !== undefined) claims[key] = value
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
  const key = jwks?.keys.find((candidate) => (candidate as JWK).use === 'enc' || (candidate as JWK).use === undefined) as JWK | undefined
  const alg = key?.alg
  if (!alg || !['ECDH-ES', 'RSA-OAEP', 'RSA-OAEP-256'].includes(alg)) {
    throw new TypeError('fcplus: clientEncryptionJwks must hold a public key with use "enc" and alg ECDH-ES, RSA-OAEP or RSA-OAEP-256 (§3.2)')
  }
  for (const candidate of jwks?.keys ?? []) {
    if ('d' in candidate) throw new TypeError('fcplus: clientEncryptionJwks must hold PUBLIC keys only')
  }
  return alg
}

export async function startOidcOp(options: StartOpOptions): Promise<StartedOp> {
  const { Provider, interactionPolicy } = await loadOidcProvider()
  const profile = profileFor(options.variant)
  const variant = profile.variant

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
  const encryptionAlg = profile.encryption ? pickEncryptionAlg(options.clientEncryptionJwks) : undefined

  const identities: TestIdentity[] = structuredClone([...(options.identities ?? DEFAULT_IDENTITIES)])
  if (identities.length === 0) throw new TypeError('identities must not be empty')
  const dataScopes = profile.acceptsDataScopes ? [...(options.dataScopes ?? DEFAULT_DATA_SCOPES)] : []

  const clientId = options.clientId ?? randomBytes(32).toString('hex')
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('hex')
  if (clientSecret.length < 32) throw new TypeError('clientSecret must be at least 32 characters (§11; v1 HS256 key)')
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:3000/callback'
  const postLogoutRedirectUri = options.postLogoutRedirectUri ?? 'http://127.0.0.1:3000/logout-callback'

  const { privateJwks, publicJwks } = await signingKeys()

  // Bind first: the issuer contains the port.
  const serverErrors: unknown[] = []
  let dispatch: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => send(res, 503, 'text/plain', 'starting')
  const server: Server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      serverErrors.push(error)
      if (!res.headersSent) send(res, 500, 'text/plain', 'test OP internal error')
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

  const client: Record<string, unknown> = {
    client_id: clientId,
    client_secret: clientSecret,
    client_name: `franceconnect-sdk tests (${variant})`,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutRedirectUri],
    response_types: ['code'],
    grant_types: profile.refreshTokens ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
    token_endpoint_auth_method: profile.clientAuthMethod,
    id_token_signed_response_alg: signingAlg,
  }
  if (profile.jwtUserinfo) client.userinfo_signed_response_alg = signingAlg
  if (encryptionAlg) {
    // §3.2: nested JWT, signed ES256 then encrypted to the SP key, enc A256GCM
    Object.assign(client, {
      jwks: options.clientEncryptionJwks,
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
    subjectTypes: ['public'],
    clientAuthMethods: isFc ? ['client_secret_post', 'private_key_jwt'] : ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    routes,
    pkce: { required: () => profile.pkceRequired },
    ttl: { ...profile.ttl },
    acceptQueryParamAccessTokens: profile.mountPath === '/api/v2', // §8
    allowOmittingSingleRegisteredRedirectUri: !isFc,
    enabledJWA: jwa,
    clientBasedCORS: () => true,
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: profile.jwtUserinfo },
      encryption: { enabled: profile.encryption },
      revocation: {
        enabled: profile.revocation,
        allowedPolicy: async (_ctx: KoaishContext, revoker: { clientId: string }, token: { clientId: string }) => token.clientId === revoker.clientId,
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
    async findAccount(_ctx: KoaishContext, sub: string) {
      const identity = identities.find((candidate) => candidate.sub === sub)
      if (!identity) return undefined
      return {
        accountId: sub,
        claims: async () => accountClaims(profile, identity),
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

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    let details: OidcInteraction
    try {
      details = await provider.interactionDetails(req, res)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      send(res, 400, 'text/html; charset=utf-8', errorPage({ code: profile.strictAuthorize ? 'Y040001' : undefined, error: 'invalid_request', description: message }))
      return
    }
    if (details.uid !== uid) {
      send(res, 400, 'text/html; charset=utf-8', errorPage({ code: undefined, error: 'invalid_request', description: 'interaction mismatch' }))
      return
    }
    const { params } = details
    if (req.method === 'GET') {
      send(
        res,
        200,
        'text/html; charset=utf-8',
        interactionPage({
          uid,
          action: `/interaction/${uid}`,
          clientId: params.client_id ?? '',
          scope: params.scope ?? '',
          identities,
          acrChoices: acrChoices.length ? acrChoices : requestedAcrs(params.acr_values, params.claims),
          defaultAcr: defaultAcrFor(params),
        }),
      )
      return
    }
    if (req.method !== 'POST') {
      send(res, 405, 'text/plain', 'method not allowed')
      return
    }
    const form = new URLSearchParams((await readBody(req)).toString('utf8'))
    if (form.get('action') === 'cancel') {
      // §5: user abort
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'user authentication aborted' }, { mergeWithLastSubmission: false })
      return
    }
    const identity = identities.find((candidate) => candidate.sub === form.get('identity'))
    if (!identity) {
      send(res, 400, 'text/html; charset=utf-8', errorPage({ code: undefined, error: 'invalid_request', description: 'unknown identity' }))
      return
    }
    const acr = form.get('acr') || defaultAcrFor(params)
    // Login and consent in one step: grant every requested scope and claim.
    const grant = new provider.Grant({ accountId: identity.sub, clientId: params.client_id ?? '' })
    if (params.scope) grant.addOIDCScope(params.scope)
    if (params.claims) {
      const requested = JSON.parse(params.claims) as { id_token?: object; userinfo?: object }
      const names = [...Object.keys(requested.id_token ?? {}), ...Object.keys(requested.userinfo ?? {})]
      if (names.length) grant.addOIDCClaims(names)
    }
    const grantId = await grant.save()
    await provider.interactionFinished(
      req,
      res,
      {
        login: { accountId: identity.sub, remember: true, amr: profile.amr, ...(acr ? { acr } : {}) },
        consent: { grantId },
      },
      { mergeWithLastSubmission: false },
    )
  }

  dispatch = async (req, res) => {
    const url = new URL(req.url ?? '/', origin)
    const path = url.pathname
    const method = req.method ?? 'GET'

    const interaction = /^\/interaction\/([^/]+)$/.exec(path)
    if (interaction?.[1]) {
      count('interaction')
      await handleInteraction(req, res, interaction[1])
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
      send(res, 404, 'application/json; charset=utf-8', JSON.stringify({ error: 'not_found', error_description: `Cannot POST ${path}` }))
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
        body: { error: 'invalid_client', error_description: 'client authentication failed (client_secret_basic is not enabled, use client_secret_post)' },
      })
      return
    }
    if (method === 'GET' && inner === routes.authorization) {
      const verdict = checkAuthorizeRequest(profile, url.searchParams, { clientId, redirectUri }, issuer)
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

    if (profile.mountPath) {
      // Express-style mounting: oidc-provider derives its mount path from originalUrl vs url.
      const original = req.url ?? '/'
      const stripped = original.slice(profile.mountPath.length)
      ;(forwarded as IncomingMessage & { originalUrl?: string }).originalUrl = original
      forwarded.url = stripped.startsWith('/') ? stripped : `/${stripped}`
    }
    await providerCallback(forwarded, res)
  }

  const browser = new ScriptedBrowser(origin)
  const endpoints: OpEndpoints = {
    ...(profile.hasDiscovery ? { discovery: `${issuer}/.well-known/openid-configuration`, jwks: `${issuer}${routes.jwks}` } : {}),
    authorization: `${issuer}${routes.authorization}`,
    token: `${issuer}${routes.token}`,
    userinfo: `${issuer}${routes.userinfo}`,
    endSession: `${issuer}${routes.end_session}`,
    ...(profile.revocation ? { revocation: `${issuer}${routes.revocation}` } : {}),
  }

  function resolveIdentity(choice: AuthorizeOptions['identity']): TestIdentity {
    if (choice === undefined) return identities[0] as TestIdentity
    const found =
      typeof choice === 'number'
        ? identities[choice]
        : identities.find((identity) => identity.sub === choice) ?? identities.find((identity) => identity.family_name === choice)
    if (!found) throw new RangeError(`no test identity ${String(choice)}`)
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
    identities,
    endpoints,
    requests,
    jwks: { keys: variant === 'v1' ? [] : publicJwks },
    serverErrors,

    async authorize(authorizationUrl, opts = {}) {
      const identity = resolveIdentity(opts.identity)
      return browser.navigate(authorizationUrl, (form): FormDecision => {
        if (form.id === 'fc-login') {
          return {
            fields: opts.cancel
              ? { action: 'cancel' }
              : { action: 'login', identity: identity.sub, ...(opts.acr ? { acr: opts.acr } : {}) },
          }
        }
        // any other form the OP puts on the way (auto-submitted form_post pages)
        return { fields: {} }
      })
    },

    async logout(endSessionUrl) {
      return browser.navigate(
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
