/**
 * What every connector test shares: the SDK error of a failed call, API Particulier's error body,
 * and the shared-transport contract (429 and `Retry-After`, 503 retried then given up, timeout, a
 * body that is not JSON, hooks without secrets). Every connector goes through the same HTTP layer
 * (src/http/api-request.ts); the contract checks that each one still does, so a connector's own test
 * file only holds what is its own: payloads, documented errors and provider codes, schema paths,
 * params and headers.
 */
import fc from 'fast-check'
import nock from 'nock'
import type * as v from 'valibot'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parsePayload } from '../../src/apis/shared/run-connector.js'
import type { ApiResult, Connector, ConnectorContext } from '../../src/registry/connector.js'
import type { HttpHooks } from '../../src/http/api-request.js'
import { isFranceConnectSdkError, type FranceConnectSdkError } from '../../src/index.js'

/**
 * Awaits a call that must fail, asserts that it failed with an error of the SDK and returns that
 * error, its fields readable for `toMatchObject` and the like.
 *
 * @example
 * ```ts
 * nock(host).get(path).query(true).reply(404, apiParticulierError('26003', 'Aucun étudiant'))
 * expect(await failure(connector.read({ accessToken: 't' }))).toMatchObject({ code: 'api_not_found', providerCode: '26003' })
 * ```
 */
export async function failure(promise: Promise<unknown>): Promise<FranceConnectSdkError & Record<string, unknown>> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  )
  expect(isFranceConnectSdkError(error), String(error)).toBe(true)
  return error as FranceConnectSdkError & Record<string, unknown>
}

/**
 * An API Particulier error body, `{ errors: [{ code, title, detail, source, meta }] }`; `meta` names
 * the provider when given (`CNAV`, `MESRI`, `API Particulier`…), and is empty otherwise.
 *
 * @example
 * ```ts
 * nock(host).get(path).query(true).reply(401, apiParticulierError('00103', 'Jeton expiré', 'API Particulier'))
 * ```
 */
export function apiParticulierError(code: string, title: string, provider?: string) {
  return { errors: [{ code, title, detail: title, source: null, meta: provider === undefined ? {} : { provider } }] }
}

/**
 * An OAuth 2.0 error body (RFC 6750), `{ error, error_description }`, as France Travail and the
 * CNAM answer a refused token or scope.
 *
 * @example
 * ```ts
 * nock(host).get(path).reply(401, oauthError('invalid_token', 'The access token expired'))
 * ```
 */
export function oauthError(error: string, description: string) {
  return { error, error_description: description }
}

/** The transport options the contract builds its connectors with (its cases rely on these values). */
export const contractTransport = { timeoutMs: 300, retries: 2 } as const

/** What {@link describeTransportContract} passes to `makeConnector`: spread it last into the options. */
export interface ContractTransport {
  timeoutMs: number
  retries: number
  hooks?: HttpHooks
}

/** How one connector meets the shared transport: {@link describeTransportContract}'s argument. */
export interface TransportContract<P, D> {
  /** The connector's id: results and hook events must name it. */
  name: string
  /** Builds the connector under test; spread `transport` last (the timeout, retries and hooks of the case). */
  makeConnector(transport: ContractTransport): Connector<P, D>
  /** The params of the call, for connectors that take some (`{ annee: 2023 }`). */
  params?: P
  /** A fresh nock interceptor for one request of the route under test; the kit adds the reply. */
  intercept(): nock.Interceptor
  /** The other requests of the same call, answered with success; run once for each call the kit makes. */
  alongside?(): void
  /** The route's 200 body, with which the call succeeds. */
  successBody: nock.Body
  /** Checks on the result of a call that succeeded after a retry (the kit checks `api` already). */
  expectOnSuccess?(result: ApiResult<D>): void
  /** The 429 answer as the provider documents it (default: an empty body); `providerCode` must be kept. */
  tooManyRequests?: { body?: nock.Body; headers?: Record<string, string>; providerCode?: string }
  /** What hook events must never contain besides the access token: keys, personal data of `successBody`. */
  neverInHooks?: readonly string[]
}

