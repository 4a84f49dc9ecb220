import type { IncomingMessage, ServerResponse } from 'node:http'
import { get } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createTcpServer } from 'node:net'
import type { Socket } from 'node:net'
import { listen, TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'
import { onTestFinished } from 'vitest'

/**
 * An https upstream (the test certificate) that accepts TCP at once but starts the TLS handshake only
 * after `delay` ms: the connection is up, the upstream is not reachable yet.
 */
export async function startSlowHandshakeUpstream(
  delay: number,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const tls = createHttpsServer({ cert: TEST_CERT, key: TEST_KEY }, handle)
  const waiting = new Set<NodeJS.Timeout>()
  const tcp = createTcpServer((socket: Socket) => {
    const timer = setTimeout(() => {
      waiting.delete(timer)
      tls.emit('connection', socket)
    }, delay)
    waiting.add(timer)
  })
  const listening = await listen(tcp)
  const server = {
    url: `https://127.0.0.1:${listening.port}`,
    close: async () => {
      for (const timer of waiting) clearTimeout(timer)
      tls.close()
      await listening.close()
    },
  }
  onTestFinished(() => server.close())
  return server
}

/** What a client read of one answer: the status, the bytes, and whether the body broke off. */
export interface Download {
  readonly status: number
  readonly headers: IncomingMessage['headers']
  readonly bytes: number
  readonly text: string
  /** The body ended cleanly (no reset, no truncation). */
  readonly complete: boolean
}

/**
 * GETs `url` and reads the answer, pausing `readDelay` ms after the head before reading a byte (a
 * browser tab in the background): the proxy's buffers fill and backpressure reaches the upstream.
 * Never rejects for a broken body: `complete` says.
 */
export function download(
  url: string,
  options: { readDelay?: number; keepText?: boolean; headers?: Record<string, string> } = {},
): Promise<Download> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false, headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      let bytes = 0
      let settled = false
      const finish = (complete: boolean): void => {
        if (settled) return
        settled = true
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, text, complete })
      }
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (options.keepText === true) chunks.push(chunk)
      })
      res.on('end', () => finish(true))
      res.on('error', () => finish(false))
      res.on('aborted', () => finish(false))
      res.on('close', () => finish(res.complete))
      if (options.readDelay !== undefined) {
        res.pause()
        setTimeout(() => res.resume(), options.readDelay)
      }
    })
    req.on('error', reject)
  })
}

export { upstreamForTest } from '@sameorigin/test-utils'
