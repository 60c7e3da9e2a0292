/** The mock FranceConnect's HTTP plumbing: reading bodies, replaying them to oidc-provider, answering. */
import { createServer, IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { listenOnLoopback } from '../loopback.js'
import { errorPage } from './pages.js'
import type { Verdict } from './rules/verdict.js'

/** The request body, rejected past `limit` bytes (the request is then destroyed). */
export function readBody(req: IncomingMessage, limit = 256 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** A form body, as URLSearchParams. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req)).toString('utf8'))
}

/** A fresh request object carrying an already-read body, so oidc-provider can parse it itself. */
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket)
  copy.method = req.method
  copy.url = req.url
  copy.headers = req.headers
  copy.rawHeaders = req.rawHeaders
  copy.httpVersion = req.httpVersion
  copy.httpVersionMajor = req.httpVersionMajor
  copy.httpVersionMinor = req.httpVersionMinor
  // complete: otherwise destroying this copy after the response would destroy the shared socket
  copy.complete = true
  copy._read = () => {}
  copy.push(body)
  copy.push(null)
  return copy
}

/** Answers `body` with `type`, never cached. */
export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers })
  res.end(body)
}

/** Answers an HTML page. */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, 'text/html; charset=utf-8', html)
}

/** Answers JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body))
}

/** Redirects with 303, as FranceConnect does. */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': '0', 'cache-control': 'no-store' })
  res.end()
}

/** Answers a refusal: an error page, a redirect (FranceConnect answers its errors back with 303), or JSON. */
export function sendVerdict(res: ServerResponse, verdict: Exclude<Verdict, { kind: 'pass' }>): void {
  switch (verdict.kind) {
    case 'page':
      sendHtml(res, verdict.status, errorPage({ code: verdict.code, error: verdict.error, description: verdict.description }))
      return
    case 'redirect':
      redirect(res, verdict.location)
      return
    case 'json':
      sendJson(res, verdict.status, verdict.body)
  }
}

/** A request listener that may fail (the failure is answered 500). */
export type Dispatch = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * Binds a server on 127.0.0.1 before the mock is built (its issuer contains the port): it answers
 * 503 "starting" until `use` gives it its listener. A failing request is kept in `serverErrors`.
 *
 * @example
 * ```ts
 * const { server, origin, use } = await startServer(0, serverErrors)
 * use(createRouter(parts))
 * ```
 */
export async function startServer(
  port: number,
  serverErrors: unknown[],
): Promise<{ server: Server; origin: string; use(dispatch: Dispatch): void }> {
  let dispatch: Dispatch = async (_req, res) => send(res, 503, 'text/plain', 'starting')
  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      serverErrors.push(error)
      if (!res.headersSent) send(res, 500, 'text/plain', 'mock FranceConnect internal error')
      else res.end()
    })
  })
  const origin = await listenOnLoopback(server, port)
  return {
    server,
    origin,
    use(listener) {
      dispatch = listener
    },
  }
}
