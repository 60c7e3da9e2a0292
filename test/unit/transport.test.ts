/**
 * One transport for every request of the SDK (src/http/send-request.ts `transportFetch`): the OpenID
 * provider's (oauth4webapi's `customFetch`, discovery, keys) and the data APIs' (ky's `fetch`, through
 * `getJson`). What it does for both: the signals of a `Request` honoured (ky passes its own), hooks
 * with redacted URLs, the values sent recorded for the redaction of error texts, no redirect, the
 * body cap; and that `getJson` indeed sends each attempt through it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getJson } from '../../src/http/api-request.js'
import { transportFetch } from '../../src/http/send-request.js'

let server: Server
let origin: string
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}')

beforeAll(async () => {
  server = createServer((req, res) => answer(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  ((_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))) as typeof answer

describe('transportFetch', () => {
  it("honours the signal a Request carries (ky's), not only the init's", async () => {
    answer = () => undefined // never answers
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const startedAt = performance.now()
    const error = await transportFetch({ timeoutMs: 5_000 })(new Request(`${origin}/hang`, { signal: controller.signal })).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'aborted' })
    expect(performance.now() - startedAt).toBeLessThan(2_000)
  })

  it('reports each request and its status to the hooks, the URL redacted, and refuses a redirect after reporting it', async () => {
    const events: unknown[] = []
    const hooks = { onRequest: (e: unknown) => events.push(e), onResponse: (e: unknown) => events.push(e) }
    answer = json(200, { ok: true })
    const send = transportFetch({ timeoutMs: 2_000, hooks })
    await send(`${origin}/v1/x?recipient=13002526500013&token=s3cret-value`)
    answer = (_req, res) => res.writeHead(302, { location: 'https://elsewhere.example/' }).end()
    const error = await send(new Request(`${origin}/moved`)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'redirect_refused', status: 302 })
    expect(events).toEqual([
      { method: 'GET', url: `${origin}/v1/x?recipient=13002526500013&token=%5Bredacted%5D` },
      expect.objectContaining({
        method: 'GET',
        url: `${origin}/v1/x?recipient=13002526500013&token=%5Bredacted%5D`,
        status: 200,
      }),
      { method: 'GET', url: `${origin}/moved` },
      expect.objectContaining({ url: `${origin}/moved`, status: 302, durationMs: expect.any(Number) }),
    ])
    expect(JSON.stringify(events)).not.toContain('s3cret-value')
  })

  it('records every value sent that a server could echo: form values, tokens, keys, credentials in their encodings', async () => {
    answer = json(200, {})
    const sent: string[] = []
    const send = transportFetch({ timeoutMs: 2_000, sent })
    await send(`${origin}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('client:s%C3%A9cret+1')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'the-code-123' }),
    })
    await send(
      new Request(`${origin}/api`, {
        headers: { authorization: 'Bearer the-access-token', 'x-api-key': 'the-api-key', accept: 'application/json' },
      }),
    )
    expect(sent).toEqual(
      expect.arrayContaining([
        'authorization_code',
        'the-code-123',
        'client:s%C3%A9cret+1',
        'sécret 1',
        'the-access-token',
        'the-api-key',
      ]),
    )
    expect(sent).not.toContain('application/json')
    expect(sent).not.toContain('Bearer the-access-token')
  })

  it('refuses a body over the cap, declared or not', async () => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(`[${'1,'.repeat(2_000)}1]`)
    }
    const error = await transportFetch({ timeoutMs: 2_000, maxBodyBytes: 1_000, name: 'test API' })(`${origin}/big`).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'response_too_large', status: 200, message: expect.stringContaining('test API') })
  })
})

describe('getJson sends each attempt through the transport', () => {
  it('the same hooks, per attempt, and the body cap of the transport (no retry of a body too large)', async () => {
    let requests = 0
    answer = (req, res) => {
      requests++
      if (requests === 1) return json(503, { error: 'busy' })(req, res)
      res.writeHead(200, { 'content-type': 'application/json' }).end(`[${'1,'.repeat(2_000)}1]`)
    }
    const events: Record<string, unknown>[] = []
    const error = await getJson(`${origin}/api?recipient=13002526500013&nir=1850775123456`, {
      api: 'demo',
      headers: { authorization: 'Bearer t0ken-value' },
      maxBodyBytes: 1_000,
      hooks: { onRequest: (e) => events.push({ ...e }), onResponse: (e) => events.push({ ...e }) },
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'response_too_large', status: 200 })
    expect(requests).toBe(2)
    const url = `${origin}/api?recipient=13002526500013&nir=%5Bredacted%5D`
    expect(events).toEqual([
      { api: 'demo', method: 'GET', url, attempt: 1 },
      expect.objectContaining({ api: 'demo', url, status: 503, attempt: 1 }),
      { api: 'demo', method: 'GET', url, attempt: 2 },
      expect.objectContaining({ api: 'demo', url, status: 200, attempt: 2 }),
    ])
  })

  it('redacts what it sent from the provider error text, as the transport recorded it', async () => {
    answer = (req, res) =>
      json(401, { errors: [{ code: 'x', detail: `refused ${req.headers.authorization} with ${req.headers['x-api-key']}` }] })(
        req,
        res,
      )
    const error = await getJson(`${origin}/api`, {
      api: 'demo',
      headers: { authorization: 'Bearer t0ken-value', 'x-api-key': 'k3y-value' },
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'api_unauthorized', status: 401 })
    expect((error as { description?: string }).description).toBe('refused Bearer [redacted] with [redacted]')
  })

  it('a budget that ends while a request is on its way is a timeout, not an abort', async () => {
    answer = () => undefined
    const error = await getJson(`${origin}/hang`, { api: 'demo', headers: {}, timeoutMs: 5_000, totalTimeoutMs: 200 }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'timeout' })
  })
})
