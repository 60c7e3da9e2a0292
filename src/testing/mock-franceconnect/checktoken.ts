/**
 * The mock FranceConnect's checktoken, for data providers. v2 / FranceConnect+ (france-connect/sources
 * `back/apps/core-fcp/src/controllers/data-provider.controller.ts`; docs/data-provider.md): `POST
 * {issuer}/checktoken`, form body of exactly `token`, `client_id`, `client_secret`; 400
 * `invalid_request` and 401 `invalid_client` JSON errors; a 200 `application/token-introspection+jwt`
 * whose body is a JWE with the header `{alg, enc}` (+ `epk`), no `kid`, encrypted to the first key of
 * the data provider's JWKS with `use: "enc"` and the registered `alg`, wrapping a JWS with the header
 * `{alg, kid}` and a payload of exactly `iss`, `aud`, `iat`, `token_introspection`. v1: `POST
 * /api/v1/checktoken` with the JSON `{token}`, no data provider credentials, a plain JSON answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { CompactEncrypt, CompactSign, importJWK, type JWK } from 'jose'
import { sendJson } from './http.js'
import type { OidcProvider } from './load-oidc-provider.js'
import { fetchPublicJwks } from './remote-jwks.js'
import type { OpSetup } from './setup.js'
import type { OpSite } from './site.js'
import type { MockDataProviderRegistration, MockIdentity } from './types.js'

/** An access token as the mock knows it. */
export interface KnownAccessToken {
  /** The token's `jti`: for FranceConnect's opaque access tokens, the token itself. */
  id: string
  accountId: string
  /** The service provider it was issued to. */
  clientId: string
  scopes: string[]
  acr: string
  iat: number
  exp: number
}

/** What the checktoken routes need from the mock. */
export interface ChecktokenContext {
  issuer: string
  /** The active access token, or undefined (unknown, expired, revoked). */
  findToken(token: string): Promise<KnownAccessToken | undefined>
  identity(accountId: string): MockIdentity | undefined
  subFor(accountId: string, clientId: string): string
  clientName(clientId: string): string
  dataProviders: ReadonlyMap<string, MockDataProviderRegistration>
  /** FranceConnect's private signing keys (from its JWKS), by alg. */
  signingKeys: { ES256?: JWK; RS256?: JWK }
  /** v1: the identity provider named in the answer. */
  identityProviderHost: string
}

/** The pivot identity FranceConnect hands data providers: RNIPP names, sex, birth. */
export function pivotIdentity(identity: MockIdentity, withArray: boolean): Record<string, unknown> {
  return {
    gender: identity.gender,
    family_name: identity.family_name,
    given_name: identity.given_name,
    ...(withArray ? { given_name_array: identity.given_name_array ?? identity.given_name.split(' ') } : {}),
    birthdate: identity.birthdate,
    birthplace: identity.birthplace,
    birthcountry: identity.birthcountry,
  }
}

async function readText(req: IncomingMessage, limit = 64 * 1024): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const invalidRequest = { error: 'invalid_request', error_description: 'Required parameter missing or invalid.' }
const invalidClient = { error: 'invalid_client', error_description: 'Client authentication failed.' }

/** `POST {issuer}/checktoken` (v2, FranceConnect+). */
export async function handleChecktokenV2(req: IncomingMessage, res: ServerResponse, context: ChecktokenContext): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 404, { error: 'not_found', error_description: `Cannot ${req.method ?? 'GET'} checktoken` })
    return
  }
  const body = await readText(req)
  const form = new URLSearchParams(body ?? '')
  const names = [...form.keys()]
  const allowed = ['token', 'client_id', 'client_secret']
  const wellFormed =
    body !== undefined &&
    (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded') &&
    names.length === allowed.length &&
    allowed.every((name) => (form.get(name) ?? '').length > 0)
  if (!wellFormed) {
    sendJson(res, 400, invalidRequest)
    return
  }
  const dataProvider = context.dataProviders.get(form.get('client_id') as string)
  if (!dataProvider || dataProvider.clientSecret !== form.get('client_secret')) {
    sendJson(res, 401, invalidClient)
    return
  }
  const introspection = await introspect(form.get('token') as string, dataProvider, context)
  const jwt = await signAndEncrypt(
    { iss: context.issuer, aud: dataProvider.clientId, iat: Math.floor(Date.now() / 1000), token_introspection: introspection },
    dataProvider,
    context,
  )
  res.writeHead(200, { 'content-type': 'application/token-introspection+jwt', 'cache-control': 'no-store' })
  res.end(jwt)
}

