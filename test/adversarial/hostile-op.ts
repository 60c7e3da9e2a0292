/**
 * A hostile OpenID provider on loopback, written with jose and Web Crypto, whose every answer a test
 * can bend: discovery, key set, token endpoint, ID token (header, claims, signature, encryption),
 * userinfo, the data provider's checktoken, and the transport itself (redirects, slow or endless
 * bodies, resets). Tokens are assembled by hand (`signCompact`, `encryptCompact`) so that a test can
 * put anything in a JOSE header — `crit`, `jku`, duplicated members, `zip` — which a conforming
 * library would refuse to produce.
 *
 * Every secret it hands out is a recognisable canary (`canaries()`), so that the secrets test can
 * look for them in errors: the client secret, each code, access token, refresh token and ID token
 * issued, and the identity released.
 *
 * Variants: `v2` (FranceConnect v2: ES256 JWS, userinfo a JWS), `fcplus` (FranceConnect+: the same
 * JWS encrypted to the client's RSA-OAEP-256 key with A256GCM), `v1` (HS256 keyed with the client
 * secret, plain JSON userinfo, no discovery).
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deflateRawSync } from 'node:zlib'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import type { EncryptionKey } from '../../src/oidc/encryption-keys.js'

export type Variant = 'v2' | 'fcplus' | 'v1'

/** A signing key of the OP (or of an impostor). */
export interface SigningKey {
  kid: string
  alg: 'ES256' | 'RS256'
  privateKey: CryptoKey
  publicJwk: JWK
}

/** An RSA-OAEP-256 key pair someone decrypts with. */
export interface RecipientKey {
  kid: string
  publicKey: CryptoKey
  /** The private JWK, as the client or the data provider configures it. */
  privateJwk: EncryptionKey
}

/** How a JWS becomes a JWE: every member of the protected header can be bent. */
export interface JweOptions {
  /** Key management algorithm written in the header (the CEK is always wrapped with RSA-OAEP-256). */
  alg: string
  enc: 'A128GCM' | 'A192GCM' | 'A256GCM'
  /** `undefined`: the recipient's kid; `null`: no kid. */
  kid?: string | null
  /** Compress the plaintext (DEFLATE) and say so with `zip: "DEF"`. */
  zip?: boolean
  recipient: RecipientKey
  /** Members added to the protected header (e.g. `cty`). */
  extraHeader?: Record<string, unknown>
}

/** How one signed artifact (ID token, userinfo, checktoken answer) is bent on its way out. */
export interface ArtifactBend {
  claims?(claims: Record<string, unknown>): Record<string, unknown>
  header?(header: Record<string, unknown>): Record<string, unknown>
  /** Replaces the default signing with the OP's key. */
  sign?(header: Record<string, unknown>, claims: Record<string, unknown>): Promise<string>
  /** Post-processes the compact JWS (flip a byte, truncate…). */
  jws?(jws: string): string
  /**
   * The JWE around the JWS: options bend it (FC+ and checktoken encrypt by default), `false` sends
   * the JWS alone; on v2, options encrypt a token that is normally only signed.
   */
  jwe?: Partial<JweOptions> | false
  /** Post-processes the final token. */
  final?(token: string): string
}

/** An answer written by hand: a status and body, or a misbehaving transport. */
export type Answer =
  | { status: number; contentType?: string; headers?: Record<string, string>; body: string }
  | { kind: 'redirect'; location: string; status?: number }
  /** 200 with headers at once, then one byte every `intervalMs`, never finishing. */
  | { kind: 'slow-body'; intervalMs?: number }
  /** 200 with a body of `bytes` bytes, streamed fast, with or without a Content-Length. */
  | { kind: 'huge-body'; bytes: number; declareLength: boolean; contentType?: string }
  /** 200 announcing 4096 bytes, sends 100, then resets the connection. */
  | { kind: 'reset-mid-body' }
  /** Never answers. */
  | { kind: 'hang' }

