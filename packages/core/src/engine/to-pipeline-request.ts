import type { IncomingMessage } from 'node:http'
import type { Http2ServerRequest } from 'node:http2'
import type { TLSSocket } from 'node:tls'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { PipelineRequest } from '../pipeline/types.ts'

/**
 * A Node request as the pipeline reads it. The fields are getters on one small object, not copies:
 * most requests a dev server sees match no route, and for those the pipeline reads only the method,
 * the target and the headers (never the socket's address or the raw header list).
 */
export class NodeRequestView implements PipelineRequest {
  readonly req: IncomingMessage

  constructor(req: IncomingMessage) {
    this.req = req
  }

  get method(): string {
    return this.req.method ?? 'GET'
  }

  get url(): string {
    return this.req.url ?? '/'
  }

  get headers(): ReadonlyHeaderRecord {
    return this.req.headers
  }

  /** Node keeps only the first `Host` in `req.headers`; the raw list has them all. */
  get repeatedHost(): boolean {
    const raw = this.req.rawHeaders
    let seen = 0
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i] as string
      if (name.length === 4 && name.toLowerCase() === 'host' && ++seen > 1) return true
    }
    return false
  }

  get encrypted(): boolean {
    return (this.req.socket as Partial<TLSSocket>).encrypted === true
  }

  get clientAddress(): string | undefined {
    return this.req.socket.remoteAddress
  }

  /**
   * HTTP/2 delimits a body by DATA frames, not by a header: unless the HEADERS frame ended the stream,
   * a body may follow that `content-length` does not announce. HTTP/1.1 cannot send one.
   */
  get undeclaredBody(): boolean {
    if (this.req.httpVersionMajor < 2) return false
    const stream = (this.req as unknown as Http2ServerRequest).stream as
      | { endAfterHeaders?: boolean }
      | undefined
    return stream?.endAfterHeaders !== true
  }
}
