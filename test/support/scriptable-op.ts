/**
 * A FranceConnect-like OP on loopback, written with jose, whose every answer a test can bend: the
 * ID token's header, claims and signature, the token response, userinfo, delays. It is the ground
 * for the negative cases; the realistic OP (oidc-provider) is in oidc-op.ts.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CompactEncrypt, SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK } from 'jose'

export type ScriptableVariant = 'v2' | 'fcplus' | 'v1'

export interface SigningKey {
  kid: string
  alg: string
  privateKey: CryptoKey
  publicJwk: JWK
}

/** What a test may change; reset() puts everything back. */
export interface Behaviour {
  /** Change the ID token claims before signing. */
  idTokenClaims?: (claims: Record<string, unknown>) => Record<string, unknown>
  /** Produce the ID token yourself (claims given are the final ones). */
  signIdToken?: (claims: Record<string, unknown>) => Promise<string>
  /** Change the token endpoint's JSON body, or replace the whole answer. */
  tokenResponse?: (body: Record<string, unknown>) => Record<string, unknown> | RawAnswer
  userinfoClaims?: (claims: Record<string, unknown>) => Record<string, unknown>
  signUserinfo?: (claims: Record<string, unknown>) => Promise<string>
  userinfoResponse?: (defaultBody: string) => RawAnswer
  discovery?: (doc: Record<string, unknown>) => Record<string, unknown>
  /** Wait this long before answering the token endpoint. */
  tokenDelayMs?: number
  /** Skip FC+ encryption of the ID token / userinfo. */
  encrypt?: { idToken?: boolean; userinfo?: boolean; enc?: string }
}

export interface RawAnswer {
  status: number
  contentType?: string
  body: string
  headers?: Record<string, string>
}

export interface ScriptableOp {
  issuer: string
  clientId: string
  clientSecret: string
  redirectUri: string
  postLogoutRedirectUri: string
  /** Keys in the OP's JWKS. */
  signingKeys: { es256: SigningKey; rs256: SigningKey }
  /** A key NOT in the JWKS (for "signed by another key"). */
  foreignKey: SigningKey
  behaviour: Behaviour
  /** Public keys served in the JWKS besides the two signing keys (key rotation). */
  extraJwks: JWK[]
  requests: Record<string, number>
  /** The identity released at userinfo. */
  identity: Record<string, unknown>
  /** Plays the provider's side of the authorization: returns the callback URL for this authorization URL. */
  authorize(authorizationUrl: string, opts?: { acr?: string }): string
  signJwt(claims: Record<string, unknown>, key: SigningKey, header?: Record<string, unknown>): Promise<string>
  encryptFor(jws: string, enc?: string): Promise<string>
  reset(): void
  close(): Promise<void>
}

export const angela = {
  given_name: 'Angela Claire Louise',
  given_name_array: ['Angela', 'Claire', 'Louise'],
  family_name: 'DUBOIS',
  gender: 'female',
  birthdate: '1962-08-24',
  birthplace: '75107',
  birthcountry: '99100',
  email: 'wossewodda-3728@yopmail.com',
}

async function signingKey(kid: string, alg: 'ES256' | 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } }
}

