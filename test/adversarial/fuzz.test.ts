/**
 * Property tests (fast-check) over every entry point that reads untrusted input: the callback parser
 * and `callback()`, the JOSE validation entry point `verifyJwt` (random compact strings, random
 * headers and payloads signed with the real keys or not, random JWEs), each connector's parser
 * (`parsePayload` + its normaliser, on random JSON and on mutations of a valid payload, and through
 * the connector's HTTP call), and the checktoken parser (`readIntrospection`, and `verifyAccessToken`
 * v2 and v1 on random answers).
 *
 * One property holds everywhere: whatever comes in, the only thing ever thrown is an error of the
 * SDK (`isFranceConnectSdkError`) — never a TypeError, a RangeError, a jose or valibot error. Where
 * an input is accepted, a second property checks it deserved to be (a verified JWT has the right
 * issuer, audience and times; a callback is never accepted with an unknown state).
 *
 * `RUNS` scales every property; the total is printed at the end (about 60,000 inputs by default).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readCallbackParams } from '../../src/client/parse-callback.js'
import { verifyAccessToken } from '../../src/data-provider/index.js'
import { readIntrospection } from '../../src/data-provider/introspection.js'
import { isFranceConnectSdkError } from '../../src/index.js'
import { createDecryptionKeys } from '../../src/oidc/encryption-keys.js'
import { createKeySet, type KeySet } from '../../src/oidc/key-set.js'
import { verifyJwt, type JwtExpectations } from '../../src/oidc/verify-jwt.js'
import { connectorCases, type ConnectorCase } from './hostile-api.js'
import { b64url, startHostileOp, type HostileOp, type JweOptions } from './hostile-op.js'
import { clientFor } from './hostile-op.test.js'

/** Multiplies every `numRuns` (e.g. RUNS=10 for a long local run). */
const scale = Number(process.env.RUNS ?? 1)
let totalRuns = 0
const runs = (n: number) => {
  const count = Math.max(1, Math.round(n * scale))
  totalRuns += count
  return { numRuns: count }
}

/** How often each outcome (`accepted` or an error code) came out of the current property. */
let tally = new Map<string, number>()
const outcomes = () => {
  const seen = tally
  tally = new Map()
  return seen
}

/** Runs `fn`; a throw must be an SDK error. Returns the value or the error, and counts the outcome. */
async function onlySdkErrors<T>(fn: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    const value = await fn()
    tally.set('accepted', (tally.get('accepted') ?? 0) + 1)
    return { ok: true, value }
  } catch (error) {
    if (!isFranceConnectSdkError(error)) {
      throw new Error(`a non-SDK error escaped: ${(error as Error)?.name}: ${(error as Error)?.message}`, { cause: error })
    }
    tally.set(error.code, (tally.get(error.code) ?? 0) + 1)
    return { ok: false, error }
  }
}

/** The generator reached these outcomes (so the checks behind them were exercised). */
function expectReached(...expected: string[]): void {
  const seen = outcomes()
  expect([...seen.keys()], JSON.stringify(Object.fromEntries(seen))).toEqual(expect.arrayContaining(expected))
}

const nowSec = () => Math.floor(Date.now() / 1000)
const base64urlChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
const segment = fc.string({ unit: base64urlChars, maxLength: 60 })
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), segment)

const removed = Symbol('removed')
/**
 * A valid object (made fresh for each input, so that times are current) with up to two members
 * replaced by another value or removed: most inputs are one step away from valid, so every check
 * gets reached, and some inputs are valid.
 */
function nearValid(base: () => Record<string, unknown>, overrides: Record<string, fc.Arbitrary<unknown>>) {
  const change = fc.oneof(
    ...Object.entries(overrides).map(([name, value]) =>
      fc.tuple(fc.constant(name), fc.oneof({ arbitrary: value, weight: 4 }, fc.constant(removed))),
    ),
  )
  return fc.array(change, { maxLength: 2 }).map((changes) => {
    const object = base()
    for (const [name, value] of changes) {
      if (value === removed) delete object[name]
      else object[name] = value
    }
    return object
  })
}

let op: HostileOp
beforeEach(() => {
  tally = new Map()
})
beforeAll(async () => {
  op = await startHostileOp('v2')
})
afterAll(async () => {
  await op.close()
  console.log(`fuzz: ${totalRuns} generated inputs`)
})

