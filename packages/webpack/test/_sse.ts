import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import { onTestFinished } from 'vitest'

/** Opens an event stream as a browser's EventSource does, with a browser's `Accept-Encoding`. */
export async function openEventStream(url: string): Promise<IncomingMessage> {
  const req = httpRequest(url, {
    agent: false,
    headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br, zstd' },
  })
  onTestFinished(() => void req.destroy())
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve)
    req.once('error', reject)
  })
  req.end()
  return response
}

/** Resolves with the next chunk of `res` as text. */
export function nextChunk(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    res.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')))
    res.once('error', reject)
  })
}
