/**
 * The mock data APIs: one loopback server answering for every connector of the SDK, each API under
 * its own base URL, each provider a data provider registered at the mock FranceConnect that checks
 * every access token with `/checktoken` through `franceconnect-sdk/data-provider` (no result cache,
 * so a revoked token is refused at once), reconciles the person from the pivot identity, and answers
 * from the person's fixtures, filtered by the granted scopes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createAccessTokenVerifier } from '../../data-provider/verifier.js'
import type { EncryptionKey } from '../../oidc/encryption-keys.js'
import { dataScopes } from '../../registry/data-scopes.js'
import { closerOf, listenOnLoopback } from '../loopback.js'
import type { SandboxApiId, SandboxIdentity, SandboxVariant } from '../types.js'
import { handleApiParticulier } from './api-particulier.js'
import { handleCnamDroits, handleCnamIj } from './cnam.js'
import { handleDgfip } from './dgfip.js'
import { handleFranceTravail } from './france-travail.js'
import { sendJson, type ApiGuard, type MockRequest } from './shared.js'

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

/** One token guard per data provider, each counting its calls in `requests`. */
function guardsOf(options: MockApisOptions, requests: Record<string, number>): Record<DataProviderGroup, ApiGuard> {
  const guards = {} as Record<DataProviderGroup, ApiGuard>
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
    guards[group] = {
      verifier,
      scopesOf: scopesOfApi,
      count(api) {
        requests[api] = (requests[api] ?? 0) + 1
      },
    }
  }
  return guards
}

type Handler = (request: MockRequest) => Promise<boolean>

/** Each provider's mock, by the path prefix it is served under. */
function handlersOf(options: MockApisOptions, guards: Record<DataProviderGroup, ApiGuard>): [string, Handler][] {
  const { identities } = options
  return [
    [prefixes.apiParticulier, (request) => handleApiParticulier(request, guards['api-particulier'], identities)],
    [prefixes.dgfip, (request) => handleDgfip(request, guards.dgfip, identities, options.dgfipGateway)],
    [prefixes.cnamDroits, (request) => handleCnamDroits(request, guards.cnam, identities, options.apiKey)],
    [prefixes.cnamIj, (request) => handleCnamIj(request, guards.cnam, identities, options.apiKey)],
    [prefixes.franceTravail, (request) => handleFranceTravail(request, guards['france-travail'], identities)],
  ]
}

/** Hands a request to the mock whose prefix it is under: 404 JSON when none, 500 when one fails. */
function serve(handlers: [string, Handler][]): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const route = async (): Promise<boolean> => {
      for (const [prefix, handle] of handlers) {
        if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) continue
        const path = url.pathname.slice(prefix.length)
        return handle({ req, res, method: req.method ?? 'GET', path, query: url.searchParams })
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
  }
}

/** Each connector's base URL on the mock APIs' origin. */
function apiUrls(origin: string): Record<SandboxApiId, string> {
  return {
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
}

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
  const server: Server = createServer(serve(handlersOf(options, guardsOf(options, requests))))
  const origin = await listenOnLoopback(server, options.port ?? 0)
  return { origin, apis: apiUrls(origin), requests, close: closerOf(server) }
}