describe('callback parser and callback()', () => {
  const names = fc.constantFrom('state', 'code', 'iss', 'error', 'error_description', 'x', 'STATE', 'state[]', '')
  const pairs = fc.array(fc.tuple(names, anyText), { maxLength: 8 })

  it('readCallbackParams: random strings, URLs, URLSearchParams and values of any type', async () => {
    const input = fc.oneof(
      anyText,
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      pairs.map(
        (p) => `https://app.example/callback?${p.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`,
      ),
      pairs.map((p) => `/callback?${p.map(([k, v]) => `${k}=${v}`).join('&')}`),
      pairs.map((p) => new URLSearchParams(p)),
      fc.webUrl().map((u) => new URL(u)),
      fc.anything(),
    )
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const result = await onlySdkErrors(() => readCallbackParams(value as never))
        if (result.ok) {
          for (const name of ['state', 'code', 'iss', 'error']) expect(result.value.getAll(name).length).toBeLessThanOrEqual(1)
        } else {
          expect((result.error as { code: string }).code).toBe('callback_invalid')
        }
      }),
      runs(12_000),
    )
    expectReached('accepted', 'callback_invalid')
  })

  it('callback(): random queries with unknown states never reach the provider and never sign in', async () => {
    const client = clientFor(op)
    const { cookie } = await client.authorize()
    const before = op.requests.token ?? 0
    await fc.assert(
      fc.asyncProperty(pairs, async (p) => {
        const result = await onlySdkErrors(() => client.callback(new URLSearchParams(p), { cookie: cookie.value }))
        expect(result.ok).toBe(false)
      }),
      runs(4_000),
    )
    expect(op.requests.token ?? 0).toBe(before)
  })

  it('callback(): random queries around a real pending state are refused with SDK errors', async () => {
    const client = clientFor(op)
    const bent = fc.record({
      extra: pairs,
      code: fc.option(anyText, { nil: undefined }),
      iss: fc.constantFrom<'right' | 'wrong' | 'none' | 'twice'>('right', 'wrong', 'none', 'twice'),
      error: fc.option(fc.constantFrom('access_denied', 'invalid_acr', 'server_error', '\r\n', ''), { nil: undefined }),
    })
    await fc.assert(
      fc.asyncProperty(bent, async ({ extra, code, iss, error }) => {
        const { state, cookie } = await client.authorize()
        const query = new URLSearchParams(extra.filter(([k]) => !['state', 'code', 'iss', 'error'].includes(k)))
        query.set('state', state)
        if (code !== undefined) query.set('code', code)
        if (error !== undefined) query.set('error', error)
        if (iss === 'right' || iss === 'twice') query.append('iss', op.issuer)
        if (iss === 'wrong' || iss === 'twice') query.append('iss', 'https://evil.example')
        const result = await onlySdkErrors(() => client.callback(query, { cookie: cookie.value }))
        expect(result.ok, 'a random code signed someone in').toBe(false)
      }),
      runs(400),
    )
  })
})

