import type { Agent, IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'

/** Options for {@link request}. */
export interface RequestOptions {
  method?: string
  headers?: OutgoingHttpHeaders
  body?: string
  /** Reuse connections through this agent (to observe keep-alive). @default a fresh connection */
  agent?: Agent
}

/** A complete response. */
export interface Response {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** Sends one HTTP/1.1 request with node:http and reads the whole answer. */
export function request(url: string, options: RequestOptions = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/**
 * Writes `text` as-is to `port` on 127.0.0.1 and resolves with everything the server sent until it
 * closed the connection (send `Connection: close`), for requests node:http would not send (absolute-form
 * targets, a bad `Host`, CONNECT).
 */
export function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
  })
}
