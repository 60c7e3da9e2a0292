/**
 * A FranceConnect checktoken endpoint on loopback, written with jose, answering as FranceConnect v2 /
 * FranceConnect+ does (reference §12.1): form body of exactly token, client_id, client_secret; 400
 * invalid_request, 401 invalid_client; a 200 `application/token-introspection+jwt` JWE whose header
 * is exactly {alg, enc} (+ epk), no kid, encrypted to the FIRST key of the data provider's JWKS with
 * use "enc" and the registered alg; inside, a JWS with header {alg, kid} and a payload of exactly
 * iss, aud, iat, token_introspection. It also serves the v1 checktoken (§12.2) and FranceConnect's
 * JWKS. Tests bend one thing at a time through `behaviour`.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CompactEncrypt, CompactSign, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import type { EncryptionKey } from '../../src/oidc/encryption-keys.js'

export interface SigningKey {
  kid: string
  alg: 'ES256' | 'RS256'
  privateKey: CryptoKey
  publicJwk: JWK
}

export interface RawAnswer {
  status: number
  contentType?: string
  body: string
}

export type KeyManagementAlg = 'ECDH-ES' | 'RSA-OAEP' | 'RSA-OAEP-256'

/** What a test may change; reset() puts everything back. */
export interface ChecktokenBehaviour {
  /** The data provider's registered checktoken_signed_response_alg (default ES256). */
  signingAlg?: 'ES256' | 'RS256'
  /** The data provider's registered checktoken_encrypted_response_alg (default ECDH-ES). */
  encryptionAlg?: KeyManagementAlg
  /** The content encryption (FranceConnect: A256GCM). */
  enc?: string
  /** Sign with this key instead of FranceConnect's. */
  signWith?: SigningKey
  /** Change the outer JWS payload before signing. */
  payload?: (payload: Record<string, unknown>) => Record<string, unknown>
  /** Send the signed JWS without encrypting it. */
  skipEncryption?: boolean
  /** Encrypt to this public JWK instead of the data provider's. */
  encryptTo?: JWK
  /** Content type of a 200 answer (default application/token-introspection+jwt). */
  contentType?: string
  /** Replace the whole answer (v2 route). */
  answer?: RawAnswer
  /** Replace the whole answer (v1 route). */
  v1Answer?: RawAnswer
  /** Wait this long before answering checktoken (v1 and v2). */
  delayMs?: number
}

export interface IntrospectedToken {
  sub: string
  spClientId: string
  iat: number
  exp: number
  acr: string
  jti: string
  scope: string
  identity: Record<string, unknown>
}

export interface ChecktokenServer {
  origin: string
  /** v2 / FranceConnect+ issuer: `${origin}/api/v2`. */
  issuer: string
  /** v1 issuer: the origin (paths under /api/v1). */
  v1Issuer: string
  /** The data provider's credentials. */
  clientId: string
  clientSecret: string
  /** The service provider the tokens were issued to. */
  spClientId: string
  /** The data provider's private decryption keys. */
  dpKeys: { ecdh: EncryptionKey; rsa: EncryptionKey; rsaOaep: EncryptionKey }
  /** The data provider's published JWKS, as FranceConnect fetched it (the server encrypts to its first matching key). */
  dpJwks: JWK[]
  /** FranceConnect's signing keys, in its JWKS. */
  signingKeys: { es256: SigningKey; rs256: SigningKey }
  /** A key with the ES256 key's kid, NOT in the JWKS. */
  impostorKey: SigningKey
  /** A key with its own kid, NOT in the JWKS. */
  unknownKey: SigningKey
  behaviour: ChecktokenBehaviour
  requests: { checktoken: number; jwks: number; v1: number }
  /** The raw body and content type of the last checktoken request (v1 or v2). */
  lastRequest?: { contentType: string | undefined; body: string }
  /** Registers an active token and returns it (opaque, 43 base64url characters like FranceConnect's). */
  issueToken(overrides?: Partial<IntrospectedToken>): string
  /** Registers an active v1 token (64 hex characters). */
  issueV1Token(scope?: string[]): string
  revoke(token: string): void
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
}