describe('JOSE validation entry point (verifyJwt)', () => {
  let keys: KeySet
  let expectations: JwtExpectations
  beforeAll(() => {
    const jwks = JSON.stringify({ keys: [op.keys.es256.publicJwk, op.keys.rs256.publicJwk] })
    const jwksFetch = (async () =>
      new Response(jwks, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch
    keys = createKeySet('https://op.fuzz.test/jwks', { timeoutMs: 1000, fetch: jwksFetch })
    expectations = {
      kind: 'id_token',
      issuer: op.issuer,
      audience: op.clientId,
      algorithms: ['ES256', 'RS256'],
      keys,
      clockToleranceSec: 30,
      require: { exp: true, iat: true, issAud: true },
    }
  })

  /** What an accepted token must satisfy, whatever the generator produced. */
  function deservedIt(value: Awaited<ReturnType<typeof verifyJwt>>): void {
    const { payload, header } = value
    expect(['ES256', 'RS256']).toContain(header.alg)
    expect(payload.iss).toBe(op.issuer)
    const aud = payload.aud
    expect(
      Array.isArray(aud) ? aud.includes(op.clientId) && (aud.length === 1 || payload.azp === op.clientId) : aud === op.clientId,
    ).toBe(true)
    expect(typeof payload.sub === 'string' && payload.sub.length > 0).toBe(true)
    expect(typeof payload.exp === 'number' && payload.exp + 30 > nowSec()).toBe(true)
    expect(typeof payload.iat === 'number' && payload.iat - 30 <= nowSec()).toBe(true)
    if (payload.nbf !== undefined) expect(typeof payload.nbf === 'number' && payload.nbf - 30 <= nowSec()).toBe(true)
  }

  it('random values and compact-looking strings', async () => {
    const input = fc.oneof(
      fc.anything(),
      anyText,
      fc.array(segment, { minLength: 1, maxLength: 7 }).map((parts) => parts.join('.')),
      fc.tuple(fc.jsonValue(), fc.jsonValue(), segment).map(([h, p, s]) => `${b64url(h)}.${b64url(p)}.${s}`),
    )
    await fc.assert(
      fc.asyncProperty(input, async (token) => {
        const result = await onlySdkErrors(() => verifyJwt(token, expectations))
        if (result.ok) deservedIt(result.value)
      }),
      runs(8_000),
    )
    expectReached('id_token_malformed')
  })

  const claimsNearValid = nearValid(
    () => ({ iss: op.issuer, aud: op.clientId, sub: 'a'.repeat(64), exp: nowSec() + 60, iat: nowSec(), nonce: 'n'.repeat(22) }),
    {
      iss: fc.oneof(anyText, fc.jsonValue(), fc.constant('ISSUER/')),
      aud: fc.oneof(fc.constant(['CLIENT']), fc.constant(['CLIENT', 'other']), anyText, fc.jsonValue()),
      azp: fc.oneof(fc.constant('CLIENT'), anyText, fc.jsonValue()),
      sub: fc.oneof(anyText, fc.jsonValue()),
      exp: fc.oneof(fc.constant('PAST'), fc.integer(), fc.double(), fc.jsonValue()),
      iat: fc.oneof(fc.constant('FUTURE'), fc.integer(), fc.jsonValue()),
      nbf: fc.oneof(fc.constant('NOW'), fc.constant('FUTURE'), fc.jsonValue()),
    },
  ).map((claims) => {
    const now = nowSec()
    const resolve = (value: unknown): unknown =>
      value === 'ISSUER/'
        ? `${op.issuer}/`
        : value === 'CLIENT'
          ? op.clientId
          : value === 'FUTURE'
            ? now + 600
            : value === 'PAST'
              ? now - 600
              : value === 'NOW'
                ? now
                : Array.isArray(value)
                  ? value.map(resolve)
                  : value
    return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, resolve(v)]))
  })

  const headerArb = fc.oneof(
    fc.record(
      {
        alg: fc.oneof(fc.constantFrom('ES256', 'RS256', 'HS256', 'none', 'None', 'ES384', 'PS256', 'EdDSA', ''), fc.jsonValue()),
        kid: fc.oneof(fc.constantFrom('es-1', 'rs-1', 'rogue-1', '', 'es-1 '), fc.jsonValue()),
        typ: fc.constantFrom('JWT', 'at+jwt', 'JOSE'),
        jku: fc.webUrl(),
        x5u: fc.webUrl(),
        jwk: fc.jsonValue(),
        crit: fc.array(fc.string(), { maxLength: 2 }),
        b64: fc.boolean(),
        zip: fc.constant('DEF'),
        cty: fc.constantFrom('JWT', 'json'),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
    fc.jsonValue(),
  )
  const signer = fc.constantFrom<'es256' | 'rs256' | 'impostor' | 'none' | 'hs-public-key' | 'garbage'>(
    'es256',
    'es256',
    'rs256',
    'impostor',
    'none',
    'hs-public-key',
    'garbage',
  )
  const tamper = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    {
      arbitrary: fc.record({
        at: fc.nat(),
        kind: fc.constantFrom<'flip' | 'truncate' | 'append-segment' | 'drop-segment'>(
          'flip',
          'truncate',
          'append-segment',
          'drop-segment',
        ),
      }),
      weight: 1,
    },
  )

  async function sign(header: unknown, claims: unknown, how: string): Promise<string> {
    const h = header as Record<string, unknown>
    const p = claims as Record<string, unknown>
    switch (how) {
      case 'es256':
        return op.signCompact(h, p, op.keys.es256)
      case 'rs256':
        return op.signCompact(h, p, op.keys.rs256)
      case 'impostor':
        return op.signCompact(h, p, op.impostor)
      case 'none':
        return op.signCompact(h, p, 'none')
      case 'hs-public-key':
        return op.signCompact(h, p, { alg: 'HS256', secret: JSON.stringify(op.keys.es256.publicJwk) })
      default:
        return `${b64url(h)}.${b64url(p)}.${b64url('garbage')}`
    }
  }

  function applyTamper(token: string, t: { at: number; kind: string } | undefined): string {
    if (!t) return token
    const i = t.at % Math.max(1, token.length)
    switch (t.kind) {
      case 'flip':
        return `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`
      case 'truncate':
        return token.slice(0, i)
      case 'append-segment':
        return `${token}.${token.slice(0, i)}`
      default:
        return token.split('.').slice(0, -1).join('.')
    }
  }

  it('random headers and near-valid payloads, signed with the real keys or not, tampered or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: fc.record({ alg: fc.constantFrom('ES256', 'RS256'), kid: fc.constantFrom('es-1', 'rs-1') }), weight: 3 },
          { arbitrary: headerArb, weight: 2 },
        ),
        fc.oneof({ arbitrary: claimsNearValid, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 }),
        signer,
        tamper,
        async (header, claims, how, t) => {
          const token = applyTamper(await sign(header, claims, how), t)
          const result = await onlySdkErrors(() => verifyJwt(token, expectations))
          if (result.ok) deservedIt(result.value)
        },
      ),
      runs(6_000),
    )
    expectReached(
      'accepted',
      'id_token_alg',
      'id_token_header',
      'id_token_kid_unknown',
      'id_token_signature',
      'id_token_iss',
      'id_token_aud',
      'id_token_expired',
      'id_token_claims',
      'id_token_malformed',
    )
  })

  it('random JWEs (header members, content encryption, recipient, plaintext) where FranceConnect+ rules apply', async () => {
    const decrypting: JwtExpectations = {
      ...expectations,
      algorithms: ['ES256'],
      decryption: {
        keys: createDecryptionKeys([op.clientKey.privateJwk]),
        contentEncryptionAlgorithms: ['A256GCM'],
        required: true,
      },
    }
    const jweHeader = fc.record(
      {
        alg: fc.oneof(fc.constantFrom('RSA-OAEP-256', 'RSA-OAEP', 'dir', 'ECDH-ES', 'none'), fc.jsonValue()),
        enc: fc.oneof(fc.constantFrom('A256GCM', 'A128GCM', 'A256CBC-HS512'), fc.jsonValue()),
        kid: fc.oneof(fc.constantFrom('enc-1', 'enc-9'), fc.jsonValue()),
        zip: fc.constantFrom('DEF', 'GZ'),
        cty: fc.constantFrom('JWT', 'json'),
      },
      { requiredKeys: [] },
    )
    const plaintext = fc.oneof(
      { arbitrary: claimsNearValid.map((c) => ({ kind: 'jws' as const, claims: c })), weight: 3 },
      { arbitrary: anyText.map((text) => ({ kind: 'text' as const, text })), weight: 1 },
    )
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: jweHeader, weight: 1 }),
        fc.constantFrom<JweOptions['enc']>('A256GCM', 'A256GCM', 'A128GCM'),
        fc.constantFrom<'client' | 'stranger'>('client', 'client', 'client', 'stranger'),
        fc.constantFrom(false, false, false, true),
        plaintext,
        tamper,
        async (extraHeader, enc, recipient, zip, content, t) => {
          const stranger = recipient === 'stranger'
          const inner =
            content.kind === 'jws'
              ? await op.signCompact({ alg: 'ES256', kid: 'es-1' }, content.claims, op.keys.es256)
              : content.text
          const token = await op.encryptCompact(inner, {
            alg: 'RSA-OAEP-256',
            enc,
            zip,
            recipient: stranger ? op.strangerKey : op.clientKey,
            ...(extraHeader ? { extraHeader } : {}),
          })
          const result = await onlySdkErrors(() => verifyJwt(applyTamper(token, t), decrypting))
          if (result.ok) {
            deservedIt(result.value)
            expect(enc === 'A256GCM' && !zip && !stranger).toBe(true)
          }
        },
      ),
      runs(3_000),
    )
    expectReached('accepted', 'id_token_header', 'id_token_decryption', 'id_token_not_signed')
  })

  it('random key sets behind the jwks_uri', async () => {
    const jwk = fc.oneof(
      fc.constant(op.keys.es256.publicJwk),
      fc.constant(op.impostor.publicJwk),
      fc.record(
        {
          kty: fc.oneof(fc.constantFrom('EC', 'RSA', 'OKP', 'oct'), fc.jsonValue()),
          crv: fc.oneof(fc.constantFrom('P-256', 'P-384', 'Ed25519'), fc.jsonValue()),
          x: fc.oneof(segment, fc.jsonValue()),
          y: fc.oneof(segment, fc.jsonValue()),
          n: segment,
          e: fc.constantFrom('AQAB', '', 'AA'),
          k: segment,
          kid: fc.oneof(fc.constantFrom('es-1', 'rs-1'), fc.jsonValue()),
          alg: fc.oneof(fc.constantFrom('ES256', 'RS256', 'HS256'), fc.jsonValue()),
          use: fc.constantFrom('sig', 'enc'),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    )
    const body = fc.oneof(
      fc.array(jwk, { maxLength: 4 }).map((keys) => JSON.stringify({ keys })),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      anyText,
    )
    const token = await op.signCompact(
      { alg: 'ES256', kid: 'es-1' },
      { iss: op.issuer, aud: op.clientId, sub: 'x', exp: nowSec() + 60, iat: nowSec() },
      op.keys.es256,
    )
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(200, 200, 404, 500), async (text, status) => {
        const jwksFetch = (async () => new Response(text, { status })) as typeof fetch
        const set = createKeySet('https://op.fuzz.test/jwks', { timeoutMs: 1000, fetch: jwksFetch })
        const result = await onlySdkErrors(() => verifyJwt(token, { ...expectations, keys: set }))
        if (result.ok) expect(text).toContain(op.keys.es256.publicJwk.x as string)
      }),
      runs(2_000),
    )
    expectReached('accepted', 'id_token_kid_unknown', 'jwks_error', 'response_invalid')
  })
})

