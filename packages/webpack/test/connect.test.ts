import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { sendRaw, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { SameOriginPlugin } from '../src/index.ts'
import { createFixture, startDevServer } from './_dev-server.ts'

const portOf = (url: string): number => Number(new URL(url).port)

function answerOwn(_req: IncomingMessage, socket: Duplex): void {
  socket.end('HTTP/1.1 200 Connection Established\r\nconnection: close\r\n\r\n')
}

describe('CONNECT to webpack-dev-server', () => {
  it('is answered 405 with a body, and reaches no backend', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const plugins = [new SameOriginPlugin({ routes: { '/api': upstream.url } })]
    const { url } = await startDevServer({ root: createFixture(), plugins })
    const authority = `127.0.0.1:${upstream.port}`
    const answer = await sendRaw(portOf(url), `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(answer).toMatch(
      /\r\n\r\nCONNECT is not supported: sameorigin forwards routes, it opens no tunnels\.\n$/,
    )
    expect(upstream.connections).toBe(0)
  })

  it("is left to the user's own connect listener", async () => {
    const plugins = [new SameOriginPlugin({ routes: { '/api': 'http://127.0.0.1:1' } })]
    const devServer = {
      onListening: (server: { server: Server }) => void server.server.on('connect', answerOwn),
    }
    const { url } = await startDevServer({ root: createFixture(), plugins, devServer })
    const answer = await sendRaw(portOf(url), 'CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n')
    expect(answer).toBe('HTTP/1.1 200 Connection Established\r\nconnection: close\r\n\r\n')
  })
})
