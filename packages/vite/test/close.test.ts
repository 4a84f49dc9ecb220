import { connectWebSocket, request, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { VITES, startDev, startPreview } from './_vite.ts'

describe.each(VITES)('$name: closing the server closes the engine', ({ vite }) => {
  it.each([
    { name: 'dev', start: startDev },
    { name: 'preview', start: startPreview },
  ])('$name: no connection to the backend stays open', async ({ start }) => {
    const upstream = await startUpstream({
      websocket: (socket) => socket.on('message', (data) => socket.send(data)),
    })
    onTestFinished(() => upstream.close())
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { server, url } = await start(vite, { root: createFixture(), plugins })

    // A pooled keep-alive connection and a proxied websocket.
    expect((await request(`${url}/api/x`)).status).toBe(200)
    const socket = await connectWebSocket(`${url.replace('http:', 'ws:')}/api/ws`)
    socket.socket.send('ping')
    await socket.waitFor((message) => message === 'ping')
    expect(upstream.openConnections).toBe(2)

    await server.close()
    await vi.waitFor(() => expect(upstream.openConnections).toBe(0))
  })
})