/** Every JSON path of a value (object keys and array indices), the root included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix]
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])))
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]))
  }
  return out
}

type Mutation = { at: number; op: 'replace' | 'delete' | 'null' | 'wrap' | 'stringify' | 'empty-array'; value: unknown }

/** A copy of `value` with the mutations applied at the paths they pick. */
function mutate(value: unknown, mutations: Mutation[]): unknown {
  let result: unknown = structuredClone(value)
  for (const mutation of mutations) {
    const all = paths(result)
    const path = all[mutation.at % all.length] as (string | number)[]
    const replacement = (current: unknown): unknown => {
      switch (mutation.op) {
        case 'replace':
          return mutation.value
        case 'null':
          return null
        case 'wrap':
          return [current]
        case 'stringify':
          return JSON.stringify(current)
        case 'empty-array':
          return []
        default:
          return undefined
      }
    }
    if (path.length === 0) {
      result = replacement(result)
      continue
    }
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], result) as Record<string | number, unknown>
    const key = path.at(-1) as string | number
    const next = replacement(parent[key])
    if (next === undefined && !Array.isArray(parent)) delete parent[key]
    else parent[key] = next
  }
  return result
}

const mutationArb = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constantFrom<Mutation['op']>('replace', 'replace', 'delete', 'null', 'wrap', 'stringify', 'empty-array'),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  { minLength: 1, maxLength: 3 },
)

