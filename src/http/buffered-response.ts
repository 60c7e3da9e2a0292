/**
 * A provider's answer whose body the transport has already read in full, shaped like a Fetch
 * `Response` for oauth4webapi (which accepts a Response of another realm: it checks the
 * `Symbol.toStringTag`). Building a real `Response` around a string costs a web stream per answer
 * and another per `clone()`; this one hands out the same string, so reading it twice is free.
 *
 * @example
 * ```ts
 * const response = new BufferedResponse(200, new Headers({ 'content-type': 'application/json' }), '{"a":1}')
 * await response.json() // { a: 1 }
 * ```
 */
export class BufferedResponse {
  readonly ok: boolean
  readonly body = null
  readonly bodyUsed = false
  readonly redirected = false
  readonly type = 'basic'
  readonly statusText = ''

  constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly text_: string,
    readonly url = '',
  ) {
    this.ok = status >= 200 && status < 300
  }

  get [Symbol.toStringTag](): string {
    return 'Response'
  }

  async text(): Promise<string> {
    return this.text_
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.text_)
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.text_).buffer as ArrayBuffer
  }

  clone(): BufferedResponse {
    return new BufferedResponse(this.status, this.headers, this.text_, this.url)
  }
}
