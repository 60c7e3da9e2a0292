/**
 * What a hostile provider cannot make the SDK accept: one row of `opMutations` per attack, one test
 * per row. Each row bends one thing the provider (or whoever forges the callback URL) sends, names
 * the error code the SDK must refuse it with, and says why that matters. For every row the test
 * asserts:
 *
 * 1. the call (`callback()`, `logoutCallback()` or `verifyAccessToken()`) rejects with an error of the
 *    SDK (`isFranceConnectSdkError`) whose `code` is `refusedWith` — so removing the check changes
 *    the outcome (a success, or another code), and the test fails;
 * 2. nothing is stored: the callback writes nothing to the transaction store, and returns no session;
 * 3. the transaction cannot be used afterwards (`afterwards: 'consumed'`, the default): the same
 *    callback again, and even the genuine one the provider first sent, are refused `state_unknown`
 *    (`logout_state_unknown` for a logout) — or, for a callback refused before its state is read
 *    (`afterwards: 'refused-again'`), the same callback is refused again with the same code and the
 *    pending transaction is left untouched (a forged URL cannot burn a user's sign-in).
 *
 * Every return comes back with the binding cookie of the sign-in (or logout) under test, as the
 * browser that started it would send it, unless the row says which other cookie the browser brings:
 * so each row asserts the refusal its attack causes, not a missing binding.
 *
 * The provider is `hostile-op.ts` on loopback; its secrets are canaries that `secrets.test.ts`
 * looks for in the same errors (that file runs this very table).
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyAccessToken } from '../../src/data-provider/index.js'
import {
  createClient,
  franceConnect,
  franceConnectPlus,
  franceConnectV1,
  isFranceConnectSdkError,
  memoryStore,
  type Client,
} from '../../src/index.js'
import type { TransactionStore } from '../../src/stores/transaction-store.js'
import { b64url, startHostileOp, type Bend, type HostileOp, type Variant } from './hostile-op.js'

export type Category =
  | 'jose-header'
  | 'signature'
  | 'claims'
  | 'encryption'
  | 'userinfo'
  | 'callback'
  | 'token-response'
  | 'transport'
  | 'logout'
  | 'checktoken'

/** What the browser (or an attacker) brings back, and what the test may do before. */
export interface FlowContext {
  op: HostileOp
  client: Client
  /** The state of the sign-in (or logout) under test. */
  state: string
  /** The value of the binding cookie that `authorize()` (or `logout()`) returned for that state. */
  cookie: string
  /** Another client, with its own store: its states are unknown to `client`. */
  otherClient(): Client
}

export interface OpMutation {
  /** `category.what`, stable: docs/security.md points to it. */
  name: string
  category: Category
  /** FranceConnect v2 unless said. */
  variant?: Variant
  /** The flow attacked (default `sign-in`, through `callback()`). */
  flow?: 'sign-in' | 'logout' | 'checktoken'
  /** The code of the refusal. */
  refusedWith: string
  /** Why accepting it would hurt, in one line. */
  why: string
  /** What the provider does differently. */
  bend?(op: HostileOp): Bend
  /**
   * The callback (or logout return) as it comes back, from the one the provider sent; the browser
   * brings back the cookie of the flow under test, unless the row returns another one with the URL.
   */
  callback?(url: URL, ctx: FlowContext): Promise<BentReturn> | BentReturn
  /** `consumed` (default): the transaction is gone after the refusal. */
  afterwards?: 'consumed' | 'refused-again'
  /** The client's per-request timeout (default 2000 ms). */
  timeoutMs?: number
  /** The level asked at authorize, and the one the provider then claims. */
  acr?: { asked: string; answered: string }
}

/** A return URL, alone (with the cookie of the flow under test) or with the cookie the browser brings. */
export type BentReturn = string | URL | { url: string | URL; cookie: string }