describe('connector parsers (parsePayload + normaliser)', () => {
  for (const connectorCase of connectorCases) {
    describe(connectorCase.id, () => {
      it('the valid payload is read (control)', () => {
        expect(() => connectorCase.parse(connectorCase.validBody)).not.toThrow()
      })

      it('random JSON: a result or a schema_mismatch, nothing else', async () => {
        await fc.assert(
          fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.anything()), async (body) => {
            const result = await onlySdkErrors(() => connectorCase.parse(body))
            if (!result.ok) expect((result.error as { code: string }).code).toBe('schema_mismatch')
          }),
          runs(2_500),
        )
        expectReached('schema_mismatch')
      })

      it('mutations of the valid payload: a result or a schema_mismatch naming a path', async () => {
        await fc.assert(
          fc.asyncProperty(mutationArb, async (mutations) => {
            const body = mutate(connectorCase.validBody, mutations)
            const result = await onlySdkErrors(() => connectorCase.parse(body))
            if (!result.ok) {
              expect(result.error).toMatchObject({ code: 'schema_mismatch', api: connectorCase.id })
              expect(typeof (result.error as { path: unknown }).path).toBe('string')
            } else {
              expect(() => JSON.stringify(result.value)).not.toThrow()
            }
          }),
          runs(2_500),
        )
        expectReached('accepted', 'schema_mismatch')
      })

      it('through the connector: random statuses, content types and bodies', async () => {
        const answer = fc.record({
          status: fc.constantFrom(200, 200, 200, 204, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503),
          contentType: fc.constantFrom('application/json', 'text/html', 'application/problem+json', ''),
          retryAfter: fc.option(fc.oneof(fc.constantFrom('0', '1', '86400', 'soon', '-5'), anyText), { nil: undefined }),
          body: fc.oneof(
            fc.constant(connectorCase.validBody).map((v) => JSON.stringify(v)),
            mutationArb.map((m) => JSON.stringify(mutate(connectorCase.validBody, m))),
            fc.jsonValue().map((v) => JSON.stringify(v)),
            anyText,
          ),
        })
        const connector = (connectorCase as ConnectorCase).make('https://api.fuzz.test', { retries: 0, timeoutMs: 1000 })
        await fc.assert(
          fc.asyncProperty(answer, async ({ status, contentType, retryAfter, body }) => {
            const headers = new Headers()
            if (contentType) headers.set('content-type', contentType)
            if (retryAfter !== undefined && /^[\t\x20-\x7e]*$/.test(retryAfter)) headers.set('retry-after', retryAfter)
            const stub = (async () =>
              new Response([101, 204, 205, 304].includes(status) ? null : body, { status, headers })) as typeof fetch
            const result = await onlySdkErrors(() =>
              connector.read({ accessToken: 'fuzz-token', fetch: stub }, connectorCase.params),
            )
            if (result.ok) expect(status).toBe(200)
          }),
          runs(300),
        )
        expectReached('response_invalid', 'api_unavailable', 'schema_mismatch')
      })
    })
  }
})

