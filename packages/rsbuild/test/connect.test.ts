import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { RsbuildPlugin } from '@rsbuild/core'
import { sendRaw, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { RSBUILDS, SERVERS } from './_rsbuild.ts'

function answerOwn(_req: IncomingMessage, socket: Duplex): void {
  socket.end('HTTP/1.1 200 Connection Established\r\nconnection: close\r\n\r\n')
}

/** A user's plugin with CONNECT handling of its own, as a forward-proxy setup would add it. */
const ownConnect: RsbuildPlugin = {
  name: 'test:own-connect',
  setup(api) {
    api.onBeforeStartDevServer(({ server }) => void server.httpServer?.on('connect', answerOwn))
    api.onBeforeStartPreviewServer(({ server }) => void server.httpServer?.on('connect', answerOwn))
  },
}

describe.each(RSBUILDS)('$name: CONNECT', ({ rsbuild }) => {
  it.each(SERVERS)('$name: answered 405 with a body, no backend reached', async ({ start }) => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const plugins = [pluginSameOrigin({ routes: { '/api': upstream.url } })]
    const { port } = await start({ rsbuild, root: createFixture(), plugins })
    const authority = `127.0.0.1:${upstream.port}`
    const answer = await sendRaw(port, `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(answer).toMatch(
      /\r\n\r\nCONNECT is not supported: sameorigin forwards routes, it opens no tunnels\.\n$/,
    )
    expect(upstream.connections).toBe(0)
  })

  it.each(SERVERS)("$name: left to the user's own connect listener", async ({ start }) => {
    const plugins = [pluginSameOrigin({ routes: { '/api': 'http://127.0.0.1:1' } }), ownConnect]
    const { port } = await start({ rsbuild, root: createFixture(), plugins })
    const answer = await sendRaw(port, 'CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n')
    expect(answer).toBe('HTTP/1.1 200 Connection Established\r\nconnection: close\r\n\r\n')
  })
})