export async function startScriptableOp(options: {
  variant: ScriptableVariant
  signingAlg?: 'ES256' | 'RS256'
  /** FC+: the client's public encryption JWK. */
  clientEncryptionJwk?: JWK
  /** The client authenticates with private_key_jwt signed by this key (its public JWK). */
  clientAssertionJwk?: JWK
}): Promise<ScriptableOp> {
  const variant = options.variant
  const es256 = await signingKey('es-1', 'ES256')
  const rs256 = await signingKey('rs-1', 'RS256')
  const foreignKey = await signingKey('es-1', 'ES256')
  const clientId = 'a'.repeat(32) + randomBytes(16).toString('hex')
  const clientSecret = randomBytes(32).toString('hex')
  const codes = new Map<string, { nonce: string; acr?: string | undefined; scope: string; amr: boolean }>()
  const sub = randomBytes(32).toString('hex') + 'v1'
  const requests: Record<string, number> = {}
  const count = (name: string) => (requests[name] = (requests[name] ?? 0) + 1)

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const base = variant === 'v1' ? origin : `${origin}/api/v2`
  const issuer = base
  const signing = (options.signingAlg ?? 'ES256') === 'ES256' ? es256 : rs256

  const op: ScriptableOp = {
    issuer,
    clientId,
    clientSecret,
    redirectUri: 'http://127.0.0.1:1/callback',
    postLogoutRedirectUri: 'http://127.0.0.1:1/logged-out',
    signingKeys: { es256, rs256 },
    foreignKey,
    behaviour: {},
    extraJwks: [],
    requests,
    identity: { sub, ...angela },
    authorize(authorizationUrl, opts = {}) {
      const url = new URL(authorizationUrl)
      const code = randomBytes(24).toString('base64url')
      codes.set(code, {
        nonce: url.searchParams.get('nonce') ?? '',
        acr: opts.acr ?? url.searchParams.get('acr_values') ?? undefined,
        scope: url.searchParams.get('scope') ?? 'openid',
        amr: (url.searchParams.get('claims') ?? '').includes('amr'),
      })
      const callback = new URL(op.redirectUri)
      callback.searchParams.set('code', code)
      callback.searchParams.set('state', url.searchParams.get('state') ?? '')
      if (variant !== 'v1') callback.searchParams.set('iss', issuer)
      return callback.href
    },
    signJwt(claims, key, header = {}) {
      return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, ...header }).sign(key.privateKey)
    },
    async encryptFor(jws, enc = 'A256GCM') {
      const jwk = options.clientEncryptionJwk
      if (!jwk) throw new Error('no client encryption key')
      const key = await importJWK(jwk, jwk.alg)
      return new CompactEncrypt(new TextEncoder().encode(jws))
        .setProtectedHeader({ alg: jwk.alg as string, enc, kid: jwk.kid as string, cty: 'JWT' })
        .encrypt(key)
    },
    reset() {
      op.behaviour = {}
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }

  async function sign(claims: Record<string, unknown>): Promise<string> {
    if (variant === 'v1') {
      return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(clientSecret))
    }
    return op.signJwt(claims, signing)
  }

  async function maybeEncrypt(jws: string, which: 'idToken' | 'userinfo'): Promise<string> {
    if (variant !== 'fcplus') return jws
    const encrypt = op.behaviour.encrypt
    if (encrypt && encrypt[which] === false) return jws
    return op.encryptFor(jws, encrypt?.enc)
  }

  function send(res: ServerResponse, answer: RawAnswer): void {
    res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json', ...answer.headers })
    res.end(answer.body)
  }

  async function clientAuthenticated(form: URLSearchParams): Promise<boolean> {
    if (form.get('client_id') !== clientId) return false
    if (!options.clientAssertionJwk) return form.get('client_secret') === clientSecret
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return false
    try {
      const key = await importJWK(options.clientAssertionJwk, options.clientAssertionJwk.alg)
      const { payload } = await jwtVerify(form.get('client_assertion') ?? '', key, {
        issuer: clientId,
        subject: clientId,
        audience: `${base}/token`,
      })
      return typeof payload.jti === 'string' && form.get('client_secret') === null
    } catch {
      return false
    }
  }

  async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    const path = url.pathname
    const prefix = variant === 'v1' ? '/api/v1' : '/api/v2'
    if (path === `${prefix}/.well-known/openid-configuration` && variant !== 'v1') {
      count('discovery')
      let doc: Record<string, unknown> = {
        issuer,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        userinfo_endpoint: `${base}/userinfo`,
        jwks_uri: `${base}/jwks`,
        end_session_endpoint: `${base}/session/end`,
        revocation_endpoint: `${base}/token/revocation`,
        response_types_supported: ['code'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['ES256', 'RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
        authorization_response_iss_parameter_supported: true,
      }
      if (op.behaviour.discovery) doc = op.behaviour.discovery(doc)
      return send(res, { status: 200, body: JSON.stringify(doc) })
    }
    if (path === `${prefix}/jwks`) {
      count('jwks')
      return send(res, { status: 200, body: JSON.stringify({ keys: [es256.publicJwk, rs256.publicJwk, ...op.extraJwks] }) })
    }
    if (path === `${prefix}/token` && req.method === 'POST') {
      count('token')
      const form = await readForm(req)
      if (op.behaviour.tokenDelayMs) await new Promise((r) => setTimeout(r, op.behaviour.tokenDelayMs))
      if (!(await clientAuthenticated(form))) {
        return send(res, {
          status: 401,
          body: JSON.stringify({
            error: 'invalid_client',
            error_description: 'client authentication failed (invalid secret provided)',
            error_uri: 'https://docs.partenaires.franceconnect.gouv.fr/fs/fs-technique/fs-technique-erreurs/?code=Y0434A7B&id=1',
          }),
        })
      }
      const grant = codes.get(form.get('code') ?? '')
      codes.delete(form.get('code') ?? '')
      if (!grant) {
        return send(res, {
          status: 400,
          body: JSON.stringify({
            error: 'invalid_grant',
            error_description: 'grant request is invalid (authorization code not found)',
            error_uri: 'https://docs.partenaires.franceconnect.gouv.fr/fs/fs-technique/fs-technique-erreurs/?code=Y049E20B&id=2',
          }),
        })
      }
      const now = Math.floor(Date.now() / 1000)
      let claims: Record<string, unknown> = {
        iss: issuer,
        aud: clientId,
        sub,
        exp: now + 60,
        iat: now,
        nonce: grant.nonce,
        acr: grant.acr ?? 'eidas1',
        auth_time: now,
        ...(grant.amr ? { amr: ['fc', 'pwd'] } : {}),
      }
      if (op.behaviour.idTokenClaims) claims = op.behaviour.idTokenClaims(claims)
      const jws = op.behaviour.signIdToken ? await op.behaviour.signIdToken(claims) : await sign(claims)
      const idToken = await maybeEncrypt(jws, 'idToken')
      const accessToken = randomBytes(32).toString('base64url')
      let body: Record<string, unknown> | RawAnswer = {
        access_token: accessToken,
        expires_in: 60,
        id_token: idToken,
        scope: grant.scope,
        token_type: 'Bearer',
      }
      if (op.behaviour.tokenResponse) body = op.behaviour.tokenResponse(body)
      if ('status' in body && typeof body.status === 'number') return send(res, body as RawAnswer)
      return send(res, { status: 200, body: JSON.stringify(body) })
    }
    if (path === `${prefix}/userinfo`) {
      count('userinfo')
      const now = Math.floor(Date.now() / 1000)
      let claims: Record<string, unknown> = { ...op.identity }
      if (variant !== 'v1') Object.assign(claims, { iss: issuer, aud: clientId, iat: now, exp: now + 60 })
      if (op.behaviour.userinfoClaims) claims = op.behaviour.userinfoClaims(claims)
      let answer: RawAnswer
      if (variant === 'v1') {
        answer = { status: 200, body: JSON.stringify(claims) }
      } else {
        const jws = op.behaviour.signUserinfo ? await op.behaviour.signUserinfo(claims) : await sign(claims)
        answer = { status: 200, contentType: 'application/jwt', body: await maybeEncrypt(jws, 'userinfo') }
      }
      if (op.behaviour.userinfoResponse) answer = op.behaviour.userinfoResponse(answer.body)
      return send(res, answer)
    }
    if (path === `${prefix}/token/revocation` && req.method === 'POST') {
      count('revocation')
      const form = await readForm(req)
      const fields = [...form.keys()].sort().join(',')
      if (fields !== 'client_id,client_secret,token') {
        return send(res, { status: 400, body: JSON.stringify({ error: 'invalid_request' }) })
      }
      return send(res, { status: 200, body: '' })
    }
    send(res, { status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' })
  }

  return op
}
