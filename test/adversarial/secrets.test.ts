/**
 * No secret and no personal datum ever leaves the SDK through an error or a hook. Every failing flow
 * of the other adversarial tests runs again here with recognisable canaries — the client secret,
 * the data provider's secret, every code, access token, refresh token and ID token the hostile
 * provider issued, the identity it released; for the data APIs the access token, the CNAM API key,
 * the DGFiP gateway token, and the personal data of the payloads — and each error is searched on
 * every surface an app may log:
 *
 * - `error.message`, `String(error)`, `JSON.stringify(error)`;
 * - the same for every error of its `cause` chain;
 * - `util.inspect(error)`, which is what `console.error(error)` and most loggers print;
 * and every `onRequest` / `onResponse` hook payload of the data API calls.
 *
 * The last group plays a server that echoes what it received (an OAuth server or a gateway that
 * copies the request into its error body): what the SDK sent must not come back through an error.
 */
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAccessToken } from '../../src/data-provider/index.js'
import type { HttpHooks } from '../../src/http/api-request.js'
import { isFranceConnectSdkError } from '../../src/index.js'
import { leaks } from '../support/leaks.js'
import {
  canaryPerson,
  canarySecrets,
  connectorCases,
  hostileBehaviours,
  serve,
  startHostileApi,
  type Behaviour,
  type ConnectorCase,
  type HostileApi,
} from './hostile-api.js'
import type { HostileOp } from './hostile-op.js'
import { checktokenOptions, clientFor, closeOps, opMutations, runMutation, startOps, type Ops } from './hostile-op.test.js'

/** Every place an error's content can reach a log. */
function surfaces(error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  const json = (value: unknown) => {
    try {
      return JSON.stringify(value) ?? ''
    } catch {
      return ''
    }
  }
  const describe = (prefix: string, value: unknown) => {
    out[`${prefix}.message`] = String((value as { message?: unknown })?.message ?? '')
    out[`${prefix}.toString()`] = String(value)
    out[`${prefix} JSON.stringify`] = json(value)
  }
  describe('error', error)
  out['util.inspect(error)'] = inspect(error)
  let cause = (error as { cause?: unknown })?.cause
  for (let depth = 1; cause !== undefined && depth <= 8; depth++) {
    describe(`cause[${depth}]`, cause)
    cause = (cause as { cause?: unknown })?.cause
  }
  return out
}

function opCanaries(op: HostileOp): Record<string, string> {
  const c = op.canaries()
  const named: Record<string, string> = { 'client secret': c.clientSecret, 'data provider secret': c.dataProviderSecret }
  c.codes.forEach((v, i) => (named[`code #${i}`] = v))
  c.accessTokens.forEach((v, i) => (named[`access token #${i}`] = v))
  c.refreshTokens.forEach((v, i) => (named[`refresh token #${i}`] = v))
  c.idTokens.forEach((v, i) => {
    named[`ID token #${i}`] = v
    // the signature (or the JWE ciphertext) alone identifies the token too
    const last = v.split('.').at(-1)
    if (last && last.length >= 16) named[`ID token #${i} (last segment)`] = last
  })
  ;['sub', 'given_name', 'family_name', 'birthdate', 'email'].forEach(
    (claim, i) => (named[`identity ${claim}`] = c.identity[i] ?? ''),
  )
  return named
}

const accessToken = 'AT-CANARY-data-api-7c1f0e2b9d'
const apiCanaries: Record<string, string> = {
  'access token': accessToken,
  'CNAM API key': canarySecrets.apiKey,
  'DGFiP gateway token': canarySecrets.gatewayToken,
  nom: canaryPerson.nom,
  prénom: canaryPerson.prenom,
  'date de naissance': canaryPerson.dateNaissance,
  'e-mail': canaryPerson.email,
  NIR: canaryPerson.nir,
  téléphone: canaryPerson.telephone,
}

