import type { IncomingMessage } from 'node:http'
import { WebSocket } from 'ws'

/** How a WebSocket handshake through the host ended. */
export type Handshake =
  | { readonly kind: 'open'; readonly socket: WebSocket }
  /** Answered without switching protocols: the status and body the browser's devtools show. */
  | { readonly kind: 'refused'; readonly status: number; readonly body: string }
  | { readonly kind: 'failed'; readonly error: string }

/** How an open WebSocket closed, as the browser's `close` event reports it. */
export interface Closed {
  readonly code: number
  readonly reason: string
}

/** `http://host/path` → `ws://host/path`. */
export function toWsUrl(url: string): string {
  return url.replace(/^http/, 'ws')
}

/**
 * Opens a WebSocket to `url` (an `http:` URL of the host) and resolves with how the handshake
 * ended; never rejects. Failed or refused sockets are already cleaned up; an open one is the caller's.
 */
export function handshake(url: string, boundMs = 15_000): Promise<Handshake> {
  const socket = new WebSocket(toWsUrl(url))
  return new Promise((resolve) => {
    const bound = setTimeout(() => {
      socket.terminate()
      resolve({ kind: 'failed', error: `no handshake outcome within ${boundMs} ms` })
    }, boundMs)
    const settle = (outcome: Handshake): void => {
      clearTimeout(bound)
      resolve(outcome)
    }
    socket.once('open', () => settle({ kind: 'open', socket }))
    socket.once('unexpected-response', (req, res: IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.once('close', () => {
        req.destroy()
        settle({ kind: 'refused', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
      })
    })
    socket.once('error', (error) => {
      socket.terminate()
      settle({ kind: 'failed', error: error.message })
    })
  })
}

/** Resolves when `socket` closes, with the code and reason its `close` event carries. */
export function whenClosed(socket: WebSocket, boundMs = 10_000): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const bound = setTimeout(() => {
      socket.terminate()
      reject(new Error(`the WebSocket did not close within ${boundMs} ms`))
    }, boundMs)
    socket.once('close', (code, reason) => {
      clearTimeout(bound)
      resolve({ code, reason: reason.toString('utf8') })
    })
  })
}