/** What a test may bend; `reset()` puts everything back. */
export interface Bend {
  discovery?(doc: Record<string, unknown>): Record<string, unknown>
  discoveryAnswer?(body: string): Answer
  jwks?(keys: JWK[]): JWK[]
  jwksAnswer?(body: string): Answer
  idToken?: ArtifactBend
  /** The token endpoint's JSON body, before it is written. */
  tokenBody?(body: Record<string, unknown>): Record<string, unknown>
  /** Replaces the token endpoint's answer (the default body is given, serialised). */
  tokenAnswer?(body: string, request: { form: URLSearchParams }): Answer
  /**
   * Answers the token request before the OP checks anything (client authentication, grant): to
   * echo what the client sent, or answer a refresh grant. `undefined` lets the OP answer.
   */
  tokenRequest?(request: { form: URLSearchParams; authorization: string | undefined }): Answer | Promise<Answer> | undefined
  userinfo?: ArtifactBend
  userinfoAnswer?(body: string, request: { authorization: string | undefined }): Answer
  checktoken?: ArtifactBend
  checktokenAnswer?(body: string, request: { form: URLSearchParams }): Answer
}

/** The values whose appearance anywhere in an error or a log would be a leak. */
export interface Canaries {
  clientSecret: string
  dataProviderSecret: string
  codes: string[]
  accessTokens: string[]
  refreshTokens: string[]
  idTokens: string[]
  identity: string[]
}

export interface HostileOp {
  variant: Variant
  origin: string
  issuer: string
  clientId: string
  clientSecret: string
  redirectUri: string
  postLogoutRedirectUri: string
  /** The OP's keys, in its JWKS. */
  keys: { es256: SigningKey; rs256: SigningKey }
  /** Not in the JWKS: same kid as `keys.es256`. */
  impostor: SigningKey
  /** Not in the JWKS: a kid the OP never published. */
  rogue: SigningKey
  /** FC+: the client's decryption key (its private JWK goes to `encryptionKeys`). */
  clientKey: RecipientKey
  /** A key pair that is not the client's, under the client's kid. */
  strangerKey: RecipientKey
  /** The data provider's checktoken decryption key and credentials (checktoken at `${issuer}/checktoken`). */
  dataProvider: { clientId: string; clientSecret: string; key: RecipientKey }
  /** The identity released at userinfo (its values are canaries). */
  identity: Record<string, unknown>
  bend: Bend
  requests: Record<string, number>
  /** The bodies the revocation endpoint received, in order (it answers as FranceConnect's DTO does). */
  revocations: URLSearchParams[]
  /** Plays the user at the provider: the callback URL the browser would bring back. */
  authorize(authorizationUrl: string, options?: { acr?: string }): string
  /** Registers an access token the checktoken endpoint knows (as if issued to this client). */
  issueAccessToken(): string
  /** Signs by hand: any header (object or raw JSON text), any payload. */
  signCompact(
    header: Record<string, unknown> | string,
    payload: Record<string, unknown> | string,
    key: SigningKey | { alg: 'HS256'; secret: string | Uint8Array } | 'none',
  ): Promise<string>
  encryptCompact(plaintext: string, options: JweOptions): Promise<string>
  canaries(): Canaries
  reset(): void
  close(): Promise<void>
}

/** Base64url of a string, bytes, or a value serialised as JSON. */
export function b64url(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64url')
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
}

/** The canary identity: valid FranceConnect claims, each value unmistakable. */
export const canaryIdentity = {
  given_name: 'Zephyrine Canarine',
  given_name_array: ['Zephyrine', 'Canarine'],
  family_name: 'CANARDIERE',
  gender: 'female',
  birthdate: '1947-02-19',
  birthplace: '75107',
  birthcountry: '99100',
  email: 'zephyrine.canardiere@canary.example',
}

async function signingKey(kid: string, alg: 'ES256' | 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } }
}

async function recipientKey(kid: string): Promise<RecipientKey> {
  const { privateKey, publicKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true })
  return { kid, publicKey, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RSA-OAEP-256' } }
}

const encoder = new TextEncoder()
const canary = (what: string) => `${what}-CANARY-${randomBytes(18).toString('base64url')}`