/** A `Retry-After` the shared layer honours (its cap is 5 s) and one far past the cap. */
const shortRetryAfterSec = 1
const longRetryAfterSec = 3600

/** Bodies a 200 may carry that are not JSON, whatever their content type says. */
const notJson: readonly (readonly [string, string, Record<string, string>])[] = [
  ['an HTML page', '<html>maintenance</html>', { 'content-type': 'text/html' }],
  ['plain text without a content type', 'maintenance', {}],
  ['truncated JSON labelled as JSON', '{"data": {', { 'content-type': 'application/json' }],
]

/**
 * Registers, in a nested `describe('shared transport contract')` of the caller's `describe`, the
 * cases every connector must pass through the shared HTTP layer:
 * - a 429 with a short `Retry-After` is retried after that wait, then the call succeeds;
 * - a 429 with a `Retry-After` past the cap fails at once (one request) as `api_rate_limited`,
 *   retryable, with `retryAfterSec` (and the provider's code when `tooManyRequests` names one);
 * - a 503 is retried, then the call succeeds;
 * - three 503s (two retries) give up as `api_unavailable`, retryable;
 * - a hang past the timeout fails as `timeout` after one request, never retried;
 * - a 200 whose body is not JSON fails as `response_invalid` (HTML, plain text, truncated JSON);
 * - hooks see every request and its response, named by the connector, without the access token
 *   nor any of `neverInHooks`.
 *
 * @example
 * ```ts
 * describe('statut-etudiant', () => {
 *   describeTransportContract({
 *     name: 'statut-etudiant',
 *     makeConnector: (transport) => statutEtudiant({ recipient, ...transport }),
 *     intercept: () => nock(host).get(path).query(true),
 *     successBody: fixture,
 *     tooManyRequests: { body: apiParticulierError('00429', 'Trop de requêtes'), providerCode: '00429' },
 *     expectOnSuccess: (result) => expect(result.data.admissions).toHaveLength(1),
 *   })
 *
 *   it('maps 404 25003 (no such student)', async () => { … })
 * })
 * ```
 */