const past = () => Math.floor(Date.now() / 1000) - 300
const future = () => Math.floor(Date.now() / 1000) + 600
/** A claims bend: spread, then drop the names given as `undefined`. */
const withClaims = (changes: Record<string, unknown>) => (claims: Record<string, unknown>) => {
  const result: Record<string, unknown> = { ...claims, ...changes }
  for (const [name, value] of Object.entries(changes)) if (value === undefined) delete result[name]
  return result
}
/** Replaces one segment of a compact token. */
const segment = (index: number, change: (part: string) => string) => (token: string) => {
  const parts = token.split('.')
  parts[index] = change(parts[index] ?? '')
  return parts.join('.')
}
const flipChar = (text: string, at = 10) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`
const param = (name: string, value: string | null) => (url: URL) => {
  if (value === null) url.searchParams.delete(name)
  else url.searchParams.set(name, value)
  return url
}
const appendParam = (name: string, value: string) => (url: URL) => `${url.href}&${name}=${encodeURIComponent(value)}`
const ES = (op: HostileOp) => op.keys.es256

/** The table. Read it top to bottom: each row is an attack the SDK refuses. */
export const opMutations: OpMutation[] = [
  // ─── JOSE headers: the token must not choose its own algorithm, key or processing rules ───
  {
    name: 'jose-header.alg-none',
    category: 'jose-header',
    refusedWith: 'id_token_alg',
    why: 'an unsigned token would let anyone write any identity',
    bend: (op) => ({ idToken: { sign: (h, c) => op.signCompact({ ...h, alg: 'none' }, c, 'none') } }),
  },
  {
    name: 'jose-header.alg-none-capitalised',
    category: 'jose-header',
    refusedWith: 'id_token_alg',
    why: 'case variants of "none" have bypassed string checks in other libraries',
    bend: (op) => ({ idToken: { sign: (h, c) => op.signCompact({ ...h, alg: 'None' }, c, 'none') } }),
  },
  {
    name: 'jose-header.alg-missing',
    category: 'jose-header',
    refusedWith: 'id_token_alg',
    why: 'no algorithm means no way to know what was checked',
    bend: (op) => ({ idToken: { sign: (h, c) => op.signCompact({ kid: h.kid }, c, ES(op)) } }),
  },
  {
    name: 'jose-header.hs256-keyed-with-public-key',
    category: 'jose-header',
    refusedWith: 'id_token_alg',
    why: 'key confusion: the public key is public, so an HMAC keyed with it is forgeable by anyone',
    bend: (op) => ({
      idToken: {
        sign: (h, c) =>
          op.signCompact({ ...h, alg: 'HS256' }, c, { alg: 'HS256', secret: JSON.stringify(op.keys.es256.publicJwk) }),
      },
    }),
  },
  {
    name: 'jose-header.hs256-keyed-with-client-secret-on-v2',
    category: 'jose-header',
    refusedWith: 'id_token_alg',
    why: 'FranceConnect v2 signs asymmetrically; an HMAC token only proves knowledge of the client secret',
    bend: (op) => ({
      idToken: { sign: (h, c) => op.signCompact({ alg: 'HS256' }, c, { alg: 'HS256', secret: op.clientSecret }) },
    }),
  },
  {
    name: 'jose-header.rs256-on-franceconnect-plus',
    category: 'jose-header',
    variant: 'fcplus',
    refusedWith: 'id_token_alg',
    why: 'FranceConnect+ signs ES256 only: any other algorithm is a downgrade',
    bend: (op) => ({ idToken: { sign: (_h, c) => op.signCompact({ alg: 'RS256', kid: op.keys.rs256.kid }, c, op.keys.rs256) } }),
  },
  {
    name: 'jose-header.es256-on-v1',
    category: 'jose-header',
    variant: 'v1',
    refusedWith: 'id_token_alg',
    why: 'v1 is HS256 with the client secret; an asymmetric token has no key to be checked against',
    bend: (op) => ({ idToken: { sign: (_h, c) => op.signCompact({ alg: 'ES256', kid: 'es-1' }, c, ES(op)) } }),
  },
  {
    name: 'jose-header.alg-none-on-v1',
    category: 'jose-header',
    variant: 'v1',
    refusedWith: 'id_token_alg',
    why: 'an unsigned token, on the legacy platform too',
    bend: (op) => ({ idToken: { sign: (_h, c) => op.signCompact({ alg: 'none' }, c, 'none') } }),
  },
  {
    name: 'jose-header.crit',
    category: 'jose-header',
    refusedWith: 'id_token_header',
    why: 'a critical extension the SDK does not implement must not be ignored (RFC 7515 §4.1.11)',
    bend: () => ({ idToken: { header: (h) => ({ ...h, crit: ['exp'], exp: future() }) } }),
  },
  {
    name: 'jose-header.crit-b64-false',
    category: 'jose-header',
    refusedWith: 'id_token_header',
    why: 'unencoded payloads (RFC 7797) change what the signature covers',
    bend: () => ({ idToken: { header: (h) => ({ ...h, crit: ['b64'], b64: false }) } }),
  },
  {
    name: 'jose-header.jku',
    category: 'jose-header',
    refusedWith: 'id_token_header',
    why: 'a key set URL in the token lets the token pick the key that verifies it',
    bend: () => ({ idToken: { header: (h) => ({ ...h, jku: 'https://evil.example/jwks' }) } }),
  },
  {
    name: 'jose-header.x5u',
    category: 'jose-header',
    refusedWith: 'id_token_header',
    why: 'a certificate URL in the token lets the token pick its key',
    bend: () => ({ idToken: { header: (h) => ({ ...h, x5u: 'https://evil.example/cert.pem' }) } }),
  },
  {
    name: 'jose-header.jwk-embedded',
    category: 'jose-header',
    refusedWith: 'id_token_header',
    why: 'an embedded public key is the attacker\'s own: "verified with the key the token brought"',
    bend: (op) => ({
      idToken: {
        sign: (h, c) => op.signCompact({ ...h, kid: op.rogue.kid, jwk: op.rogue.publicJwk }, c, op.rogue),
      },
    }),
  },
  {
    name: 'jose-header.x5c-ignored',
    category: 'jose-header',
    refusedWith: 'id_token_signature',
    why: "an embedded certificate is never used: the key comes from the provider's key set only",
    bend: (op) => ({
      idToken: { sign: (h, c) => op.signCompact({ ...h, x5c: ['MIIBattackercert'] }, c, op.impostor) },
    }),
  },
  {
    name: 'jose-header.kid-unknown',
    category: 'jose-header',
    refusedWith: 'id_token_kid_unknown',
    why: 'a key the provider never published (the set is refetched at most once per 10 s, so forged kids cannot flood the provider)',
    bend: (op) => ({ idToken: { sign: (h, c) => op.signCompact({ ...h, kid: op.rogue.kid }, c, op.rogue) } }),
  },
  {
    name: 'jose-header.kid-duplicated-in-key-set',
    category: 'jose-header',
    refusedWith: 'id_token_kid_unknown',
    why: 'two published keys under one kid: the SDK refuses to guess which one the token means',
    bend: (op) => ({ jwks: (keys) => [...keys, op.impostor.publicJwk] }),
  },
  {
    name: 'jose-header.kid-of-a-key-with-another-alg',
    category: 'jose-header',
    refusedWith: 'id_token_kid_unknown',
    why: "the RSA key's kid with alg ES256: a key is only used with the algorithm it is published for",
    bend: (op) => ({ idToken: { header: (h) => ({ ...h, kid: op.keys.rs256.kid }) } }),
  },
  {
    name: 'jose-header.key-ops-without-verify',
    category: 'jose-header',
    refusedWith: 'id_token_kid_unknown',
    why: 'a published key whose key_ops exclude verify is not a verification key',
    bend: () => ({ jwks: (keys) => keys.map((key) => ({ ...key, key_ops: ['encrypt'] })) }),
  },
  {
    name: 'jose-header.kid-not-a-string',
    category: 'jose-header',
    refusedWith: 'id_token_header',
    why: 'a non-string kid is not a key identifier',
    bend: () => ({ idToken: { header: (h) => ({ ...h, kid: 42 }) } }),
  },
  {
    name: 'jose-header.header-not-json',
    category: 'jose-header',
    refusedWith: 'id_token_malformed',
    why: 'a header that is not a JSON object cannot say how the token was signed',
    bend: () => ({ idToken: { jws: segment(0, () => b64url('not json')) } }),
  },
  // ─── Signatures ───
  {
    name: 'signature.flipped-byte',
    category: 'signature',
    refusedWith: 'id_token_signature',
    why: 'one changed bit must break the signature',
    bend: () => ({ idToken: { jws: segment(2, (s) => flipChar(s)) } }),
  },
  {
    name: 'signature.truncated',
    category: 'signature',
    refusedWith: 'id_token_signature',
    why: 'a shortened signature must not verify',
    bend: () => ({ idToken: { jws: segment(2, (s) => s.slice(0, 43)) } }),
  },
  {
    name: 'signature.stripped',
    category: 'signature',
    refusedWith: 'id_token_signature',
    why: 'an empty signature under ES256 is an unsigned token in disguise',
    bend: () => ({ idToken: { jws: segment(2, () => '') } }),
  },
  {
    name: 'signature.another-key-same-kid',
    category: 'signature',
    refusedWith: 'id_token_signature',
    why: "a key not in the provider's key set, claiming a published kid",
    bend: (op) => ({ idToken: { sign: (h, c) => op.signCompact(h, c, op.impostor) } }),
  },
  {
    name: 'signature.payload-swapped-after-signing',
    category: 'signature',
    refusedWith: 'id_token_signature',
    why: 'another subject pasted under a genuine signature',
    bend: () => ({
      idToken: {
        jws: segment(1, (p) => b64url({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: `${'0'.repeat(64)}v1` })),
      },
    }),
  },
  {
    name: 'signature.header-changed-after-signing',
    category: 'signature',
    refusedWith: 'id_token_signature',
    why: 'the protected header is covered by the signature too',
    bend: () => ({
      idToken: { jws: segment(0, (h) => b64url({ ...JSON.parse(Buffer.from(h, 'base64url').toString()), typ: 'JWT' })) },
    }),
  },
  {
    name: 'signature.v1-hs256-another-secret',
    category: 'signature',
    variant: 'v1',
    refusedWith: 'id_token_signature',
    why: "v1 tokens are keyed with this client's secret, not any secret",
    bend: (op) => ({
      idToken: { sign: (h, c) => op.signCompact(h, c, { alg: 'HS256', secret: 'another-secret-another-secret-another' }) },
    }),
  },
  {
    name: 'signature.two-segments',
    category: 'signature',
    refusedWith: 'id_token_malformed',
    why: 'not a compact JWS at all',
    bend: () => ({ idToken: { final: (t) => t.split('.').slice(0, 2).join('.') } }),
  },
  {
    name: 'signature.oversized-token',
    category: 'signature',
    refusedWith: 'id_token_malformed',
    why: 'a token past 64 KiB is refused before any parsing (memory and CPU)',
    bend: () => ({ idToken: { claims: withClaims({ padding: 'x'.repeat(70_000) }) } }),
  },
  // ─── Claims: a valid signature on the wrong content ───
  {
    name: 'claims.iss-of-another-issuer',
    category: 'claims',
    refusedWith: 'id_token_iss',
    why: "a token of another provider (or platform) is not this provider's word",
    bend: () => ({ idToken: { claims: withClaims({ iss: 'https://evil.example/api/v2' }) } }),
  },
  {
    name: 'claims.iss-missing',
    category: 'claims',
    refusedWith: 'id_token_iss',
    why: 'an ID token must say who issued it',
    bend: () => ({ idToken: { claims: withClaims({ iss: undefined }) } }),
  },
  {
    name: 'claims.iss-with-trailing-slash',
    category: 'claims',
    refusedWith: 'id_token_iss',
    why: 'the issuer is compared exactly, not "close enough"',
    bend: (op) => ({ idToken: { claims: withClaims({ iss: `${op.issuer}/` }) } }),
  },
  {
    name: 'claims.aud-another-client',
    category: 'claims',
    refusedWith: 'id_token_aud',
    why: 'a token issued to another service (token substitution)',
    bend: () => ({ idToken: { claims: withClaims({ aud: 'another-client' }) } }),
  },
  {
    name: 'claims.aud-missing',
    category: 'claims',
    refusedWith: 'id_token_aud',
    why: 'a token with no audience is meant for anyone',
    bend: () => ({ idToken: { claims: withClaims({ aud: undefined }) } }),
  },
  {
    name: 'claims.aud-array-without-client',
    category: 'claims',
    refusedWith: 'id_token_aud',
    why: 'a list of audiences that does not include this client',
    bend: () => ({ idToken: { claims: withClaims({ aud: ['another-client', 'a-third-one'] }) } }),
  },
  {
    name: 'claims.aud-array-without-azp',
    category: 'claims',
    refusedWith: 'id_token_azp',
    why: 'several audiences and no authorized party: the token may have been obtained by the other one',
    bend: (op) => ({ idToken: { claims: withClaims({ aud: [op.clientId, 'another-client'] }) } }),
  },
  {
    name: 'claims.aud-array-with-an-untrusted-audience',
    category: 'claims',
    refusedWith: 'id_token_aud',
    why: 'an extra audience the client does not trust, even with azp naming the client (OpenID Connect Core §3.1.3.7)',
    bend: (op) => ({ idToken: { claims: withClaims({ aud: [op.clientId, 'another-client'], azp: op.clientId }) } }),
  },
  {
    name: 'claims.azp-another-party',
    category: 'claims',
    refusedWith: 'id_token_azp',
    why: 'the token was issued to another party',
    bend: () => ({ idToken: { claims: withClaims({ azp: 'another-client' }) } }),
  },
  {
    name: 'claims.exp-passed',
    category: 'claims',
    refusedWith: 'id_token_expired',
    why: 'an expired token (beyond the 30 s clock tolerance)',
    bend: () => ({ idToken: { claims: withClaims({ exp: past() }) } }),
  },
  {
    name: 'claims.exp-missing',
    category: 'claims',
    refusedWith: 'id_token_claims',
    why: 'a token that never expires',
    bend: () => ({ idToken: { claims: withClaims({ exp: undefined }) } }),
  },
  {
    name: 'claims.exp-a-string',
    category: 'claims',
    refusedWith: 'id_token_claims',
    why: 'a claim of the wrong type is not compared as if it were a number',
    bend: () => ({ idToken: { claims: withClaims({ exp: String(future()) }) } }),
  },
  {
    name: 'claims.nbf-in-the-future',
    category: 'claims',
    refusedWith: 'id_token_nbf',
    why: 'a token not valid yet',
    bend: () => ({ idToken: { claims: withClaims({ nbf: future() }) } }),
  },
  {
    name: 'claims.iat-in-the-future',
    category: 'claims',
    refusedWith: 'id_token_iat',
    why: 'a token issued in the future is pre-minted or from a wrong clock',
    bend: () => ({ idToken: { claims: withClaims({ iat: future() }) } }),
  },
  {
    name: 'claims.iat-missing',
    category: 'claims',
    refusedWith: 'id_token_claims',
    why: 'an ID token must say when it was issued',
    bend: () => ({ idToken: { claims: withClaims({ iat: undefined }) } }),
  },
  {
    name: 'claims.nonce-missing',
    category: 'claims',
    refusedWith: 'id_token_nonce',
    why: 'without the nonce the token is not bound to this sign-in (replay, injection)',
    bend: () => ({ idToken: { claims: withClaims({ nonce: undefined }) } }),
  },
  {
    name: 'claims.nonce-of-another-sign-in',
    category: 'claims',
    refusedWith: 'id_token_nonce',
    why: 'a token minted for another sign-in, replayed into this one',
    bend: () => ({ idToken: { claims: withClaims({ nonce: 'n'.repeat(43) }) } }),
  },
  {
    name: 'claims.nonce-not-a-string',
    category: 'claims',
    refusedWith: 'id_token_nonce',
    why: 'a nonce of another type is never "equal enough"',
    bend: () => ({ idToken: { claims: withClaims({ nonce: ['whatever'] }) } }),
  },
  {
    name: 'claims.acr-missing',
    category: 'claims',
    refusedWith: 'acr_missing',
    why: 'FranceConnect always states the eIDAS level: without it the level is unknown',
    bend: () => ({ idToken: { claims: withClaims({ acr: undefined }) } }),
  },
  {
    name: 'claims.acr-not-a-level',
    category: 'claims',
    refusedWith: 'acr_invalid',
    why: 'a level the provider does not define cannot be ranked',
    bend: () => ({ idToken: { claims: withClaims({ acr: 'eidas0' }) } }),
  },
  {
    name: 'claims.acr-not-a-string',
    category: 'claims',
    refusedWith: 'acr_invalid',
    why: 'a list of levels is not a level',
    bend: () => ({ idToken: { claims: withClaims({ acr: ['eidas3'] }) } }),
  },
  {
    name: 'claims.acr-below-the-level-asked',
    category: 'claims',
    variant: 'fcplus',
    acr: { asked: 'eidas3', answered: 'eidas2' },
    refusedWith: 'acr_too_low',
    why: 'a downgrade: eidas2 when eidas3 was asked',
  },
  {
    name: 'claims.amr-a-string',
    category: 'claims',
    refusedWith: 'id_token_claims',
    why: 'amr is a list of methods; a string would be read character by character',
    bend: () => ({ idToken: { claims: withClaims({ amr: 'pwd' }) } }),
  },
  {
    name: 'claims.amr-not-strings',
    category: 'claims',
    refusedWith: 'id_token_claims',
    why: 'amr of numbers or objects',
    bend: () => ({ idToken: { claims: withClaims({ amr: [1, { mfa: true }] }) } }),
  },
  {
    name: 'claims.sub-missing',
    category: 'claims',
    refusedWith: 'id_token_sub',
    why: 'no subject: nobody signed in',
    bend: () => ({ idToken: { claims: withClaims({ sub: undefined }) } }),
  },
  {
    name: 'claims.sub-empty',
    category: 'claims',
    refusedWith: 'id_token_sub',
    why: 'an empty subject would match every account keyed by ""',
    bend: () => ({ idToken: { claims: withClaims({ sub: '' }) } }),
  },
  {
    name: 'claims.sub-not-a-string',
    category: 'claims',
    refusedWith: 'id_token_sub',
    why: 'a numeric or object subject is not the identifier the app keys accounts with',
    bend: () => ({ idToken: { claims: withClaims({ sub: 12345 }) } }),
  },
  {
    name: 'claims.auth-time-a-string',
    category: 'claims',
    refusedWith: 'id_token_claims',
    why: 'auth_time of the wrong type',
    bend: () => ({ idToken: { claims: withClaims({ auth_time: 'yesterday' }) } }),
  },
  {
    name: 'claims.at-hash-mismatch',
    category: 'claims',
    refusedWith: 'id_token_at_hash',
    why: 'the access token was swapped for another one',
    bend: () => ({ idToken: { claims: withClaims({ at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' }) } }),
  },
  {
    name: 'claims.c-hash-mismatch',
    category: 'claims',
    refusedWith: 'id_token_at_hash',
    why: 'the ID token was minted for another authorization code',
    bend: () => ({ idToken: { claims: withClaims({ c_hash: 'AAAAAAAAAAAAAAAAAAAAAA' }) } }),
  },
  {
    name: 'claims.payload-an-array',
    category: 'claims',
    refusedWith: 'id_token_malformed',
    why: 'a signed array is not a claim set',
    bend: (op) => ({ idToken: { sign: (h) => op.signCompact(h, '["sub"]', ES(op)) } }),
  },
  {
    name: 'claims.payload-not-json',
    category: 'claims',
    refusedWith: 'id_token_malformed',
    why: 'a signed blob that is not JSON',
    bend: (op) => ({ idToken: { sign: (h) => op.signCompact(h, 'not json at all', ES(op)) } }),
  },
  {
    name: 'claims.identity-birthdate-format',
    category: 'claims',
    refusedWith: 'claims_invalid',
    why: 'an identity claim outside its published format (DD/MM/YYYY)',
    bend: () => ({ userinfo: { claims: withClaims({ birthdate: '19/02/1947' }) } }),
  },
  {
    name: 'claims.identity-gender-unknown',
    category: 'claims',
    refusedWith: 'claims_invalid',
    why: "a value outside the claim's list",
    bend: () => ({ userinfo: { claims: withClaims({ gender: 'F' }) } }),
  },
  {
    name: 'claims.identity-given-name-wrong-type',
    category: 'claims',
    refusedWith: 'claims_invalid',
    why: 'a name that is not a string',
    bend: () => ({ userinfo: { claims: withClaims({ given_name: { first: 'x' } }) } }),
  },
  {
    name: 'claims.identity-birthcountry-format',
    category: 'claims',
    refusedWith: 'claims_invalid',
    why: 'a country that is not a 99xxx INSEE code',
    bend: () => ({ userinfo: { claims: withClaims({ birthcountry: 'FR' }) } }),
  },
  // ─── Encryption (FranceConnect+: JWS inside a JWE, A256GCM, to the client's key) ───
  {
    name: 'encryption.id-token-signed-not-encrypted',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_not_encrypted',
    why: 'FranceConnect+ encrypts: a bare JWS is a downgrade (the token travelled readable)',
    bend: () => ({ idToken: { jwe: false } }),
  },
  {
    name: 'encryption.userinfo-signed-not-encrypted',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'userinfo_not_encrypted',
    why: 'the identity must arrive encrypted too',
    bend: () => ({ userinfo: { jwe: false } }),
  },
  {
    name: 'encryption.enc-a128gcm',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_header',
    why: 'FranceConnect+ uses A256GCM only: another content encryption is a downgrade',
    bend: () => ({ idToken: { jwe: { enc: 'A128GCM' } } }),
  },
  {
    name: 'encryption.enc-a192gcm',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_header',
    why: 'idem, A192GCM',
    bend: () => ({ idToken: { jwe: { enc: 'A192GCM' } } }),
  },
  {
    name: 'encryption.userinfo-enc-a128gcm',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'userinfo_header',
    why: 'idem, on userinfo',
    bend: () => ({ userinfo: { jwe: { enc: 'A128GCM' } } }),
  },
  {
    name: 'encryption.zip',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_header',
    why: 'compressed JWE: decompression bombs and compression side channels',
    bend: () => ({ idToken: { jwe: { zip: true } } }),
  },
  {
    name: 'encryption.another-recipient-key-same-kid',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_decryption',
    why: "encrypted to a key that is not the client's, under the client's kid",
    bend: (op) => ({ idToken: { jwe: { recipient: op.strangerKey } } }),
  },
  {
    name: 'encryption.unknown-recipient-kid',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_decryption',
    why: 'encrypted to a key the client does not have',
    bend: (op) => ({ idToken: { jwe: { recipient: op.strangerKey, kid: 'enc-9' } } }),
  },
  {
    name: 'encryption.key-algorithm-not-the-clients',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_header',
    why: "a key management algorithm the client's key is not for (RSA-OAEP instead of RSA-OAEP-256)",
    bend: () => ({ idToken: { jwe: { alg: 'RSA-OAEP' } } }),
  },
  {
    name: 'encryption.alg-dir',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_header',
    why: 'direct encryption with a shared key the client never agreed',
    bend: () => ({ idToken: { jwe: { alg: 'dir' } } }),
  },
  {
    name: 'encryption.ciphertext-flipped',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_decryption',
    why: 'a tampered ciphertext must fail authentication (GCM tag)',
    bend: () => ({ idToken: { final: segment(3, (s) => flipChar(s, 5)) } }),
  },
  {
    name: 'encryption.wraps-unsigned-claims',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_not_signed',
    why: "encrypted is not signed: anyone can encrypt to the client's public key",
    bend: () => ({ idToken: { sign: async (_h, c) => JSON.stringify(c) } }),
  },
  {
    name: 'encryption.wraps-alg-none',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_alg',
    why: 'an unsigned JWS inside a valid JWE is still unsigned',
    bend: (op) => ({ idToken: { sign: (h, c) => op.signCompact({ ...h, alg: 'none' }, c, 'none') } }),
  },
  {
    name: 'encryption.nested-jwe',
    category: 'encryption',
    variant: 'fcplus',
    refusedWith: 'id_token_not_signed',
    why: 'a JWE inside the JWE: unbounded nesting, and still nothing signed',
    bend: () => ({ idToken: { jws: () => `${b64url({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })}.a.b.c.d` } }),
  },
  {
    name: 'encryption.jwe-where-a-jws-is-due',
    category: 'encryption',
    refusedWith: 'id_token_unexpected_encryption',
    why: 'FranceConnect v2 does not encrypt: a JWE there is not from the provider',
    bend: (op) => ({ idToken: { jwe: { recipient: op.clientKey } } }),
  },
  // ─── Userinfo: the identity itself ───
  {
    name: 'userinfo.json-where-a-jwt-is-due',
    category: 'userinfo',
    refusedWith: 'userinfo_not_signed',
    why: "FranceConnect v2 signs userinfo: unsigned JSON is anyone's claim",
    bend: (op) => ({ userinfoAnswer: () => ({ status: 200, body: JSON.stringify(op.identity) }) }),
  },
  {
    name: 'userinfo.jwt-labelled-json',
    category: 'userinfo',
    refusedWith: 'userinfo_not_signed',
    why: 'the content type decides how the body is read; a mislabelled answer is refused, not guessed',
    bend: () => ({ userinfoAnswer: (body) => ({ status: 200, contentType: 'application/json', body }) }),
  },
  {
    name: 'userinfo.html-page',
    category: 'userinfo',
    refusedWith: 'userinfo_not_signed',
    why: 'a 200 HTML page (portal, proxy) is not an identity',
    bend: () => ({ userinfoAnswer: () => ({ status: 200, contentType: 'text/html', body: '<html>Bienvenue</html>' }) }),
  },
  {
    name: 'userinfo.sub-swap',
    category: 'userinfo',
    refusedWith: 'userinfo_sub',
    why: "another person's identity behind this person's ID token",
    bend: () => ({ userinfo: { claims: withClaims({ sub: `${'f'.repeat(64)}v1` }) } }),
  },
  {
    name: 'userinfo.iss-of-another-issuer',
    category: 'userinfo',
    refusedWith: 'userinfo_iss',
    why: 'userinfo signed for another platform',
    bend: () => ({ userinfo: { claims: withClaims({ iss: 'https://evil.example/api/v2' }) } }),
  },
  {
    name: 'userinfo.iss-missing',
    category: 'userinfo',
    refusedWith: 'userinfo_iss',
    why: 'FranceConnect puts iss in userinfo: its absence means another origin',
    bend: () => ({ userinfo: { claims: withClaims({ iss: undefined }) } }),
  },
  {
    name: 'userinfo.aud-another-client',
    category: 'userinfo',
    refusedWith: 'userinfo_aud',
    why: 'an identity released to another service, replayed here',
    bend: () => ({ userinfo: { claims: withClaims({ aud: 'another-client' }) } }),
  },
  {
    name: 'userinfo.alg-none',
    category: 'userinfo',
    refusedWith: 'userinfo_alg',
    why: 'unsigned userinfo',
    bend: (op) => ({ userinfo: { sign: (h, c) => op.signCompact({ ...h, alg: 'none' }, c, 'none') } }),
  },
  {
    name: 'userinfo.another-key',
    category: 'userinfo',
    refusedWith: 'userinfo_signature',
    why: "userinfo signed by a key outside the provider's key set",
    bend: (op) => ({ userinfo: { sign: (h, c) => op.signCompact(h, c, op.impostor) } }),
  },
  {
    name: 'userinfo.expired',
    category: 'userinfo',
    refusedWith: 'userinfo_expired',
    why: 'an old userinfo answer replayed',
    bend: () => ({ userinfo: { claims: withClaims({ exp: past() }) } }),
  },
  {
    name: 'userinfo.error-401',
    category: 'userinfo',
    refusedWith: 'userinfo_error',
    why: 'the provider refused the access token: no identity',
    bend: () => ({ userinfoAnswer: () => ({ status: 401, body: '{"error":"invalid_token"}' }) }),
  },
  {
    name: 'userinfo.v1-html-page',
    category: 'userinfo',
    variant: 'v1',
    refusedWith: 'response_invalid',
    why: 'v1 userinfo is JSON: an HTML page is not read as an identity',
    bend: () => ({ userinfoAnswer: () => ({ status: 200, contentType: 'text/html', body: '<p>maintenance</p>' }) }),
  },
  {
    name: 'userinfo.v1-sub-swap',
    category: 'userinfo',
    variant: 'v1',
    refusedWith: 'userinfo_sub',
    why: "another person's identity, on v1",
    bend: () => ({ userinfo: { claims: withClaims({ sub: `${'e'.repeat(64)}v1` }) } }),
  },
  // ─── Callback: what the browser brings back (anyone can forge a URL) ───
  {
    name: 'callback.iss-of-another-issuer',
    category: 'callback',
    refusedWith: 'iss_mismatch',
    why: 'mix-up attack (RFC 9207): the code comes from another provider',
    callback: param('iss', 'https://evil.example/api/v2'),
  },
  {
    name: 'callback.iss-missing',
    category: 'callback',
    refusedWith: 'iss_missing',
    why: 'FranceConnect always sends iss: without it a mix-up cannot be ruled out',
    callback: param('iss', null),
  },
  {
    name: 'callback.iss-twice',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'callback_invalid',
    why: 'two values of one parameter: which one was checked?',
    callback: appendParam('iss', 'https://evil.example/api/v2'),
  },
  {
    name: 'callback.binding-missing',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'binding_missing',
    why: "login CSRF: the attacker's genuine callback, opened in a browser that holds no binding cookie",
    callback: (url) => ({ url, cookie: '' }),
  },
  {
    name: 'callback.binding-of-another-browser',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'binding_mismatch',
    why: 'login CSRF: the callback, opened in a browser whose cookie belongs to another sign-in',
    callback: async (url, { client }) => ({ url, cookie: (await client.authorize()).cookie.value }),
  },
  {
    name: 'callback.binding-forged',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'binding_mismatch',
    why: 'a binding value the SDK never issued',
    callback: (url) => ({ url, cookie: 'forged-binding-forged-binding-forged-bind' }),
  },
  {
    name: 'callback.state-unknown',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'state_unknown',
    why: 'login CSRF: a state this app never issued',
    callback: param('state', 'forged-state-forged-state-forged-state-000'),
  },
  {
    name: 'callback.state-replayed-after-success',
    category: 'callback',
    refusedWith: 'state_unknown',
    why: 'a stolen callback URL (history, logs, Referer) replayed after the user signed in',
    callback: async (url, { client, cookie }) => {
      await client.callback(url, { cookie })
      return url
    },
  },
  {
    name: 'callback.state-missing',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'state_missing',
    why: 'no state: nothing ties the callback to a sign-in this browser started',
    callback: param('state', null),
  },
  {
    name: 'callback.state-empty',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'state_missing',
    why: 'an empty state is no state',
    callback: param('state', ''),
  },
  {
    name: 'callback.state-twice',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'callback_invalid',
    why: 'two states: one checked, the other used?',
    callback: appendParam('state', 'forged-state-forged-state-forged-state-000'),
  },
  {
    name: 'callback.code-twice',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'callback_invalid',
    why: "two codes: the attacker's next to the user's",
    callback: appendParam('code', 'attacker-code'),
  },
  {
    name: 'callback.code-missing',
    category: 'callback',
    refusedWith: 'callback_invalid',
    why: 'neither a code nor an error',
    callback: param('code', null),
  },
  {
    name: 'callback.code-replayed-into-a-new-sign-in',
    category: 'callback',
    refusedWith: 'token_error',
    why: 'code injection: a used code pasted into a fresh sign-in is refused by the provider, and reported',
    callback: async (url, { client, op, cookie }) => {
      await client.callback(url, { cookie })
      const freshSignIn = await client.authorize()
      const fresh = new URL(op.authorize(freshSignIn.url))
      fresh.searchParams.set('code', url.searchParams.get('code') ?? '')
      return { url: fresh, cookie: freshSignIn.cookie.value }
    },
  },
  {
    name: 'callback.error-with-the-state-of-a-logout',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'state_unknown',
    why: "an error return carrying the state of another transaction (a logout) is not this sign-in's",
    callback: async (url, { client, op }) => {
      const { state } = await client.logout('header.payload.signature')
      return `${op.redirectUri}?error=access_denied&state=${state}&iss=${encodeURIComponent(op.issuer)}`
    },
  },
  {
    name: 'callback.error-with-the-state-of-another-client',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'state_unknown',
    why: 'an error return carrying a state another client issued',
    callback: async (_url, { otherClient, op }) => {
      const { state } = await otherClient().authorize()
      return `${op.redirectUri}?error=access_denied&state=${state}&iss=${encodeURIComponent(op.issuer)}`
    },
  },
  {
    name: 'callback.error-with-an-unknown-state',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'state_unknown',
    why: 'the state is checked before the error is believed',
    callback: (_url, { op }) =>
      `${op.redirectUri}?error=access_denied&state=never-issued-never-issued-000&iss=${encodeURIComponent(op.issuer)}`,
  },
  {
    name: 'callback.error-and-code',
    category: 'callback',
    refusedWith: 'access_denied',
    why: 'an error return with a code: the error wins, the code is never exchanged',
    callback: appendParam('error', 'access_denied'),
  },
  {
    name: 'callback.not-a-url',
    category: 'callback',
    afterwards: 'refused-again',
    refusedWith: 'callback_invalid',
    why: 'garbage instead of a URL',
    callback: () => 'http://[::1',
  },
  // ─── Token response ───
  {
    name: 'token-response.token-type-not-bearer',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'a DPoP or MAC token used as a bearer would be sent where it is not meant to be',
    bend: () => ({ tokenBody: withClaims({ token_type: 'DPoP' }) }),
  },
  {
    name: 'token-response.token-type-missing',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'RFC 6749 requires token_type',
    bend: () => ({ tokenBody: withClaims({ token_type: undefined }) }),
  },
  {
    name: 'token-response.id-token-missing',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'no ID token: no verified identity, only an access token anyone could have',
    bend: () => ({ tokenBody: withClaims({ id_token: undefined }) }),
  },
  {
    name: 'token-response.id-token-not-a-string',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'an ID token as a JSON object (pre-decoded claims) is unsigned',
    bend: () => ({ tokenBody: (b) => ({ ...b, id_token: { sub: 'x' } }) }),
  },
  {
    name: 'token-response.access-token-missing',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'no access token',
    bend: () => ({ tokenBody: withClaims({ access_token: undefined }) }),
  },
  {
    name: 'token-response.access-token-empty',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'an empty access token',
    bend: () => ({ tokenBody: withClaims({ access_token: '' }) }),
  },
  {
    name: 'token-response.expires-in-absurd',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'a FranceConnect token lives 60 s: 10^12 s is not an answer to trust',
    bend: () => ({ tokenBody: withClaims({ expires_in: 1e12 }) }),
  },
  {
    name: 'token-response.expires-in-negative',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'a token already expired',
    bend: () => ({ tokenBody: withClaims({ expires_in: -5 }) }),
  },
  {
    name: 'token-response.expires-in-a-string',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'a lifetime of the wrong type',
    bend: () => ({ tokenBody: withClaims({ expires_in: '60' }) }),
  },
  {
    name: 'token-response.scope-not-a-string',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'scopes granted in the wrong shape',
    bend: () => ({ tokenBody: withClaims({ scope: ['openid'] }) }),
  },
  {
    name: 'token-response.refresh-token-not-a-string',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'a refresh token of the wrong type',
    bend: () => ({ tokenBody: withClaims({ refresh_token: 42 }) }),
  },
  {
    name: 'token-response.body-an-array',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'a JSON array is not a token response',
    bend: () => ({ tokenAnswer: () => ({ status: 200, body: '[{"access_token":"x"}]' }) }),
  },
  {
    name: 'token-response.body-html',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'a 200 HTML page (captive portal, WAF) is not a token response',
    bend: () => ({ tokenAnswer: () => ({ status: 200, contentType: 'text/html', body: '<html>ok</html>' }) }),
  },
  {
    name: 'token-response.body-truncated',
    category: 'token-response',
    refusedWith: 'response_invalid',
    why: 'a cut JSON body',
    bend: () => ({ tokenAnswer: (body) => ({ status: 200, body: body.slice(0, body.length / 2) }) }),
  },
  {
    name: 'token-response.huge-body',
    category: 'token-response',
    refusedWith: 'response_too_large',
    why: 'a 2 MB JSON answer is refused past 1 MiB (memory)',
    bend: () => ({ tokenBody: withClaims({ padding: 'x'.repeat(2 * 1024 * 1024) }) }),
  },
  {
    name: 'token-response.server-error',
    category: 'token-response',
    refusedWith: 'token_error',
    why: 'a 500 is an error, whatever its body',
    bend: () => ({ tokenAnswer: () => ({ status: 500, contentType: 'text/html', body: '<h1>Erreur</h1>' }) }),
  },
  // ─── Transport ───
  {
    name: 'transport.token-redirect-to-another-host',
    category: 'transport',
    refusedWith: 'redirect_refused',
    why: 'a redirect would carry the code and the client secret to another host',
    bend: () => ({ tokenAnswer: () => ({ kind: 'redirect', location: 'https://evil.example/token', status: 307 }) }),
  },
  {
    name: 'transport.userinfo-redirect-to-another-host',
    category: 'transport',
    refusedWith: 'redirect_refused',
    why: 'a redirect would carry the access token to another host',
    bend: () => ({ userinfoAnswer: () => ({ kind: 'redirect', location: 'https://evil.example/userinfo' }) }),
  },
  {
    name: 'transport.jwks-redirect-to-another-host',
    category: 'transport',
    refusedWith: 'redirect_refused',
    why: "keys fetched from another host would be the attacker's",
    bend: () => ({ jwksAnswer: () => ({ kind: 'redirect', location: 'https://evil.example/jwks' }) }),
  },
  {
    name: 'transport.discovery-redirect-to-another-host',
    category: 'transport',
    refusedWith: 'redirect_refused',
    why: 'metadata from another host would point every endpoint there',
    bend: () => ({
      discoveryAnswer: () => ({ kind: 'redirect', location: 'https://evil.example/.well-known/openid-configuration' }),
    }),
  },
  {
    name: 'transport.token-slow-body-past-the-timeout',
    category: 'transport',
    timeoutMs: 500,
    refusedWith: 'timeout',
    why: 'a body that trickles forever (slowloris) must not hold the request past its timeout',
    bend: () => ({ tokenAnswer: () => ({ kind: 'slow-body', intervalMs: 50 }) }),
  },
  {
    name: 'transport.token-no-answer',
    category: 'transport',
    timeoutMs: 500,
    refusedWith: 'timeout',
    why: 'a provider that never answers',
    bend: () => ({ tokenAnswer: () => ({ kind: 'hang' }) }),
  },
  {
    name: 'transport.token-10-mb-streamed',
    category: 'transport',
    refusedWith: 'response_too_large',
    why: '10 MB without a Content-Length: refused as soon as 1 MiB is passed',
    bend: () => ({ tokenAnswer: () => ({ kind: 'huge-body', bytes: 10 * 1024 * 1024, declareLength: false }) }),
  },
  {
    name: 'transport.token-10-mb-declared',
    category: 'transport',
    refusedWith: 'response_too_large',
    why: '10 MB announced by Content-Length: refused before reading',
    bend: () => ({ tokenAnswer: () => ({ kind: 'huge-body', bytes: 10 * 1024 * 1024, declareLength: true }) }),
  },
  {
    name: 'transport.userinfo-10-mb',
    category: 'transport',
    refusedWith: 'response_too_large',
    why: 'a 10 MB userinfo',
    bend: () => ({
      userinfoAnswer: () => ({
        kind: 'huge-body',
        bytes: 10 * 1024 * 1024,
        declareLength: false,
        contentType: 'application/jwt',
      }),
    }),
  },
  {
    name: 'transport.jwks-10-mb',
    category: 'transport',
    refusedWith: 'response_too_large',
    why: 'a 10 MB key set',
    bend: () => ({ jwksAnswer: () => ({ kind: 'huge-body', bytes: 10 * 1024 * 1024, declareLength: false }) }),
  },
  {
    name: 'transport.token-reset-mid-body',
    category: 'transport',
    refusedWith: 'network_error',
    why: 'a connection cut in the middle of the body is a failure, never a half-read answer',
    bend: () => ({ tokenAnswer: () => ({ kind: 'reset-mid-body' }) }),
  },
  {
    name: 'transport.discovery-issuer-mismatch',
    category: 'transport',
    refusedWith: 'issuer_mismatch',
    why: 'metadata naming another issuer: a mix-up at discovery',
    bend: () => ({ discovery: (doc) => ({ ...doc, issuer: 'https://evil.example/api/v2' }) }),
  },
  {
    name: 'transport.discovery-plain-http-endpoint',
    category: 'transport',
    refusedWith: 'insecure_url',
    why: 'an endpoint off HTTPS (not loopback) would carry secrets in clear',
    bend: () => ({ discovery: (doc) => ({ ...doc, token_endpoint: 'http://evil.example/token' }) }),
  },
  {
    name: 'transport.discovery-token-endpoint-on-another-host',
    category: 'transport',
    refusedWith: 'endpoint_not_allowed',
    why: 'a tampered document sending the client secret and the code to a host that is not the issuer',
    bend: () => ({ discovery: (doc) => ({ ...doc, token_endpoint: 'https://evil.example/token' }) }),
  },
  {
    name: 'transport.discovery-userinfo-on-another-host',
    category: 'transport',
    refusedWith: 'endpoint_not_allowed',
    why: 'the access token would be sent to another host',
    bend: () => ({ discovery: (doc) => ({ ...doc, userinfo_endpoint: 'https://evil.example/userinfo' }) }),
  },
  {
    name: 'transport.discovery-auth-methods-not-a-list',
    category: 'transport',
    refusedWith: 'response_invalid',
    why: 'odd metadata is a typed error, never a TypeError deep in the client',
    bend: () => ({ discovery: (doc) => ({ ...doc, token_endpoint_auth_methods_supported: 42 }) }),
  },
  {
    name: 'transport.jwks-without-keys',
    category: 'transport',
    refusedWith: 'jwks_error',
    why: 'a key set that is not a key set',
    bend: () => ({ jwksAnswer: () => ({ status: 200, body: '{"keys":"none"}' }) }),
  },
  // ─── Logout return ───
  {
    name: 'logout.state-replayed',
    category: 'logout',
    flow: 'logout',
    refusedWith: 'logout_state_unknown',
    why: 'a logout return is accepted once',
    callback: async (url, { client, cookie }) => {
      await client.logoutCallback(url, { cookie })
      return url
    },
  },
  {
    name: 'logout.binding-missing',
    category: 'logout',
    flow: 'logout',
    afterwards: 'refused-again',
    refusedWith: 'binding_missing',
    why: 'a logout return in a browser that did not start the logout',
    callback: (url) => ({ url, cookie: '' }),
  },
  {
    name: 'logout.binding-of-another-browser',
    category: 'logout',
    flow: 'logout',
    afterwards: 'refused-again',
    refusedWith: 'binding_mismatch',
    why: "a logout return carrying another browser's logout cookie",
    callback: async (url, { client }) => ({ url, cookie: (await client.logout('header.payload.signature')).cookie.value }),
  },
  {
    name: 'logout.state-unknown',
    category: 'logout',
    flow: 'logout',
    afterwards: 'refused-again',
    refusedWith: 'logout_state_unknown',
    why: 'a logout return this app did not start',
    callback: param('state', 'forged-logout-state-forged-logout-state'),
  },
  {
    name: 'logout.state-missing',
    category: 'logout',
    flow: 'logout',
    afterwards: 'refused-again',
    refusedWith: 'logout_state_missing',
    why: 'a logout return without state',
    callback: param('state', null),
  },
  {
    name: 'logout.state-of-a-sign-in',
    category: 'logout',
    flow: 'logout',
    afterwards: 'refused-again',
    refusedWith: 'logout_state_unknown',
    why: "the state of a pending sign-in is not a logout's",
    callback: async (url, { client }) => param('state', (await client.authorize()).state)(url),
  },
  {
    name: 'logout.state-twice',
    category: 'logout',
    flow: 'logout',
    afterwards: 'refused-again',
    refusedWith: 'callback_invalid',
    why: 'two states on a logout return',
    callback: appendParam('state', 'forged-logout-state-forged-logout-state'),
  },
  // ─── Checktoken (data provider side): FranceConnect's word on an access token ───
  {
    name: 'checktoken.alg-none',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_alg',
    why: 'an unsigned checktoken answer inside a valid JWE (anyone can encrypt to the data provider)',
    bend: (op) => ({ checktoken: { sign: (h, c) => op.signCompact({ ...h, alg: 'none' }, c, 'none') } }),
  },
  {
    name: 'checktoken.hs256-keyed-with-public-key',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_alg',
    why: 'key confusion on the checktoken answer',
    bend: (op) => ({
      checktoken: {
        sign: (h, c) =>
          op.signCompact({ ...h, alg: 'HS256' }, c, { alg: 'HS256', secret: JSON.stringify(op.keys.es256.publicJwk) }),
      },
    }),
  },
  {
    name: 'checktoken.jku',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_header',
    why: 'the answer choosing its own key',
    bend: () => ({ checktoken: { header: (h) => ({ ...h, jku: 'https://evil.example/jwks' }) } }),
  },
  {
    name: 'checktoken.crit',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_header',
    why: 'an unknown critical extension',
    bend: () => ({ checktoken: { header: (h) => ({ ...h, crit: ['x-fc'], 'x-fc': 1 }) } }),
  },
  {
    name: 'checktoken.signed-not-encrypted',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_not_encrypted',
    why: 'FranceConnect always encrypts checktoken answers',
    bend: () => ({ checktoken: { jwe: false } }),
  },
  {
    name: 'checktoken.enc-a128gcm',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_header',
    why: 'A256GCM only',
    bend: () => ({ checktoken: { jwe: { enc: 'A128GCM' } } }),
  },
  {
    name: 'checktoken.zip',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_header',
    why: 'compressed JWE',
    bend: () => ({ checktoken: { jwe: { zip: true } } }),
  },
  {
    name: 'checktoken.another-recipient',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_decryption',
    why: "encrypted to another data provider's key",
    bend: (op) => ({ checktoken: { jwe: { recipient: op.strangerKey, kid: null } } }),
  },
  {
    name: 'checktoken.aud-array-without-azp',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_azp',
    why: 'an answer addressed to several data providers',
    bend: (op) => ({ checktoken: { claims: withClaims({ aud: [op.dataProvider.clientId, 'another-dp'] }) } }),
  },
  {
    name: 'checktoken.iss-of-another-issuer',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_iss',
    why: 'an answer from another platform',
    bend: () => ({ checktoken: { claims: withClaims({ iss: 'https://evil.example/api/v2' }) } }),
  },
  {
    name: 'checktoken.another-key',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_signature',
    why: "an answer signed by a key outside FranceConnect's key set",
    bend: (op) => ({ checktoken: { sign: (h, c) => op.signCompact(h, c, op.impostor) } }),
  },
  {
    name: 'checktoken.iat-too-old',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_iat',
    why: 'a genuine answer replayed two minutes later (the answer has no exp: its age is bounded by iat, 60 s)',
    bend: () => ({ checktoken: { claims: withClaims({ iat: Math.floor(Date.now() / 1000) - 120 }) } }),
  },
  {
    name: 'checktoken.iat-missing',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_claims',
    why: 'an answer whose age cannot be known',
    bend: () => ({ checktoken: { claims: withClaims({ iat: undefined }) } }),
  },
  {
    name: 'checktoken.active-but-expired',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_expired',
    why: '"active" for a token whose exp has passed',
    bend: () => ({
      checktoken: {
        claims: (c) => ({ ...c, token_introspection: { ...(c.token_introspection as object), exp: past() } }),
      },
    }),
  },
  {
    name: 'checktoken.json-instead-of-jwt',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'checktoken_not_encrypted',
    why: 'plain JSON claiming the token is active',
    bend: () => ({
      checktokenAnswer: () => ({ status: 200, body: '{"token_introspection":{"active":true}}' }),
    }),
  },
  {
    name: 'checktoken.10-mb-body',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'response_too_large',
    why: 'a checktoken answer is a few kilobytes: 10 MB is refused past 96 KiB',
    bend: () => ({
      checktokenAnswer: () => ({
        kind: 'huge-body',
        bytes: 10 * 1024 * 1024,
        declareLength: false,
        contentType: 'application/token-introspection+jwt',
      }),
    }),
  },
  {
    name: 'checktoken.redirect-to-another-host',
    category: 'checktoken',
    flow: 'checktoken',
    refusedWith: 'redirect_refused',
    why: "a redirect would carry the token and the data provider's secret elsewhere",
    bend: () => ({ checktokenAnswer: () => ({ kind: 'redirect', location: 'https://evil.example/checktoken', status: 307 }) }),
  },
  {
    name: 'checktoken.slow-body-past-the-timeout',
    category: 'checktoken',
    flow: 'checktoken',
    timeoutMs: 500,
    refusedWith: 'timeout',
    why: "a trickling answer must not hold the data provider's request",
    bend: () => ({ checktokenAnswer: () => ({ kind: 'slow-body', intervalMs: 50 }) }),
  },
]

/** The OPs a run needs, one per variant, started once. */
export type Ops = Record<Variant, HostileOp>

export async function startOps(): Promise<Ops> {
  const [v2, fcplus, v1] = await Promise.all([startHostileOp('v2'), startHostileOp('fcplus'), startHostileOp('v1')])
  return { v2, fcplus, v1 }
}

export async function closeOps(ops: Ops): Promise<void> {
  await Promise.all(Object.values(ops).map((op) => op.close()))
}

/** A memory store that counts writes, to show that a refused callback stores nothing. */
export function recordingStore(): TransactionStore & { readonly size: number; writes: number } {
  const inner = memoryStore()
  const store = {
    writes: 0,
    get size() {
      return inner.size
    },
    put(key: string, value: string, ttlSec: number) {
      store.writes++
      return inner.put(key, value, ttlSec)
    },
    get: (key: string) => inner.get(key),
    take: (key: string) => inner.take(key),
  }
  return store
}

export function clientFor(op: HostileOp, options: { store?: TransactionStore; timeoutMs?: number } = {}): Client {
  const provider =
    op.variant === 'v2'
      ? franceConnect({ issuer: op.issuer })
      : op.variant === 'fcplus'
        ? franceConnectPlus({ issuer: op.issuer })
        : franceConnectV1({ issuer: op.issuer })
  return createClient({
    provider,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    redirectUri: op.redirectUri,
    postLogoutRedirectUri: op.postLogoutRedirectUri,
    store: options.store ?? memoryStore(),
    timeoutMs: options.timeoutMs ?? 2000,
    ...(op.variant === 'fcplus' ? { encryptionKeys: [op.clientKey.privateJwk] } : {}),
  })
}

export function checktokenOptions(op: HostileOp, timeoutMs = 2000) {
  return {
    issuer: op.issuer,
    clientId: op.dataProvider.clientId,
    clientSecret: op.dataProvider.clientSecret,
    decryptionKeys: [op.dataProvider.key.privateJwk],
    timeoutMs,
    // a fetch of its own, so that this verification gets a key set of its own (no cache between rows)
    fetch: ((input, init) => fetch(input, init)) as typeof fetch,
  }
}

/** A call that settled: its value, or its error. */
export type Settled = { ok: true; value: unknown } | { ok: false; error: unknown }

const settle = (promise: Promise<unknown>): Promise<Settled> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )

/** What a row produced: the refusal, then what happened when inputs came back. */
export interface Outcome {
  /** The refused call (a success here is a test failure). */
  result: Settled
  /** The same bent input again, then the genuine one the provider first sent (none for checktoken). */
  replays: Settled[]
  /** Writes to the transaction store during the refused call. */
  writesDuringRefusal: number
  /** Pending transactions before and after the refused call. */
  pendingBefore: number
  pendingAfter: number
}

/**
 * Plays one row. The sign-in (or logout) is started on one client instance, then the provider is
 * bent, then the callback is handled by another instance sharing the store — cold, as after a
 * restart or on another server — so that discovery and keys are fetched from the bent provider.
 */
export async function runMutation(mutation: OpMutation, ops: Ops): Promise<Outcome> {
  const op = ops[mutation.variant ?? 'v2']
  op.reset()
  try {
    if (mutation.flow === 'checktoken') {
      const token = op.issueAccessToken()
      op.bend = mutation.bend?.(op) ?? {}
      const result = await settle(verifyAccessToken(token, checktokenOptions(op, mutation.timeoutMs)))
      return { result, replays: [], writesDuringRefusal: 0, pendingBefore: 0, pendingAfter: 0 }
    }
    const store = recordingStore()
    const warm = clientFor(op, { store })
    let genuine: URL
    let state: string
    let cookie: string
    if (mutation.flow === 'logout') {
      const started = await warm.logout('header.payload.signature')
      state = started.state
      cookie = started.cookie.value
      genuine = new URL(op.postLogoutRedirectUri)
      genuine.searchParams.set('state', state)
    } else {
      const started = await warm.authorize(mutation.acr ? { acr: mutation.acr.asked } : {})
      state = started.state
      cookie = started.cookie.value
      genuine = new URL(op.authorize(started.url, mutation.acr ? { acr: mutation.acr.answered } : {}))
    }
    op.bend = mutation.bend?.(op) ?? {}
    const client = clientFor(op, { store, ...(mutation.timeoutMs ? { timeoutMs: mutation.timeoutMs } : {}) })
    const otherClient = () => clientFor(op)
    const returned = mutation.callback
      ? await mutation.callback(new URL(genuine), { op, client, state, cookie, otherClient })
      : genuine
    const bent = typeof returned === 'string' || returned instanceof URL ? { url: returned, cookie } : returned
    const call = ({ url, cookie }: { url: string | URL; cookie: string }) =>
      mutation.flow === 'logout' ? client.logoutCallback(url, { cookie }) : client.callback(url, { cookie })

    const pendingBefore = store.size
    const writesBefore = store.writes
    const result = await settle(call(bent))
    const writesDuringRefusal = store.writes - writesBefore
    const pendingAfter = store.size
    const replays: Settled[] = []
    for (const input of [bent, { url: genuine, cookie }]) replays.push(await settle(call(input)))
    return { result, replays, writesDuringRefusal, pendingBefore, pendingAfter }
  } finally {
    op.reset()
  }
}

/** Whether vitest is running this file itself: secrets.test.ts and fuzz.test.ts import its table and driver, and must not run its tests again. */
const runningThisFile = expect.getState().testPath === fileURLToPath(import.meta.url)

if (runningThisFile) {
  describe('a hostile provider', () => {
    let ops: Ops
    beforeAll(async () => {
      ops = await startOps()
    })
    afterAll(() => closeOps(ops))
    beforeEach(() => Object.values(ops).forEach((op) => op.reset()))

    describe('control: the unbent flows succeed (so each refusal below is caused by its mutation)', () => {
      for (const variant of ['v2', 'fcplus', 'v1'] as const) {
        it(`${variant}: sign-in, then logout`, async () => {
          const op = ops[variant]
          const client = clientFor(op)
          const { url, cookie } = await client.authorize()
          const session = await client.callback(op.authorize(url), { cookie: cookie.value })
          expect(session.claims.family_name).toBe('CANARDIERE')
          expect(session.sub).toBe(op.identity.sub)
          const { state, cookie: logoutCookie } = await client.logout(session)
          await expect(
            client.logoutCallback(`${op.postLogoutRedirectUri}?state=${state}`, { cookie: logoutCookie.value }),
          ).resolves.toEqual({ state })
        })
      }
      it('fcplus: eidas3 asked and given', async () => {
        const op = ops.fcplus
        const client = clientFor(op)
        const { url, cookie } = await client.authorize({ acr: 'eidas3' })
        await expect(client.callback(op.authorize(url, { acr: 'eidas3' }), { cookie: cookie.value })).resolves.toMatchObject({
          acr: 'eidas3',
        })
      })
      it('checktoken: an active token', async () => {
        const op = ops.v2
        const result = await verifyAccessToken(op.issueAccessToken(), checktokenOptions(op))
        expect(result).toMatchObject({ active: true, sub: op.identity.sub })
      })
    })

    it('the table has at least 50 mutations, with unique names', () => {
      expect(opMutations.length).toBeGreaterThanOrEqual(50)
      expect(new Set(opMutations.map((m) => m.name)).size).toBe(opMutations.length)
    })

    const categories = [...new Set(opMutations.map((m) => m.category))]
    for (const category of categories) {
      describe(category, () => {
        for (const mutation of opMutations.filter((m) => m.category === category)) {
          it(`${mutation.name} → ${mutation.refusedWith}`, async () => {
            const outcome = await runMutation(mutation, ops)
            const { result } = outcome
            expect(result.ok, `accepted instead of refused: ${mutation.why}`).toBe(false)
            const error = result.ok ? undefined : result.error
            expect(isFranceConnectSdkError(error), `not an SDK error: ${String(error)}`).toBe(true)
            expect((error as { code: string }).code, (error as Error).message).toBe(mutation.refusedWith)
            if (mutation.flow === 'checktoken') return
            expect(outcome.writesDuringRefusal, 'the refused call wrote to the store').toBe(0)
            const [again, genuine] = outcome.replays.map((replay) =>
              replay.ok ? 'accepted' : (replay.error as { code?: string }).code,
            )
            if ((mutation.afterwards ?? 'consumed') === 'consumed') {
              const unknown = mutation.flow === 'logout' ? 'logout_state_unknown' : 'state_unknown'
              expect([again, genuine], 'the transaction is still usable after the refusal').toEqual([unknown, unknown])
              expect(outcome.pendingAfter, 'a transaction is left pending').toBe(0)
            } else {
              expect(again, 'the same input, again').toBe(mutation.refusedWith)
              expect(outcome.pendingAfter, 'a forged input consumed a pending transaction').toBe(outcome.pendingBefore)
              expect(genuine, 'the genuine return, after the forged one').toBe('accepted')
            }
          })
        }
      })
    }
  })
}
