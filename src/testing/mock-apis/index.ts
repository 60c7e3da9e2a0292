/**
 * The mock data APIs: one loopback server answering for every connector of the SDK, each API under
 * the base URL of the mock its manifest's `sandbox` part names (`src/apis/<id>/manifest.ts`), each
 * provider a data provider registered at the mock FranceConnect that checks every access token with
 * `/checktoken` through `franceconnect-sdk/data-provider` (no result cache, so a revoked token is
 * refused at once), reconciles the person from the pivot identity, and answers from the person's
 * fixtures, filtered by the granted scopes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createAccessTokenVerifier } from '../../data-provider/verifier.js'
import type { EncryptionKey } from '../../oidc/encryption-keys.js'
import { dataScopes } from '../../registry/data-scopes.js'
import type { ConnectorSandbox, SandboxMock } from '../../registry/manifest.js'
import { connectorSandboxes } from '../connector-sandboxes.js'
import { closerOf, listenOnLoopback } from '../loopback.js'
import type { SandboxApiId, SandboxIdentity, SandboxVariant } from '../types.js'
import { handleApiParticulier } from './api-particulier.js'
import { handleCnamDroits, handleCnamIj } from './cnam.js'
import { handleDgfip } from './dgfip.js'
import { handleFranceTravail } from './france-travail.js'
import { sendJson, type ApiGuard, type MockRequest } from './shared.js'

/** The data providers behind the mock APIs: one FranceConnect registration each. */
export type DataProviderGroup = 'api-particulier' | 'dgfip' | 'cnam' | 'france-travail'

/** Each mock: the data provider it checks tokens as, and the path of the mock APIs' origin it is served under. */
const mocks: Record<SandboxMock, { group: DataProviderGroup; prefix: string }> = {
  'api-particulier': { group: 'api-particulier', prefix: '/api-particulier' },
  dgfip: { group: 'dgfip', prefix: '/dgfip' },
  'cnam-droits': { group: 'cnam', prefix: '/cnam/v1/droits/beneficiaires' },
  'cnam-ij': { group: 'cnam', prefix: '/cnam/indemnites-journalieres' },
  'france-travail': { group: 'france-travail', prefix: '/france-travail' },
}

/** The data providers, in the order they are registered at the mock FranceConnect. */
const groups = [...new Set(Object.values(mocks).map(({ group }) => group))]

/**
 * The ids of the APIs the sandbox serves: every connector's, in the order of the manifest list.
 *
 * @example
 * ```ts
 * for (const api of sandboxApiIds) console.log(api, sandboxPartOf(api).mock)
 * ```
 */
export const sandboxApiIds = Object.keys(connectorSandboxes) as SandboxApiId[]

/**
 * How the sandbox serves and configures one API: the `sandbox` export of its manifest.
 *
 * @example
 * ```ts
 * sandboxPartOf('statut-etudiant') // { mock: 'api-particulier', options: ['recipient'] }
 * ```
 */
export function sandboxPartOf(api: SandboxApiId): ConnectorSandbox {
  return connectorSandboxes[api]
}

/** Which APIs each data provider serves: those whose manifest names one of its mocks. */
export const dataProviderApis: Record<DataProviderGroup, readonly SandboxApiId[]> = apisByGroup()

function apisByGroup(): Record<DataProviderGroup, SandboxApiId[]> {
  const byGroup = {} as Record<DataProviderGroup, SandboxApiId[]>
  for (const group of groups) byGroup[group] = sandboxApiIds.filter((api) => mocks[sandboxPartOf(api).mock].group === group)
  return byGroup
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
  /** Each mock's base URL (the DGFiP gateway's token endpoint is below `mockUrls.dgfip`). */
  mockUrls: Record<SandboxMock, string>
  /** Each connector's base URL. */
  apis: Record<SandboxApiId, string>
  /** Calls counted by API. */
  requests: Record<string, number>
  close(): Promise<void>
}

/** One token guard per data provider, each counting its calls in `requests`. */
function guardsOf(options: MockApisOptions, requests: Record<string, number>): Record<DataProviderGroup, ApiGuard> {
  const guards = {} as Record<DataProviderGroup, ApiGuard>
  for (const group of groups) {
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

/** Each mock's handler, its guard the one of its data provider. */
function handlersOf(options: MockApisOptions, guards: Record<DataProviderGroup, ApiGuard>): Record<SandboxMock, Handler> {
  const { identities } = options
  const guardOf = (mock: SandboxMock) => guards[mocks[mock].group]
  return {
    'api-particulier': (request) => handleApiParticulier(request, guardOf('api-particulier'), identities),
    dgfip: (request) => handleDgfip(request, guardOf('dgfip'), identities, options.dgfipGateway),
    'cnam-droits': (request) => handleCnamDroits(request, guardOf('cnam-droits'), identities, options.apiKey),
    'cnam-ij': (request) => handleCnamIj(request, guardOf('cnam-ij'), identities, options.apiKey),
    'france-travail': (request) => handleFranceTravail(request, guardOf('france-travail'), identities),
  }
}

/** Each mock's handler by the path prefix it is served under. */
function routesOf(handlers: Record<SandboxMock, Handler>): [string, Handler][] {
  return (Object.keys(mocks) as SandboxMock[]).map((mock) => [mocks[mock].prefix, handlers[mock]])
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

/** Each mock's base URL on the mock APIs' origin. */
function mockUrls(origin: string): Record<SandboxMock, string> {
  return Object.fromEntries(Object.entries(mocks).map(([mock, { prefix }]) => [mock, `${origin}${prefix}`])) as Record<
    SandboxMock,
    string
  >
}

/** Each connector's base URL: the one of the mock its manifest names. */
function apiUrls(urls: Record<SandboxMock, string>): Record<SandboxApiId, string> {
  return Object.fromEntries(sandboxApiIds.map((api) => [api, urls[sandboxPartOf(api).mock]])) as Record<SandboxApiId, string>
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
  const server: Server = createServer(serve(routesOf(handlersOf(options, guardsOf(options, requests)))))
  const origin = await listenOnLoopback(server, options.port ?? 0)
  const urls = mockUrls(origin)
  return { origin, mockUrls: urls, apis: apiUrls(urls), requests, close: closerOf(server) }
}