describe('checktoken parser', () => {
  const introspectionNearValid = nearValid(
    () => ({
      active: true,
      aud: 'sp-client',
      sub: 'b'.repeat(64),
      iat: nowSec(),
      exp: nowSec() + 60,
      acr: 'eidas1',
      jti: 'jti-1',
      scope: 'openid dgfip_rfr',
      given_name: 'Angela',
      family_name: 'DUBOIS',
      birthdate: '1962-08-24',
      gender: 'female',
      birthcountry: '99100',
    }),
    {
      active: fc.oneof(fc.constant(false), fc.jsonValue()),
      aud: fc.oneof(anyText, fc.jsonValue()),
      sub: fc.oneof(anyText, fc.jsonValue()),
      iat: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
      exp: fc.oneof(fc.constant(0), fc.integer(), fc.double(), fc.jsonValue()),
      acr: fc.oneof(anyText, fc.jsonValue()),
      jti: fc.jsonValue(),
      scope: fc.jsonValue(),
      given_name: fc.oneof(anyText, fc.jsonValue()),
      birthdate: fc.oneof(fc.constant('24/08/1962'), fc.jsonValue()),
      gender: fc.oneof(fc.constant('F'), fc.jsonValue()),
      birthcountry: fc.oneof(fc.constant('FR'), fc.jsonValue()),
    },
  )
  const introspection = fc.oneof(
    { arbitrary: introspectionNearValid, weight: 3 },
    { arbitrary: fc.anything(), weight: 1 },
    // an own "__proto__" member, as JSON.parse makes it
    {
      arbitrary: fc
        .jsonValue()
        .map((v) => JSON.parse(`{"__proto__": {"active": true}, "active": ${JSON.stringify(v) ?? 'null'}}`) as unknown),
      weight: 1,
    },
  )

  it('readIntrospection: random token_introspection values', async () => {
    await fc.assert(
      fc.asyncProperty(introspection, async (value) => {
        const result = await onlySdkErrors(() => readIntrospection(value, nowSec(), 10))
        if (result.ok && result.value.active) {
          expect((value as { active: unknown }).active).toBe(true)
          expect(result.value.expiresAt + 10).toBeGreaterThan(nowSec())
        }
      }),
      runs(6_000),
    )
    expectReached('accepted', 'checktoken_claims')
  })

  const issuer = 'https://fc.fuzz.test/api/v2'
  const dpClientId = 'dp-fuzz'

  it('verifyAccessToken v2: random answers, and genuine JWEs of random content', async () => {
    const jwks = JSON.stringify({ keys: [op.keys.es256.publicJwk, op.keys.rs256.publicJwk] })
    const answer = fc.record({
      status: fc.constantFrom(200, 200, 200, 400, 401, 500, 302),
      contentType: fc.constantFrom(
        'application/token-introspection+jwt',
        'application/token-introspection+jwt',
        'application/json',
        'text/html',
        '',
      ),
      body: fc.oneof(
        { arbitrary: anyText, weight: 1 },
        { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
        { arbitrary: fc.array(segment, { minLength: 5, maxLength: 5 }).map((p) => p.join('.')), weight: 1 },
        {
          arbitrary: fc
            .tuple(
              nearValid(() => ({ iss: issuer, aud: dpClientId, iat: nowSec() }), {
                iss: fc.oneof(anyText, fc.constant(`${issuer}/`)),
                aud: fc.oneof(fc.constant([dpClientId, 'x']), anyText, fc.jsonValue()),
                iat: fc.oneof(fc.constant(nowSec() - 3600), fc.constant(nowSec() + 3600), fc.jsonValue()),
              }),
              introspection,
            )
            .map(([payload, token_introspection]) => ({ ...payload, token_introspection })),
          weight: 3,
        },
      ),
    })
    await fc.assert(
      fc.asyncProperty(answer, async ({ status, contentType, body }) => {
        const text =
          typeof body === 'string'
            ? body
            : await op.encryptCompact(
                await op.signCompact({ alg: 'ES256', kid: 'es-1' }, body as Record<string, unknown>, op.keys.es256),
                {
                  alg: 'RSA-OAEP-256',
                  enc: 'A256GCM',
                  kid: null,
                  recipient: op.dataProvider.key,
                },
              )
        const stub = (async (input: RequestInfo | URL) => {
          const url = String(input instanceof Request ? input.url : input)
          if (url.endsWith('/jwks')) return new Response(jwks, { status: 200 })
          return new Response(text, { status, headers: contentType ? { 'content-type': contentType } : {} })
        }) as typeof fetch
        const result = await onlySdkErrors(() =>
          verifyAccessToken('fuzz-access-token-123', {
            issuer,
            clientId: dpClientId,
            clientSecret: 'dp-secret',
            decryptionKeys: [op.dataProvider.key.privateJwk],
            fetch: stub,
          }),
        )
        if (result.ok && result.value.active) {
          expect(typeof body).toBe('object')
          expect((body as unknown as { iss: unknown }).iss).toBe(issuer)
        }
      }),
      runs(3_000),
    )
    expectReached(
      'accepted',
      'checktoken_error',
      'checktoken_not_encrypted',
      'checktoken_claims',
      'checktoken_iss',
      'checktoken_malformed',
    )
  })

  it('verifyAccessToken v1: random JSON answers and statuses', async () => {
    const v1Body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          scope: fc.oneof(fc.constant(['openid', 'dgfip_rfr']), fc.constant('openid dgfip_rfr'), fc.jsonValue()),
          identity: fc.oneof(fc.constant({ given_name: 'Angela', family_name: 'DUBOIS' }), introspection),
          client: fc.oneof(fc.constant({ client_id: 'sp', client_name: 'SP' }), fc.jsonValue()),
          acr: fc.oneof(fc.constant('eidas1'), fc.jsonValue()),
          status: fc.constantFrom('fail', 'ok'),
          message: fc.oneof(fc.constantFrom('token_not_found_or_expired', 'Malformed access token.'), anyText),
        },
        { requiredKeys: [] },
      ),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(200, 200, 400, 401, 403, 500), v1Body, async (status, body) => {
        const stub = (async () =>
          new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch
        const result = await onlySdkErrors(() =>
          verifyAccessToken('0123456789abcdef', { version: 'v1', issuer: 'https://fc.fuzz.test', fetch: stub }),
        )
        if (result.ok && result.value.active) expect(status).toBe(200)
      }),
      runs(3_000),
    )
    expectReached('accepted', 'checktoken_error', 'checktoken_claims')
  })
})
