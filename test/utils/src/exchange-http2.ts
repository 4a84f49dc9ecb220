import { once } from 'node:events'
import type { ClientHttp2Session, OutgoingHttpHeaders } from 'node:http2'
import { connect } from 'node:http2'
import { TEST_CA } from './certs.ts'

/** One HTTP/2 request as a hostile row sends it: the HEADERS frame, then DATA frames as given. */
export interface Http2Send {
  readonly method: string
  readonly path: string
  /** Extra request fields (`content-length` among them, true or false). */
  readonly headers?: OutgoingHttpHeaders
  /** One DATA frame per string (latin1); none: END_STREAM on the HEADERS frame. */
  readonly data?: readonly string[]
}

/** How the server answered: a status, or a reset of the stream (RST_STREAM, GOAWAY) with its code. */
export type Http2Answer = { readonly status: number; readonly body: string } | { readonly reset: string }

/** Opens an HTTP/2 session over TLS to `url` (trusting the test CA); the caller closes it. */
export async function openHttp2(url: string): Promise<ClientHttp2Session> {
  const session = connect(url, { ca: TEST_CA })
  session.on('error', () => {})
  await once(session, 'connect')
  return session
}

/**
 * Sends `request` on `session` frame by frame and waits for the answer or the stream's reset.
 * Node's client frames nothing on its own here: `content-length` goes out as given, whatever the
 * DATA frames hold, which is the point of the rows that lie about it.
 */
export function exchangeHttp2(session: ClientHttp2Session, request: Http2Send): Promise<Http2Answer> {
  const data = request.data ?? []
  const stream = session.request(
    { ':method': request.method, ':path': request.path, ...request.headers },
    { endStream: data.length === 0 },
  )
  return new Promise((resolve) => {
    let status: number | undefined
    const chunks: Buffer[] = []
    stream.on('response', (headers) => {
      status = Number(headers[':status'])
    })
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('error', () => {})
    stream.on('close', () => {
      if (status === undefined || stream.rstCode !== 0) resolve({ reset: `RST_STREAM ${stream.rstCode}` })
      else resolve({ status, body: Buffer.concat(chunks).toString('latin1') })
    })
    for (const frame of data) stream.write(Buffer.from(frame, 'latin1'))
    if (data.length > 0) stream.end()
  })
}