async function signingKey(kid: string, alg: 'ES256' | 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } }
}

async function encryptionKey(kid: string, alg: KeyManagementAlg): Promise<EncryptionKey> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'ECDH-ES' ? { crv: 'P-256' } : {}) })
  return { ...(await exportJWK(privateKey)), kid, alg }
}

function publicOf(key: EncryptionKey): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = key
  return { ...rest, use: 'enc' }
}

export async function startChecktokenServer(): Promise<ChecktokenServer> {
  const es256 = await signingKey('pkcs11:ES256:hsm', 'ES256')
  const rs256 = await signingKey('pkcs11:RS256:hsm', 'RS256')
  const impostorKey = await signingKey('pkcs11:ES256:hsm', 'ES256')
  const unknownKey = await signingKey('rogue-key', 'ES256')
  const dpKeys = {
    ecdh: await encryptionKey('dp-ecdh', 'ECDH-ES'),
    rsa: await encryptionKey('dp-rsa', 'RSA-OAEP-256'),
    rsaOaep: await encryptionKey('dp-rsa-oaep', 'RSA-OAEP'),
  }
  const defaultDpJwks = (): JWK[] => [publicOf(dpKeys.ecdh), publicOf(dpKeys.rsa), publicOf(dpKeys.rsaOaep)]
  const clientId = randomBytes(32).toString('hex')
  const clientSecret = randomBytes(32).toString('hex')
  const spClientId = randomBytes(32).toString('hex')
  const tokens = new Map<string, IntrospectedToken>()
  const v1Tokens = new Map<string, string[]>()

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const issuer = `${origin}/api/v2`

  const fc: ChecktokenServer = {
    origin,
    issuer,
    v1Issuer: origin,
    clientId,
    clientSecret,
    spClientId,
    dpKeys,
    dpJwks: defaultDpJwks(),
    signingKeys: { es256, rs256 },
    impostorKey,
    unknownKey,
    behaviour: {},
    requests: { checktoken: 0, jwks: 0, v1: 0 },
    issueToken(overrides = {}) {
      const token = randomBytes(32).toString('base64url')
      const now = Math.floor(Date.now() / 1000)
      tokens.set(token, {
        sub: randomBytes(32).toString('hex') + 'v1',
        spClientId,
        iat: now,
        exp: now + 60,
        acr: 'eidas1',
        jti: randomBytes(32).toString('base64url'),
        scope: 'openid identite_pivot dgfip_rfr dgfip_nbpart',
        identity: { ...angela },
        ...overrides,
      })
      return token
    },
    issueV1Token(scope = ['openid', 'identite_pivot', 'dgfip_rfr']) {
      const token = randomBytes(32).toString('hex')
      v1Tokens.set(token, scope)
      return token
    },
    revoke(token) {
      tokens.delete(token)
      v1Tokens.delete(token)
    },
    reset() {
      fc.behaviour = {}
      fc.dpJwks = defaultDpJwks()
      fc.requests.checktoken = 0
      fc.requests.jwks = 0
      fc.requests.v1 = 0
      delete fc.lastRequest
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }

  function send(res: ServerResponse, answer: RawAnswer): void {
    res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' })
    res.end(answer.body)
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  async function delay(): Promise<void> {
    const ms = fc.behaviour.delayMs
    if (ms) await new Promise((resolve) => setTimeout(resolve, ms))
  }

  function introspectionOf(token: string): Record<string, unknown> {
    const known = tokens.get(token)
    const now = Math.floor(Date.now() / 1000)
    if (!known || known.exp <= now) return { active: false }
    return {
      active: true,
      aud: known.spClientId,
      sub: known.sub,
      iat: known.iat,
      exp: known.exp,
      acr: known.acr,
      jti: known.jti,
      scope: known.scope,
      ...known.identity,
    }
  }

  async function answerJwt(introspection: Record<string, unknown>): Promise<string> {
    const b = fc.behaviour
    const key = b.signWith ?? ((b.signingAlg ?? 'ES256') === 'ES256' ? es256 : rs256)
    let payload: Record<string, unknown> = {
      iss: issuer,
      aud: clientId,
      iat: Math.floor(Date.now() / 1000),
      token_introspection: introspection,
    }
    if (b.payload) payload = b.payload(payload)
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .sign(key.privateKey)
    if (b.skipEncryption) return jws
    const alg = b.encryptionAlg ?? 'ECDH-ES'
    // FranceConnect: the first key of the data provider's JWKS with use "enc" and the registered alg.
    const target = b.encryptTo ?? fc.dpJwks.find((jwk) => jwk.use === 'enc' && jwk.alg === alg)
    if (!target) throw new Error(`no ${alg} encryption key in the data provider JWKS`)
    const publicKey = await importJWK(target, alg)
    return new CompactEncrypt(new TextEncoder().encode(jws))
      .setProtectedHeader({ alg, enc: b.enc ?? 'A256GCM' })
      .encrypt(publicKey)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', origin).pathname
    if (req.method === 'GET' && path === '/api/v2/jwks') {
      fc.requests.jwks++
      res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=600' })
      res.end(JSON.stringify({ keys: [es256.publicJwk, rs256.publicJwk] }))
      return
    }
    if (req.method === 'POST' && path === '/api/v2/checktoken') {
      fc.requests.checktoken++
      const body = await readBody(req)
      fc.lastRequest = { contentType: req.headers['content-type'], body }
      await delay()
      if (fc.behaviour.answer) return send(res, fc.behaviour.answer)
      const form = new URLSearchParams(body)
      const names = [...form.keys()]
      const allowed = ['token', 'client_id', 'client_secret']
      const valid =
        req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') &&
        names.length === 3 &&
        allowed.every((name) => (form.get(name) ?? '').length > 0)
      if (!valid) {
        return send(res, {
          status: 400,
          body: JSON.stringify({ error: 'invalid_request', error_description: 'Required parameter missing or invalid.' }),
        })
      }
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        return send(res, {
          status: 401,
          body: JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed.' }),
        })
      }
      const jwt = await answerJwt(introspectionOf(form.get('token') as string))
      return send(res, { status: 200, contentType: fc.behaviour.contentType ?? 'application/token-introspection+jwt', body: jwt })
    }
    if (req.method === 'POST' && path === '/api/v1/checktoken') {
      fc.requests.v1++
      const body = await readBody(req)
      fc.lastRequest = { contentType: req.headers['content-type'], body }
      await delay()
      if (fc.behaviour.v1Answer) return send(res, fc.behaviour.v1Answer)
      let token: unknown
      try {
        token = (JSON.parse(body) as { token?: unknown }).token
      } catch {
        token = undefined
      }
      const scope = typeof token === 'string' ? v1Tokens.get(token) : undefined
      if (!scope)
        return send(res, { status: 401, body: JSON.stringify({ status: 'fail', message: 'token_not_found_or_expired' }) })
      return send(res, {
        status: 200,
        body: JSON.stringify({
          scope,
          identity: {
            ...angela,
            given_name_array: undefined,
            preferred_username: '',
            email: 'wossewodda-3728@yopmail.com',
            address: {
              country: 'France',
              formatted: 'France Paris 75107 20 avenue de Ségur',
              locality: 'Paris',
              postal_code: '75107',
              street_address: '20 avenue de Ségur',
            },
            phone_number: '0123456789',
            _claim_names: {},
            _claim_sources: { src1: {} },
          },
          client: { client_id: spClientId, client_name: 'Test SP' },
          identity_provider_id: 'dgfip',
          identity_provider_host: 'fip1.integ01.dev-franceconnect.fr',
          acr: 'eidas2',
        }),
      })
    }
    send(res, { status: 404, body: JSON.stringify({ error: 'not_found' }) })
  }

  return fc
}
