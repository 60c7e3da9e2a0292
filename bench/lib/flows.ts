/**
 * The same sign-in, end to end, with the SDK and with openid-client configured to check as much:
 * signatures of the ID token and of the userinfo JWT (`enableNonRepudiationChecks`), the expected
 * algorithms, `state`, `nonce`, the callback `iss`, `client_secret_post`, and for FranceConnect+ the
 * decryption of both (`enableDecryptingResponses`). The OP is on http loopback
 * (`allowInsecureRequests`; the SDK allows loopback by itself).
 *
 * `begin(n)` makes n authorization URLs and keeps their transactions (not timed); `complete(url)`
 * is the callback: code exchange, ID token verification, userinfo verification (timed). The SDK's
 * callback also checks the browser binding: the cookie each `authorize()` returned, which these
 * flows keep by state as the browsers would. The SDK is its Node build (dist/node), rebuilt first
 * when older than src/.
 */
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import * as oc from 'openid-client'
import type * as Sdk from '../../src/index.js'
import type { Client, EncryptionKey } from '../../src/index.js'
import { ensureFreshNodeBuild, nodeBuildEntry } from './node-build.js'
import type { OpReady } from './op-process.js'

// The SDK as a Node server runs it: the Node build, not src/ (see node-build.ts).
ensureFreshNodeBuild()
const { createClient, franceConnect, franceConnectPlus } = (await import(nodeBuildEntry)) as typeof Sdk

export interface SignInFlow {
  readonly name: 'SDK' | 'openid-client'
  /** n authorization URLs, their transactions kept (in the SDK's default memory store, or a Map). */
  begin(n: number): Promise<string[]>
  /** Completes one sign-in from its callback URL; resolves with the verified subject. */
  complete(callbackUrl: string): Promise<{ sub: string; family_name: unknown }>
}

/** The client's FranceConnect+ encryption key pair (ECDH-ES, P-256), private and public JWKs. */
export interface EncryptionKeyPair {
  privateJwk: EncryptionKey
  publicJwk: JWK
}

export async function makeEncryptionKeyPair(): Promise<EncryptionKeyPair> {
  const { privateKey } = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true })
  const privateJwk = { ...(await exportJWK(privateKey)), kid: 'enc-1', alg: 'ECDH-ES', use: 'enc' } as EncryptionKey
  const { d: _d, ...publicJwk } = privateJwk
  return { privateJwk, publicJwk: publicJwk as JWK }
}

/** The binding cookies' values by state: what the browsers of the pending sign-ins hold. */
export type BrowserCookies = Map<string, string>

/**
 * The SDK, as an app writes it: createClient with the preset, authorize() (its cookie kept in
 * `browsers`), callback() with that cookie. Flows sharing a store share `browsers` too.
 */
export function sdkFlow(
  op: OpReady,
  encryption?: EncryptionKeyPair,
  options: { store?: Parameters<typeof createClient>[0]['store']; browsers?: BrowserCookies } = {},
): SignInFlow & { client: Client } {
  const { browsers = new Map<string, string>(), ...clientOptions } = options
  const client = createClient({
    provider: encryption ? franceConnectPlus({ issuer: op.issuer }) : franceConnect({ issuer: op.issuer }),
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    redirectUri: op.redirectUri,
    postLogoutRedirectUri: op.postLogoutRedirectUri,
    timeoutMs: 30_000,
    ...(encryption ? { encryptionKeys: [encryption.privateJwk] } : {}),
    ...clientOptions,
  })
  return {
    name: 'SDK',
    client,
    async begin(n) {
      const urls: string[] = []
      for (let i = 0; i < n; i++) {
        const { url, state, cookie } = await client.authorize()
        browsers.set(state, cookie.value)
        urls.push(url)
      }
      return urls
    },
    async complete(callbackUrl) {
      const state = new URL(callbackUrl).searchParams.get('state') ?? ''
      const cookie = browsers.get(state)
      browsers.delete(state)
      const session = await client.callback(callbackUrl, { cookie })
      return { sub: session.sub, family_name: session.claims.family_name }
    },
  }
}

interface OcTransaction {
  nonce: string
  acr: string
}

/**
 * openid-client 6 configured to verify what the SDK verifies. The transaction is kept in a Map
 * (taken out at the callback); the returned `acr` is checked against the one asked.
 */
export async function openidClientFlow(
  op: OpReady,
  encryption?: EncryptionKeyPair,
): Promise<SignInFlow & { config: oc.Configuration }> {
  const alg = 'ES256'
  const metadata: Partial<oc.ClientMetadata> = {
    redirect_uris: [op.redirectUri],
    id_token_signed_response_alg: alg,
    userinfo_signed_response_alg: alg,
  }
  const config = await oc.discovery(new URL(op.issuer), op.clientId, metadata, oc.ClientSecretPost(op.clientSecret), {
    execute: [oc.allowInsecureRequests, oc.enableNonRepudiationChecks],
    timeout: 30,
  })
  if (encryption) {
    const key = (await importJWK(encryption.privateJwk, 'ECDH-ES')) as CryptoKey
    oc.enableDecryptingResponses(config, ['A256GCM'], { key, alg: 'ECDH-ES', kid: encryption.privateJwk.kid })
  }
  const acr = encryption ? 'eidas2' : 'eidas1'
  const pending = new Map<string, OcTransaction>()
  return {
    name: 'openid-client',
    config,
    async begin(n) {
      const urls: string[] = []
      for (let i = 0; i < n; i++) {
        const state = oc.randomState()
        const nonce = oc.randomNonce()
        const url = oc.buildAuthorizationUrl(config, {
          redirect_uri: op.redirectUri,
          scope: 'openid identite_pivot',
          acr_values: acr,
          state,
          nonce,
        })
        pending.set(state, { nonce, acr })
        urls.push(url.href)
      }
      return urls
    },
    async complete(callbackUrl) {
      const url = new URL(callbackUrl)
      const state = url.searchParams.get('state') ?? ''
      const transaction = pending.get(state)
      if (!transaction) throw new Error('unknown state')
      pending.delete(state)
      const tokens = await oc.authorizationCodeGrant(config, url, {
        expectedNonce: transaction.nonce,
        expectedState: state,
        idTokenExpected: true,
      })
      const claims = tokens.claims()
      if (!claims) throw new Error('no ID token')
      if (claims.acr !== transaction.acr) throw new Error('acr below the level asked')
      const userinfo = await oc.fetchUserInfo(config, tokens.access_token, claims.sub)
      return { sub: userinfo.sub, family_name: userinfo.family_name }
    },
  }
}