export function describeTransportContract<P, D>(contract: TransportContract<P, D>): void {
  const { name, intercept, successBody } = contract
  const limited = contract.tooManyRequests ?? {}
  const call = (connector: Connector<P, D>, context: ConnectorContext = { accessToken: 't' }) => {
    contract.alongside?.()
    return connector.read(context, contract.params)
  }
  const expectSuccess = (result: ApiResult<D>) => {
    expect(result.api).toBe(name)
    contract.expectOnSuccess?.(result)
  }

  describe('shared transport contract', () => {
    const connector = contract.makeConnector({ ...contractTransport })

    beforeAll(() => nock.disableNetConnect())
    afterEach(() => nock.cleanAll())

    it('reads 204 No Content as "no data" (api_not_found), never as a broken body', async () => {
      contract.intercept().reply(204)
      expect(await failure(call(connector))).toMatchObject({ code: 'api_not_found', status: 204, retryable: false })
    })

    it('honours a short Retry-After on 429, waiting that long, then succeeds', async () => {
      const at: number[] = []
      const stamped =
        (status: number, body: nock.Body | undefined, headers: Record<string, string> = {}) =>
        () => {
          at.push(performance.now())
          return [status, body ?? '', headers] as const
        }
      const first = intercept().reply(
        stamped(429, limited.body, { ...limited.headers, 'retry-after': String(shortRetryAfterSec) }),
      )
      const second = intercept().reply(stamped(200, successBody))
      expectSuccess(await call(connector))
      first.done()
      second.done()
      // a first retry's own backoff is at most 300 ms: a wait this long is the Retry-After's
      expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(shortRetryAfterSec * 1000 - 50)
    })

    it('fails at once on a Retry-After longer than the cap, saying how long to wait', async () => {
      let requests = 0
      intercept()
        .times(contractTransport.retries + 1)
        .reply(() => {
          requests++
          return [429, limited.body ?? '', { ...limited.headers, 'retry-after': String(longRetryAfterSec) }]
        })
      expect(await failure(call(connector))).toMatchObject({
        code: 'api_rate_limited',
        status: 429,
        retryable: true,
        retryAfterSec: longRetryAfterSec,
        ...(limited.providerCode === undefined ? {} : { providerCode: limited.providerCode }),
      })
      expect(requests).toBe(1)
    })

    it('retries a 503, then succeeds', async () => {
      const busy = intercept().reply(503, 'busy')
      const ok = intercept().reply(200, successBody)
      expectSuccess(await call(connector))
      busy.done()
      ok.done()
    })

    it(`gives up after ${contractTransport.retries} retries of 503`, async () => {
      const scope = intercept()
        .times(contractTransport.retries + 1)
        .reply(503, 'busy')
      expect(await failure(call(connector))).toMatchObject({ code: 'api_unavailable', status: 503, retryable: true })
      scope.done()
    })

    it('times out on a hang, without retrying past the budget', async () => {
      let requests = 0
      intercept()
        .times(5)
        .delay(contractTransport.timeoutMs * 6)
        .reply(() => {
          requests++
          return [200, successBody]
        })
      expect(await failure(call(connector))).toMatchObject({ code: 'timeout' })
      expect(requests).toBe(1)
    })

    it.each(notJson)('refuses a body that is not JSON: %s', async (_what, body, headers) => {
      intercept().reply(200, body, headers)
      expect(await failure(call(connector))).toMatchObject({ code: 'response_invalid' })
    })

    it('reports every request to hooks, without the token', async () => {
      const requested: Record<string, unknown>[] = []
      const answered: Record<string, unknown>[] = []
      const hooks: HttpHooks = { onRequest: (event) => requested.push(event), onResponse: (event) => answered.push(event) }
      let requests = 0
      const counting: typeof fetch = (input, init) => {
        requests++
        return fetch(input, init)
      }
      intercept().reply(200, successBody)
      const observed = contract.makeConnector({ ...contractTransport, hooks })
      expectSuccess(await call(observed, { accessToken: 'secret-fc-token', fetch: counting }))
      expect(requests).toBeGreaterThanOrEqual(1)
      expect(requested).toHaveLength(requests)
      expect(answered).toHaveLength(requests)
      for (const event of answered) expect(event).toMatchObject({ api: name, status: 200 })
      const seen = JSON.stringify([...requested, ...answered])
      for (const secret of ['secret-fc-token', ...(contract.neverInHooks ?? [])]) expect(seen).not.toContain(secret)
    })
  })
}

/** What {@link describeApiParticulierErrors} needs of an API Particulier connector's test. */
export interface ApiParticulierErrorContract<P, D> {
  /** Makes the connector; the recipient given is a valid or an invalid SIRET. */
  makeConnector(options: { recipient: string; timeoutMs: number; retries: number }): Connector<P, D>
  /** The nock interceptor for one request of the route. */
  intercept(): nock.Interceptor
  /** The API's documented "not found": its provider code, title and the `meta.provider` it names. */
  notFound: { code: string; title: string; provider: string }
  params?: P
}

/**
 * Registers the errors every API Particulier FranceConnect route documents: 404 with the API's own
 * code (`api_not_found`), 401 `00103` and `00101` (`api_unauthorized`), 422 `00203` (`api_bad_request`),
 * and an invalid SIRET refused before any request.
 *
 * @example
 * ```ts
 * describeApiParticulierErrors({
 *   makeConnector: (options) => complementaireSanteSolidaire(options),
 *   intercept: () => nock(host).get(path).query(true),
 *   notFound: { code: '37003', title: 'Dossier allocataire inexistant.', provider: 'CNAV' },
 * })
 * ```
 */