async function introspect(
  token: string,
  dataProvider: MockDataProviderRegistration,
  context: ChecktokenContext,
): Promise<Record<string, unknown>> {
  const known = await context.findToken(token)
  const identity = known ? context.identity(known.accountId) : undefined
  if (!known || !identity || known.exp <= Math.floor(Date.now() / 1000)) return { active: false }
  return {
    active: true,
    aud: known.clientId,
    // the sub computed for the data provider, not the service provider's
    sub: context.subFor(known.accountId, dataProvider.clientId),
    iat: known.iat,
    exp: known.exp,
    acr: known.acr,
    jti: known.id,
    // the granted scopes that belong to the data provider (may be "")
    scope: known.scopes.filter((scope) => dataProvider.scopes.includes(scope)).join(' '),
    ...pivotIdentity(identity, true),
  }
}

async function signAndEncrypt(
  payload: Record<string, unknown>,
  dataProvider: MockDataProviderRegistration,
  context: ChecktokenContext,
): Promise<string> {
  const alg = dataProvider.signingAlg ?? 'ES256'
  const signingJwk = context.signingKeys[alg]
  if (!signingJwk?.kid) throw new Error(`the mock FranceConnect has no ${alg} signing key`)
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg, kid: signingJwk.kid })
    .sign(await importJWK(signingJwk, alg))
  const { keys } = dataProvider.jwksUri ? await fetchPublicJwks(dataProvider.jwksUri) : (dataProvider.jwks ?? { keys: [] })
  const encryptionAlg = dataProvider.encryptionAlg ?? keys.find((key) => key.use === 'enc')?.alg
  // the first key with use "enc" and the registered alg; no kid in the header
  const target = keys.find((key) => key.use === 'enc' && key.alg === encryptionAlg)
  if (!target || !encryptionAlg) throw new Error('the data provider has no encryption key FranceConnect can use')
  return new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg: encryptionAlg, enc: 'A256GCM' })
    .encrypt(await importJWK(target, encryptionAlg))
}

/** `POST /api/v1/checktoken` (legacy v1, france-connect/data-provider-example): JSON `{token}`, no credentials, plain JSON answer. */
export async function handleChecktokenV1(req: IncomingMessage, res: ServerResponse, context: ChecktokenContext): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 404, { status: 'fail', message: 'not_found' })
    return
  }
  let token: unknown
  try {
    token = (JSON.parse((await readText(req)) ?? '') as { token?: unknown }).token
  } catch {
    token = undefined
  }
  if (typeof token !== 'string' || token.length === 0) {
    sendJson(res, 400, { status: 'fail', message: 'Malformed access token.' })
    return
  }
  const known = await context.findToken(token)
  const identity = known ? context.identity(known.accountId) : undefined
  if (!known || !identity || known.exp <= Math.floor(Date.now() / 1000)) {
    sendJson(res, 401, { status: 'fail', message: 'token_not_found_or_expired' })
    return
  }
  sendJson(res, 200, {
    scope: known.scopes,
    identity: {
      ...pivotIdentity(identity, false),
      preferred_username: identity.preferred_username ?? '',
      ...(identity.email ? { email: identity.email } : {}),
    },
    client: { client_id: known.clientId, client_name: context.clientName(known.clientId) },
    identity_provider_id: identity.idp_id ?? 'fip1',
    identity_provider_host: context.identityProviderHost,
    acr: known.acr,
  })
}

/**
 * What the checktoken routes of a mock need: its access tokens (as oidc-provider stores them), its
 * people, its data providers and its signing keys.
 *
 * @example
 * ```ts
 * await handleChecktokenV2(req, res, checktokenContextOf(provider, setup, site))
 * ```
 */
export function checktokenContextOf(provider: OidcProvider, setup: OpSetup, site: OpSite): ChecktokenContext {
  const { profile, client } = setup
  return {
    issuer: site.issuer,
    async findToken(token) {
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
    identity: setup.identity,
    subFor: setup.subFor,
    clientName: (forClientId) => (forClientId === client.clientId ? client.clientName : forClientId),
    dataProviders: setup.dataProviders,
    signingKeys: Object.fromEntries(setup.privateJwks.map((jwk) => [jwk.alg as string, jwk])) as { ES256?: JWK; RS256?: JWK },
    identityProviderHost: `${site.origin}/idp`,
  }
}
