/**
 * The mock data APIs: one loopback server answering for every connector of the SDK, each API under
 * its own base URL, each provider a data provider registered at the mock FranceConnect that checks
 * every access token with `/checktoken` through `franceconnect-sdk/data-provider` (no result cache,
 * so a revoked token is refused at once), reconciles the person from the pivot identity, and answers
 * from the person's fixtures, filtered by the granted scopes.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAccessTokenVerifier } from '../../data-provider/verifier.js'
import type { AccessTokenResult, AccessTokenV1Result, AccessTokenVerifier } from '../../data-provider/types.js'
import type { EncryptionKey } from '../../oidc/encryption-keys.js'
import { dataScopes } from '../../registry/data-scopes.js'
import type { SandboxApiId, SandboxIdentity, SandboxVariant } from '../types.js'
import { handleApiParticulier } from './api-particulier.js'
import { handleCnamDroits, handleCnamIj } from './cnam.js'
import { handleDgfip } from './dgfip.js'
import { handleFranceTravail } from './france-travail.js'
import { sendJson, type MockRequest } from './shared.js'

/** The data providers behind the mock APIs: one FranceConnect registration each. */
export type DataProviderGroup = 'api-particulier' | 'dgfip' | 'cnam' | 'france-travail'

/** Which APIs each data provider serves. */
export const dataProviderApis: Record<DataProviderGroup, readonly SandboxApiId[]> = {
  'api-particulier': [
    'statut-etudiant',
    'statut-etudiant-boursier',
    'complementaire-sante-solidaire',
    'revenu-solidarite-active',
    'quotient-familial',
  ],
  dgfip: ['impot-particulier'],
  cnam: ['droits-assurance-maladie', 'indemnites-journalieres'],
  'france-travail': ['france-travail-statut', 'france-travail-paiements'],
}

/** The FranceConnect data scopes of one API (the scope registry's). */
export function scopesOfApi(api: SandboxApiId): string[] {
  return dataScopes.filter((entry) => entry.api === api).map((entry) => entry.scope)
}

/** What a mock API handler needs to check tokens. */
export interface ApiGuard {
  verifier: AccessTokenVerifier<AccessTokenResult> | AccessTokenVerifier<AccessTokenV1Result>
  scopesOf(api: SandboxApiId): string[]
  count(api: SandboxApiId): void
}

/** A data provider's FranceConnect credentials. */
export interface DataProviderCredentials {
  clientId: string
  clientSecret: string
  decryptionKeys: EncryptionKey[]
}

export interface MockApisOptions {
  /** The mock FranceConnect's issuer. */
  issuer: string
  variant: SandboxVariant
  identities: readonly SandboxIdentity[]
  /** Each data provider's registration at the mock FranceConnect (unused on v1, whose checktoken takes none). */
  dataProviders: Record<DataProviderGroup, DataProviderCredentials>
  /** The CNAM API key. */
  apiKey: string
  /** The DGFiP gateway's OAuth client. */
  dgfipGateway: { clientId: string; clientSecret: string }
  port?: number
}

export interface StartedMockApis {
  origin: string
  /** Each connector's base URL. */
  apis: Record<SandboxApiId, string>
  /** Calls counted by API. */
  requests: Record<string, number>
  close(): Promise<void>
}

const prefixes = {
  apiParticulier: '/api-particulier',
  dgfip: '/dgfip',
  cnamDroits: '/cnam/v1/droits/beneficiaires',
  cnamIj: '/cnam/indemnites-journalieres',
  franceTravail: '/france-travail',
} as const

/**
 * Starts the mock data APIs on 127.0.0.1.
 *
 * @example
 * ```ts
 * const mocks = await startMockApis({ issuer, variant: 'v2', identities, dataProviders, apiKey, dgfipGateway })
 * statutEtudiant({ baseUrl: mocks.apis['statut-etudiant'], recipient: '13002526500013' })
 * ```
 */
export async function startMockApis(options: MockApisOptions): Promise<StartedMockApis> {
  const requests: Record<string, number> = {}
  const guards = new Map<DataProviderGroup, ApiGuard>()
  for (const group of Object.keys(dataProviderApis) as DataProviderGroup[]) {
    const credentials = options.dataProviders[group]
    const verifier =
      options.variant === 'v1'
        ? createAccessTokenVerifier({ version: 'v1', issuer: options.issuer, cache: false })
        : createAccessTokenVerifier({
            issuer: options.issuer,
            clientId: credentials.clientId,
            clientSecret: credentials.clientSecret,
            decryptionKeys: credentials.decryptionKeys,
            cache: false,
          })
    guards.set(group, {
      verifier,
      scopesOf: scopesOfApi,
      count(api) {
        requests[api] = (requests[api] ?? 0) + 1
      },
    })
  }
  const guard = (group: DataProviderGroup) => guards.get(group) as ApiGuard
  const identities = options.identities

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const under = (prefix: string) =>
      url.pathname === prefix || url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : undefined
    const request = (path: string): MockRequest => ({ req, res, method: req.method ?? 'GET', path, query: url.searchParams })
    // Each provider's mock, by the path prefix it is served under.
    const handlers: [string, (path: string) => Promise<boolean>][] = [
      [prefixes.apiParticulier, (path) => handleApiParticulier(request(path), guard('api-particulier'), identities)],
      [prefixes.dgfip, (path) => handleDgfip(request(path), guard('dgfip'), identities, options.dgfipGateway)],
      [prefixes.cnamDroits, (path) => handleCnamDroits(request(path), guard('cnam'), identities, options.apiKey)],
      [prefixes.cnamIj, (path) => handleCnamIj(request(path), guard('cnam'), identities, options.apiKey)],
      [prefixes.franceTravail, (path) => handleFranceTravail(request(path), guard('france-travail'), identities)],
    ]
    const route = async (): Promise<boolean> => {
      for (const [prefix, handle] of handlers) {
        const path = under(prefix)
        if (path !== undefined) return handle(path)
      }
      return false
    }
    route()
      .then((handled) => {
        if (!handled) sendJson(res, 404, { error: 'not_found', error_description: `No mock API at ${url.pathname}` })
      })
      .catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: 'mock API internal error' })
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
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const apis: Record<SandboxApiId, string> = {
    'impot-particulier': `${origin}${prefixes.dgfip}`,
    'droits-assurance-maladie': `${origin}${prefixes.cnamDroits}`,
    'indemnites-journalieres': `${origin}${prefixes.cnamIj}`,
    'statut-etudiant': `${origin}${prefixes.apiParticulier}`,
    'statut-etudiant-boursier': `${origin}${prefixes.apiParticulier}`,
    'complementaire-sante-solidaire': `${origin}${prefixes.apiParticulier}`,
    'revenu-solidarite-active': `${origin}${prefixes.apiParticulier}`,
    'quotient-familial': `${origin}${prefixes.apiParticulier}`,
    'france-travail-statut': `${origin}${prefixes.franceTravail}`,
    'france-travail-paiements': `${origin}${prefixes.franceTravail}`,
  }

  let closed: Promise<void> | undefined
  return {
    origin,
    apis,
    requests,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closed
    },
  }
}