export function describeApiParticulierErrors<P, D>(contract: ApiParticulierErrorContract<P, D>): void {
  describe('API Particulier errors', () => {
    const connector = contract.makeConnector({ recipient: '13002526500013', ...contractTransport })
    const call = () => connector.read({ accessToken: 't' }, contract.params)

    beforeAll(() => nock.disableNetConnect())
    afterEach(() => nock.cleanAll())

    it(`maps 404 ${contract.notFound.code} (${contract.notFound.title})`, async () => {
      const { code, title, provider } = contract.notFound
      contract.intercept().reply(404, apiParticulierError(code, title, provider))
      expect(await failure(call())).toMatchObject({ code: 'api_not_found', status: 404, providerCode: code, retryable: false })
    })

    it('maps 401 00103 (expired FranceConnect token) and 00101 (invalid token)', async () => {
      contract.intercept().reply(401, apiParticulierError('00103', 'Jeton expiré', 'API Particulier'))
      expect(await failure(call())).toMatchObject({ code: 'api_unauthorized', status: 401, providerCode: '00103' })
      contract.intercept().reply(401, apiParticulierError('00101', 'Jeton invalide', 'API Particulier'))
      expect(await failure(call())).toMatchObject({ code: 'api_unauthorized', providerCode: '00101' })
    })

    it('maps 422 00203 (recipient missing)', async () => {
      contract.intercept().reply(422, apiParticulierError('00203', 'recipient manquant', 'API Particulier'))
      expect(await failure(call())).toMatchObject({ code: 'api_bad_request', status: 422, providerCode: '00203' })
    })

    it('refuses an invalid SIRET before any request', () => {
      for (const recipient of ['13002526500014', '1300252650001']) {
        expect(() => contract.makeConnector({ recipient, ...contractTransport })).toThrow(
          expect.objectContaining({ code: 'configuration_invalid' }),
        )
      }
    })
  })
}

/** Where a published field lands in `data`: a dotted path (`[]` for each array level), or a reader. */
export type DataLocation = string | ((data: unknown, indices: readonly number[]) => unknown)

/** What {@link describeOptionalStructureProperty} needs of a connector. */
export interface OptionalStructureContract<S extends v.GenericSchema, D> {
  /** The connector's id, for the schema errors. */
  name: string
  /** The valibot schema of the raw answer. */
  schema: S
  /** The normaliser of the parsed answer. */
  normalize(raw: v.InferOutput<S>): D
  /** An answer with every known field present (the generator takes fields away, or nulls them). */
  complete: unknown
  /**
   * Published field → where it lands in `data`, for every leaf the schema knows (`data.enfants[].prenoms`).
   * The same table is in the API's doc page.
   */
  fields: Readonly<Record<string, DataLocation>>
  /** Known fields kept in `raw` only, with why (none today for most connectors). */
  rawOnly?: Readonly<Record<string, string>>
}

const omitted = Symbol('omitted')

/**
 * The answers a schema's optional and nullable structure allows from a complete one: each optional
 * field kept or left out, each nullable one kept or null, recursively, array items one by one.
 */
function structureVariants(schema: v.GenericSchema, sample: unknown): fc.Arbitrary<unknown> {
  const node = schema as unknown as {
    type: string
    wrapped?: v.GenericSchema
    entries?: Record<string, v.GenericSchema>
    item?: v.GenericSchema
  }
  if (node.type === 'optional' || node.type === 'nullish' || node.type === 'nullable') {
    const choices: fc.Arbitrary<unknown>[] = [structureVariants(node.wrapped as v.GenericSchema, sample)]
    if (node.type !== 'nullable') choices.push(fc.constant(omitted))
    if (node.type !== 'optional') choices.push(fc.constant(null))
    return fc.oneof(...choices)
  }
  if (node.entries && typeof sample === 'object' && sample !== null && !Array.isArray(sample)) {
    const entries = node.entries
    const fields = Object.fromEntries(
      Object.entries(sample).map(([key, value]) => [
        key,
        entries[key] ? structureVariants(entries[key], value) : fc.constant(value),
      ]),
    )
    return fc.record(fields).map((object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== omitted)))
  }
  if (node.type === 'array' && node.item && Array.isArray(sample)) {
    const item = node.item
    return fc.tuple(...sample.map((value) => structureVariants(item, value)))
  }
  return fc.constant(sample)
}