export async function startHostileOp(variant: Variant): Promise<HostileOp> {
  const [es256, rs256, impostor, rogue, clientKey, strangerKey, dpKey] = await Promise.all([
    signingKey('es-1', 'ES256'),
    signingKey('rs-1', 'RS256'),
    signingKey('es-1', 'ES256'),
    signingKey('rogue-1', 'ES256'),
    recipientKey('enc-1'),
    recipientKey('enc-1'),
    recipientKey('dp-1'),
  ])
  const clientId = `client${randomBytes(16).toString('hex')}`
  const clientSecret = canary('SECRET')
  const dataProvider = { clientId: `dp${randomBytes(16).toString('hex')}`, clientSecret: canary('DPSECRET'), key: dpKey }
  const sub = `${randomBytes(32).toString('hex')}v1`
  const identity: Record<string, unknown> = { sub, ...canaryIdentity }
  const grants = new Map<string, { nonce: string; acr: string | undefined; scope: string; amr: boolean }>()
  const activeTokens = new Map<string, { exp: number; scope: string; acr: string }>()
  const issued: Canaries = {
    clientSecret,
    dataProviderSecret: dataProvider.clientSecret,
    codes: [],
    accessTokens: [],
    refreshTokens: [],
    idTokens: [],
    identity: [sub, canaryIdentity.given_name, canaryIdentity.family_name, canaryIdentity.birthdate, canaryIdentity.email],
  }
  const requests: Record<string, number> = {}
  const count = (name: string) => (requests[name] = (requests[name] ?? 0) + 1)
  const openResponses = new Set<ServerResponse>()

  const server = createServer((req, res) => {
    openResponses.add(res)
    res.on('close', () => openResponses.delete(res))
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const prefix = variant === 'v1' ? '/api/v1' : '/api/v2'
  const issuer = variant === 'v1' ? origin : `${origin}/api/v2`
  const base = `${origin}${prefix}`

  async function signCompact(
    header: Record<string, unknown> | string,
    payload: Record<string, unknown> | string,
    key: SigningKey | { alg: 'HS256'; secret: string | Uint8Array } | 'none',
  ): Promise<string> {
    const input = `${b64url(header)}.${b64url(payload)}`
    if (key === 'none') return `${input}.`
    let signature: ArrayBuffer
    if (key.alg === 'HS256') {
      const raw = Uint8Array.from(typeof key.secret === 'string' ? encoder.encode(key.secret) : key.secret)
      const hmac = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      signature = await crypto.subtle.sign('HMAC', hmac, encoder.encode(input))
    } else if (key.alg === 'ES256') {
      signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, encoder.encode(input))
    } else {
      signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key.privateKey, encoder.encode(input))
    }
    return `${input}.${b64url(new Uint8Array(signature))}`
  }

  async function encryptCompact(plaintext: string, options: JweOptions): Promise<string> {
    const kid = options.kid === undefined ? options.recipient.kid : options.kid
    const header: Record<string, unknown> = {
      alg: options.alg,
      enc: options.enc,
      ...(kid === null ? {} : { kid }),
      ...(options.zip ? { zip: 'DEF' } : {}),
      ...options.extraHeader,
    }
    const cekLength = { A128GCM: 16, A192GCM: 24, A256GCM: 32 }[options.enc]
    const cek = crypto.getRandomValues(new Uint8Array(cekLength))
    const iv = crypto.getRandomValues(new Uint8Array(12))
    const encryptedKey = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, options.recipient.publicKey, cek))
    const protectedHeader = b64url(header)
    const aes = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['encrypt'])
    const data = options.zip ? new Uint8Array(deflateRawSync(encoder.encode(plaintext))) : encoder.encode(plaintext)
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(protectedHeader), tagLength: 128 },
        aes,
        data,
      ),
    )
    const ciphertext = sealed.subarray(0, sealed.length - 16)
    const tag = sealed.subarray(sealed.length - 16)
    return [protectedHeader, b64url(encryptedKey), b64url(iv), b64url(ciphertext), b64url(tag)].join('.')
  }

  /** The pipeline of every signed artifact: claims, header, signature, optional JWE, each bendable. */
  async function produce(
    claims: Record<string, unknown>,
    bend: ArtifactBend | undefined,
    defaults: { encrypt: boolean; recipient: RecipientKey; kid: string | null; cty: boolean },
  ): Promise<string> {
    const finalClaims = bend?.claims ? bend.claims(claims) : claims
    const key = variant === 'v1' ? undefined : es256
    let header: Record<string, unknown> = key ? { alg: key.alg, kid: key.kid } : { alg: 'HS256' }
    if (bend?.header) header = bend.header(header)
    let jws = bend?.sign
      ? await bend.sign(header, finalClaims)
      : await signCompact(header, finalClaims, key ?? { alg: 'HS256', secret: clientSecret })
    if (bend?.jws) jws = bend.jws(jws)
    let token = jws
    const jwe = bend?.jwe
    if (jwe !== false && (defaults.encrypt || jwe !== undefined)) {
      token = await encryptCompact(jws, {
        alg: 'RSA-OAEP-256',
        enc: 'A256GCM',
        kid: defaults.kid,
        recipient: defaults.recipient,
        ...(defaults.cty ? { extraHeader: { cty: 'JWT' } } : {}),
        ...jwe,
      })
    }
    return bend?.final ? bend.final(token) : token
  }

  function write(res: ServerResponse, answer: Answer): void {
    if (!('kind' in answer)) {
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json', ...answer.headers })
      res.end(answer.body)
      return
    }
    switch (answer.kind) {
      case 'redirect':
        res.writeHead(answer.status ?? 302, { location: answer.location, 'content-type': 'text/plain' })
        res.end('moved')
        return
      case 'slow-body': {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"access_token":')
        const timer = setInterval(() => res.write(' '), answer.intervalMs ?? 100)
        res.on('close', () => clearInterval(timer))
        return
      }
      case 'huge-body': {
        res.writeHead(200, {
          'content-type': answer.contentType ?? 'application/json',
          ...(answer.declareLength ? { 'content-length': String(answer.bytes) } : {}),
        })
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        let sent = 0
        const pump = () => {
          while (sent < answer.bytes && !res.destroyed) {
            const size = Math.min(chunk.length, answer.bytes - sent)
            sent += size
            if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) return void res.once('drain', pump)
          }
          if (!res.destroyed) res.end()
        }
        pump()
        return
      }
      case 'reset-mid-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' })
        res.write(`{"access_token":"${'x'.repeat(80)}`)
        setTimeout(() => res.socket?.destroy(), 20)
        return
      case 'hang':
        return
    }
  }

  const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) })

  async function readText(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  const op: HostileOp = {
    variant,
    origin,
    issuer,
    clientId,
    clientSecret,
    redirectUri: 'http://127.0.0.1:9/callback',
    postLogoutRedirectUri: 'http://127.0.0.1:9/logged-out',
    keys: { es256, rs256 },
    impostor,
    rogue,
    clientKey,
    strangerKey,
    dataProvider,
    identity,
    bend: {},
    requests,
    revocations: [],
    authorize(authorizationUrl, options = {}) {
      const url = new URL(authorizationUrl)
      const code = canary('CODE')
      issued.codes.push(code)
      grants.set(code, {
        nonce: url.searchParams.get('nonce') ?? '',
        acr: options.acr ?? url.searchParams.get('acr_values') ?? undefined,
        scope: url.searchParams.get('scope') ?? 'openid',
        amr: (url.searchParams.get('claims') ?? '').includes('amr'),
      })
      const callback = new URL(op.redirectUri)
      callback.searchParams.set('code', code)
      callback.searchParams.set('state', url.searchParams.get('state') ?? '')
      if (variant !== 'v1') callback.searchParams.set('iss', issuer)
      return callback.href
    },
    issueAccessToken() {
      const token = canary('AT')
      issued.accessTokens.push(token)
      activeTokens.set(token, { exp: Math.floor(Date.now() / 1000) + 60, scope: 'openid identite_pivot', acr: 'eidas1' })
      return token
    },
    signCompact,
    encryptCompact,
    canaries: () => ({
      ...issued,
      codes: [...issued.codes],
      accessTokens: [...issued.accessTokens],
      refreshTokens: [...issued.refreshTokens],
      idTokens: [...issued.idTokens],
    }),
    reset() {
      op.bend = {}
    },
    async close() {
      for (const res of openResponses) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    const path = url.pathname
    const bend = op.bend
    const now = Math.floor(Date.now() / 1000)

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
      if (bend.discovery) doc = bend.discovery(doc)
      const body = JSON.stringify(doc)
      return write(res, bend.discoveryAnswer ? bend.discoveryAnswer(body) : { status: 200, body })
    }

    if (path === `${prefix}/jwks`) {
      count('jwks')
      let keys = [es256.publicJwk, rs256.publicJwk]
      if (bend.jwks) keys = bend.jwks(keys)
      const body = JSON.stringify({ keys })
      return write(res, bend.jwksAnswer ? bend.jwksAnswer(body) : { status: 200, body })
    }

    if (path === `${prefix}/token` && req.method === 'POST') {
      count('token')
      const form = new URLSearchParams(await readText(req))
      const early = await bend.tokenRequest?.({ form, authorization: req.headers.authorization })
      if (early) return write(res, early)
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        return write(res, json(401, { error: 'invalid_client', error_description: 'client authentication failed' }))
      }
      const code = form.get('code') ?? ''
      const grant = grants.get(code)
      grants.delete(code)
      if (!grant) return write(res, json(400, { error: 'invalid_grant', error_description: 'authorization code not found' }))
      const claims: Record<string, unknown> = {
        iss: issuer,
        aud: clientId,
        sub,
        exp: now + 60,
        iat: now,
        nonce: grant.nonce,
        acr: grant.acr ?? 'eidas1',
        auth_time: now,
        ...(grant.amr ? { amr: ['pwd'] } : {}),
      }
      const idToken = await produce(claims, bend.idToken, {
        encrypt: variant === 'fcplus',
        recipient: clientKey,
        kid: clientKey.kid,
        cty: true,
      })
      issued.idTokens.push(idToken)
      const accessToken = canary('AT')
      const refreshToken = canary('RT')
      issued.accessTokens.push(accessToken)
      issued.refreshTokens.push(refreshToken)
      activeTokens.set(accessToken, { exp: now + 60, scope: grant.scope, acr: grant.acr ?? 'eidas1' })
      let body: Record<string, unknown> = {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: 60,
        id_token: idToken,
        scope: grant.scope,
        refresh_token: refreshToken,
      }
      if (bend.tokenBody) body = bend.tokenBody(body)
      const text = JSON.stringify(body)
      return write(res, bend.tokenAnswer ? bend.tokenAnswer(text, { form }) : { status: 200, body: text })
    }

    if (path === `${prefix}/userinfo`) {
      count('userinfo')
      const authorization = req.headers.authorization
      const token = authorization?.replace(/^Bearer /, '') ?? ''
      let answer: Answer
      if (!activeTokens.has(token)) {
        answer = json(401, { error: 'invalid_token', error_description: 'access token not found' })
      } else if (variant === 'v1') {
        const claims = bend.userinfo?.claims ? bend.userinfo.claims({ ...identity }) : { ...identity }
        answer = { status: 200, body: JSON.stringify(claims) }
      } else {
        const claims = { ...identity, iss: issuer, aud: clientId, iat: now, exp: now + 60 }
        const body = await produce(claims, bend.userinfo, {
          encrypt: variant === 'fcplus',
          recipient: clientKey,
          kid: clientKey.kid,
          cty: true,
        })
        answer = { status: 200, contentType: 'application/jwt', body }
      }
      if (bend.userinfoAnswer) answer = bend.userinfoAnswer('kind' in answer ? '' : answer.body, { authorization })
      return write(res, answer)
    }

    if (path === `${prefix}/token/revocation` && req.method === 'POST') {
      count('revocation')
      const form = new URLSearchParams(await readText(req))
      op.revocations.push(form)
      // FranceConnect's RevocationTokenParamsDTO: exactly token, client_id and client_secret
      const fields = [...new Set(form.keys())].sort().join(',')
      if (fields !== 'client_id,client_secret,token') {
        return write(res, json(400, { error: 'invalid_request', error_description: 'unexpected fields' }))
      }
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        return write(res, json(401, { error: 'invalid_client' }))
      }
      activeTokens.delete(form.get('token') ?? '')
      return write(res, { status: 200, body: '{}' })
    }

    if (path === `${prefix}/checktoken` && req.method === 'POST') {
      count('checktoken')
      const form = new URLSearchParams(await readText(req))
      if (form.get('client_id') !== dataProvider.clientId || form.get('client_secret') !== dataProvider.clientSecret) {
        return write(res, json(401, { error: 'invalid_client', error_description: 'Client authentication failed.' }))
      }
      const token = form.get('token') ?? ''
      const known = activeTokens.get(token)
      const introspection = known
        ? {
            active: true,
            aud: clientId,
            sub,
            iat: known.exp - 60,
            exp: known.exp,
            acr: known.acr,
            jti: randomBytes(16).toString('base64url'),
            scope: known.scope,
            ...canaryIdentity,
          }
        : { active: false }
      const payload = { iss: issuer, aud: dataProvider.clientId, iat: now, token_introspection: introspection }
      const body = await produce(payload, bend.checktoken, { encrypt: true, recipient: dpKey, kid: null, cty: false })
      const answer: Answer = { status: 200, contentType: 'application/token-introspection+jwt', body }
      return write(res, bend.checktokenAnswer ? bend.checktokenAnswer(body, { form }) : answer)
    }

    write(res, { status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' })
  }

  return op
}
