/**
 * Figure 3: ID token verification alone. The SDK's internal `verifyJwt` (src/oidc/verify-jwt.ts)
 * with a key set already fetched and its key imported, against `jose.jwtVerify` with the key in
 * hand (the floor: no key lookup, no header policy): ES256, RS256, and FranceConnect+'s nested
 * token (ECDH-ES + A256GCM JWE around an ES256 JWS; jose: `compactDecrypt` then `jwtVerify`).
 * The same token is verified again and again (its exp an hour ahead); tinybench on a CPU clock
 * (bench/lib/compare.ts), rounds alternating the order of the two tasks; the figure is the median
 * of the per-round ratios.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CompactEncrypt, SignJWT, compactDecrypt, exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose'
import { createDecryptionKeys } from '../../src/oidc/encryption-keys.js'
import { createKeySet } from '../../src/oidc/key-set.js'
import { verifyJwt, type JwtExpectations } from '../../src/oidc/verify-jwt.js'
import { parseArgs } from '../lib/args.js'
import { compareRounds } from '../lib/compare.js'
import { makeEncryptionKeyPair } from '../lib/flows.js'
import { emitRow, formatNumber, formatRatio, median, verdict } from '../lib/report.js'

const args = parseArgs()
const plan = args.smoke ? { rounds: 1, time: 50 } : args.quick ? { rounds: 2, time: 300 } : { rounds: 6, time: 1000 }

const issuer = 'http://127.0.0.1/api/v2'
const audience = 'a'.repeat(64)
const es = await generateKeyPair('ES256', { extractable: true })
const rs = await generateKeyPair('RS256', { extractable: true })
const jwks = {
  keys: [
    { ...(await exportJWK(es.publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' },
    { ...(await exportJWK(rs.publicKey)), kid: 'rs-1', alg: 'RS256', use: 'sig' },
  ] satisfies JWK[],
}
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify(jwks))
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`

const now = Math.floor(Date.now() / 1000)
const claims = {
  sub: 'b'.repeat(64) + 'v1',
  nonce: 'n'.repeat(43),
  acr: 'eidas1',
  auth_time: now,
  given_name: 'Angela Claire Louise',
  family_name: 'DUBOIS',
}
const sign = (alg: 'ES256' | 'RS256', key: CryptoKey, kid: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg, kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(key)
const esToken = await sign('ES256', es.privateKey, 'es-1')
const rsToken = await sign('RS256', rs.privateKey, 'rs-1')
const encryption = await makeEncryptionKeyPair()
const encryptionPublicKey = (await (await import('jose')).importJWK(encryption.publicJwk, 'ECDH-ES')) as CryptoKey
const encryptionPrivateKey = (await (await import('jose')).importJWK(encryption.privateJwk, 'ECDH-ES')) as CryptoKey
const nestedToken = await new CompactEncrypt(new TextEncoder().encode(esToken))
  .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: 'enc-1', cty: 'JWT' })
  .encrypt(encryptionPublicKey)

const keys = createKeySet(jwksUri, { timeoutMs: 5000 })
const base: Omit<JwtExpectations, 'algorithms'> = {
  kind: 'id_token',
  issuer,
  audience,
  keys,
  clockToleranceSec: 30,
  require: { exp: true, iat: true, issAud: true },
}
const esExpect: JwtExpectations = { ...base, algorithms: ['ES256', 'RS256'] }
const rsExpect: JwtExpectations = { ...base, algorithms: ['ES256', 'RS256'] }
const nestedExpect: JwtExpectations = {
  ...base,
  algorithms: ['ES256'],
  decryption: { keys: createDecryptionKeys([encryption.privateJwk]), contentEncryptionAlgorithms: ['A256GCM'], required: true },
}
const joseOptions = (alg: string) => ({ issuer, audience, algorithms: [alg], requiredClaims: ['exp', 'iat', 'sub'] })
const textDecoder = new TextDecoder()

const cases = [
  {
    id: '3a',
    label: 'ES256',
    sdk: () => verifyJwt(esToken, esExpect),
    jose: () => jwtVerify(esToken, es.publicKey, joseOptions('ES256')),
  },
  {
    id: '3b',
    label: 'RS256',
    sdk: () => verifyJwt(rsToken, rsExpect),
    jose: () => jwtVerify(rsToken, rs.publicKey, joseOptions('RS256')),
  },
  {
    id: '3c',
    label: 'FC+ nested (ECDH-ES+A256GCM, then ES256)',
    sdk: () => verifyJwt(nestedToken, nestedExpect),
    jose: async () => {
      const { plaintext } = await compactDecrypt(nestedToken, encryptionPrivateKey, {
        keyManagementAlgorithms: ['ECDH-ES'],
        contentEncryptionAlgorithms: ['A256GCM'],
      })
      return jwtVerify(textDecoder.decode(plaintext), es.publicKey, joseOptions('ES256'))
    },
  },
]

try {
  for (const { id, label, sdk, jose } of cases) {
    // Same answer from both (and the key set fetched and the key imported before timing).
    const [mine, theirs] = await Promise.all([sdk(), jose()])
    if (mine.payload.sub !== theirs.payload.sub || mine.payload.family_name !== 'DUBOIS')
      throw new Error(`${label}: payloads differ`)
    const hz = await compareRounds(
      `verify ${label}`,
      [
        { name: 'SDK', run: sdk },
        { name: 'jose', run: jose },
      ],
      { ...plan, batch: 10 },
    )
    const sdkHz = hz.get('SDK') ?? []
    const joseHz = hz.get('jose') ?? []
    const ratios = sdkHz.map((hz, i) => hz / (joseHz[i] as number))
    const ratio = median(ratios)
    emitRow({
      id,
      figure: `verify ID token ${label}: ops per CPU-second`,
      sdk: formatNumber(median(sdkHz)),
      peerName: 'jose (key in hand)',
      peer: formatNumber(median(joseHz)),
      ratio: formatRatio(ratio),
      goal: 'SDK ≥ 0.9× jose',
      holds: args.smoke ? 'n/a' : verdict(ratio >= 0.9),
      note: args.smoke
        ? 'smoke run: timings are not meaningful'
        : `per-round ratios ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` +
          (id === '3a'
            ? `; tinybench on a CPU clock, ${plan.rounds} alternated rounds of ${plan.time} ms CPU per task, batches of 10, median of per-round ratios; SDK = verifyJwt with a warm key set (kid lookup, alg allow-list, header policy, claims), jose = jwtVerify with the CryptoKey`
            : ''),
    })
  }
} finally {
  server.close()
}