/** The leaf paths a schema knows, `[]` for array levels (`data.enfants[].prenoms`). */
export function knownLeaves(schema: v.GenericSchema, prefix = ''): string[] {
  const node = schema as unknown as {
    type: string
    wrapped?: v.GenericSchema
    entries?: Record<string, v.GenericSchema>
    item?: v.GenericSchema
  }
  if (node.wrapped) return knownLeaves(node.wrapped, prefix)
  if (node.type === 'array' && node.item) return knownLeaves(node.item, `${prefix}[]`)
  if (node.entries) {
    return Object.entries(node.entries).flatMap(([key, entry]) => knownLeaves(entry, prefix === '' ? key : `${prefix}.${key}`))
  }
  return [prefix]
}

/** Every value at a path with `[]` levels, with the array indices that lead to it. */
function valuesAt(value: unknown, path: string): { indices: number[]; value: unknown }[] {
  let found: { indices: number[]; value: unknown }[] = [{ indices: [], value }]
  for (const segment of path.split('.')) {
    const key = segment.replace(/(\[\])+$/, '')
    const levels = (segment.length - key.length) / 2
    found = found.flatMap(({ indices, value: current }) => {
      let next: { indices: number[]; value: unknown }[] = [
        {
          indices,
          value: typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined,
        },
      ]
      for (let level = 0; level < levels; level++) {
        next = next.flatMap((entry) =>
          Array.isArray(entry.value)
            ? entry.value.map((item, index) => ({ indices: [...entry.indices, index], value: item }))
            : [],
        )
      }
      return next
    })
  }
  return found
}

/** The value of `data` at a location, the array levels taken at `indices`. */
function dataAt(data: unknown, location: DataLocation, indices: readonly number[]): unknown {
  if (typeof location === 'function') return location(data, indices)
  let current = data
  let level = 0
  for (const segment of location.split('.')) {
    const key = segment.replace(/(\[\])+$/, '')
    if (key !== '')
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined
    for (let index = 0; index < (segment.length - key.length) / 2; index++) {
      current = Array.isArray(current) ? current[indices[level++] ?? 0] : undefined
    }
  }
  return current
}

/**
 * Registers the property test of a connector's schema: every answer its optional and nullable
 * structure allows (fields left out or null, from a complete answer) parses, and no published field
 * present in it is lost in `data` (each lands where `fields` says). A first case checks that
 * `fields` covers every leaf the schema knows, so a field added to the schema without a place in
 * `data` (or a `rawOnly` reason) fails.
 *
 * @example
 * ```ts
 * describeOptionalStructureProperty({ name: 'revenu-solidarite-active', schema, normalize, complete, fields })
 * ```
 */
export function describeOptionalStructureProperty<S extends v.GenericSchema, D>(contract: OptionalStructureContract<S, D>): void {
  const { name, schema, fields } = contract
  describe(`${name}: optional and nullable structure (property)`, () => {
    it('places every field the schema knows in data, or says why it stays in raw', () => {
      const placed = new Set([...Object.keys(fields), ...Object.keys(contract.rawOnly ?? {})])
      expect(knownLeaves(schema).filter((leaf) => !placed.has(leaf))).toEqual([])
    })

    it('parses every answer the structure allows and loses no field present in it', () => {
      fc.assert(
        fc.property(structureVariants(schema, contract.complete), (payload) => {
          const data = contract.normalize(parsePayload(name, schema, payload))
          for (const [path, location] of Object.entries(fields)) {
            for (const { indices, value } of valuesAt(payload, path)) {
              if (value === null || value === undefined) continue
              expect(dataAt(data, location, indices), `${path} → ${String(location)}`).not.toBeUndefined()
            }
          }
        }),
        { numRuns: 150 },
      )
    })
  })
}