describe('secrets and personal data never reach an error or a hook', () => {
  let ops: Ops
  beforeAll(async () => {
    ops = await startOps()
  })
  afterAll(() => closeOps(ops))

  describe('every hostile-provider mutation (hostile-op.test.ts), with its replays', () => {
    for (const mutation of opMutations) {
      it(mutation.name, async () => {
        const outcome = await runMutation(mutation, ops)
        const errors = [outcome.result, ...outcome.replays].filter((s) => !s.ok).map((s) => (s.ok ? undefined : s.error))
        expect(errors.length).toBeGreaterThan(0)
        const canaries = opCanaries(ops[mutation.variant ?? 'v2'])
        expect(errors.flatMap((error) => leaks(surfaces(error), canaries))).toEqual([])
      })
    }
  })

  /** Calls a connector, against a server of its own, with the canary token and hooks that record every event. */
  async function callApi(connectorCase: ConnectorCase, behaviour: Behaviour, timeoutMs = 500) {
    const api: HostileApi = await startHostileApi()
    try {
      api.answer(behaviour)
      const events: unknown[] = []
      const hooks: HttpHooks = { onRequest: (event) => events.push(event), onResponse: (event) => events.push(event) }
      const settled = await connectorCase
        .make(api.origin, { hooks, timeoutMs })
        .read({ accessToken }, connectorCase.params)
        .then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        )
      return { settled, events }
    } finally {
      await api.close()
    }
  }

  const apiError =
    (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour =>
    (_req, res) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))

  /** Each data API failure: the hostile behaviours, a hang, each error status, a payload of the wrong shape full of personal data. */
  const apiFailures: [string, (c: ConnectorCase) => Behaviour][] = [
    ...Object.entries(hostileBehaviours).map(
      ([name, behaviour]) => [name, () => behaviour] as [string, (c: ConnectorCase) => Behaviour],
    ),
    ['no answer (timeout)', () => () => undefined],
    ['payload of the wrong shape, full of personal data', (c) => serve(c.broken)],
    ...[400, 401, 403, 404, 409, 422, 429, 500, 502].map(
      (status) =>
        [
          `HTTP ${status}`,
          () =>
            apiError(status, {
              errors: [{ code: String(37000 + status), title: 'Refus', detail: 'Refus du fournisseur', meta: {} }],
            }),
        ] as [string, (c: ConnectorCase) => Behaviour],
    ),
  ]

  describe.concurrent('every data API failure, for each connector', () => {
    for (const connectorCase of connectorCases) {
      describe(connectorCase.id, () => {
        for (const [name, behaviourFor] of apiFailures) {
          it(name, async () => {
            const { settled, events } = await callApi(connectorCase, behaviourFor(connectorCase))
            expect(settled.ok).toBe(false)
            const error = settled.ok ? undefined : settled.error
            expect(isFranceConnectSdkError(error), String(error)).toBe(true)
            expect(leaks(surfaces(error), apiCanaries)).toEqual([])
            expect(events.length).toBeGreaterThan(0)
            expect(leaks({ 'hook payloads': JSON.stringify(events) }, apiCanaries)).toEqual([])
          })
        }

        it('a successful call: its hook payloads carry no token, key nor personal datum', async () => {
          const { settled, events } = await callApi(connectorCase, serve(connectorCase.payloads))
          expect(settled.ok).toBe(true)
          expect(events.length).toBeGreaterThan(0)
          expect(leaks({ 'hook payloads': JSON.stringify(events) }, apiCanaries)).toEqual([])
        })
      })
    }
  })

  describe('a provider that echoes what it received into its error body', () => {
    it('token endpoint: the client secret in `error`, the code in `error_description`', async () => {
      const op = ops.v2
      const client = clientFor(op)
      const { url, cookie } = await client.authorize()
      op.bend = {
        tokenAnswer: (_body, { form }) => ({
          status: 400,
          body: JSON.stringify({ error: form.get('client_secret'), error_description: `code ${form.get('code')} not found` }),
        }),
      }
      const error = await client.callback(op.authorize(url), { cookie: cookie.value }).catch((e: unknown) => e)
      op.reset()
      expect(error).toMatchObject({ code: 'token_error' })
      expect(leaks(surfaces(error), opCanaries(op))).toEqual([])
    })

    it('userinfo: the bearer access token in `error`', async () => {
      const op = ops.v2
      const client = clientFor(op)
      const { url, cookie } = await client.authorize()
      op.bend = {
        userinfoAnswer: (_body, { authorization }) => ({
          status: 401,
          body: JSON.stringify({ error: authorization, error_description: `token ${authorization} expired` }),
        }),
      }
      const error = await client.callback(op.authorize(url), { cookie: cookie.value }).catch((e: unknown) => e)
      op.reset()
      expect(error).toMatchObject({ code: 'userinfo_error' })
      expect(leaks(surfaces(error), opCanaries(op))).toEqual([])
    })

    it('checktoken: the token and the data provider secret in `error`', async () => {
      const op = ops.v2
      op.bend = {
        checktokenAnswer: (_body, { form }) => ({
          status: 400,
          body: JSON.stringify({ error: form.get('token'), error_description: `secret ${form.get('client_secret')} refused` }),
        }),
      }
      const error = await verifyAccessToken(op.issueAccessToken(), checktokenOptions(op)).catch((e: unknown) => e)
      op.reset()
      expect(error).toMatchObject({ code: 'checktoken_error' })
      expect(leaks(surfaces(error), opCanaries(op))).toEqual([])
    })

    it('a callback `error` is kept out of the message as text that could forge log lines', async () => {
      const op = ops.v2
      const client = clientFor(op)
      const { state, cookie } = await client.authorize()
      const forged = 'access_denied\r\n2025-01-01T00:00:00Z INFO admin signed in\u001b[2J'
      const error = await client
        .callback(`${op.redirectUri}?error=${encodeURIComponent(forged)}&state=${state}&iss=${encodeURIComponent(op.issuer)}`, {
          cookie: cookie.value,
        })
        .catch((e: unknown) => e)
      expect(isFranceConnectSdkError(error)).toBe(true)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for injected control characters
      expect((error as Error).message).not.toMatch(/[\r\n\u001b]/)
    })
  })

  describe.concurrent('a data API that echoes what it received into its error body', () => {
    const echoes: [string, Behaviour][] = [
      [
        'API Particulier errors[] (code: the Authorization header, detail: the API key)',
        (req, res) =>
          res.writeHead(401, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              errors: [{ code: req.headers.authorization, title: 'x', detail: `key ${req.headers['x-api-key']}` }],
            }),
          ),
      ],
      [
        'OAuth { error, error_description } (the Authorization header)',
        (req, res) =>
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: req.headers.authorization, error_description: `bad ${req.headers.authorization}` })),
      ],
      [
        'DGFiP { erreur: { code, message } } (the FranceConnect token header)',
        (req, res) =>
          res.writeHead(403, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              erreur: {
                code: String(req.headers['x-franceconnect-oauth'] ?? req.headers.authorization),
                message: String(req.headers.authorization),
              },
            }),
          ),
      ],
    ]
    for (const connectorCase of connectorCases) {
      for (const [name, behaviour] of echoes) {
        it(`${connectorCase.id}: ${name}`, async () => {
          const { settled, events } = await callApi(connectorCase, behaviour)
          const error = settled.ok ? undefined : settled.error
          expect(isFranceConnectSdkError(error), String(error)).toBe(true)
          expect(leaks(surfaces(error), apiCanaries)).toEqual([])
          expect(leaks({ 'hook payloads': JSON.stringify(events) }, apiCanaries)).toEqual([])
        })
      }
    }
  })
})
