import { once } from 'node:events'
import { expect, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { describeHosts } from '../src/describe-hosts.ts'
import { eventually } from '../src/eventually.ts'
import { openSocket } from '../src/open-socket.ts'
import { useUpstream } from '../src/use-upstream.ts'

/** Sends `data` and resolves with the next message. */
async function roundTrip(
  socket: WebSocket,
  data: string | Buffer,
): Promise<{ data: Buffer; binary: boolean }> {
  const reply = once(socket, 'message') as Promise<[Buffer, boolean]>
  socket.send(data)
  const [message, binary] = await reply
  return { data: message, binary }
}

describeHosts('websocket echo', { requires: ['ws'] }, ({ it, serve }) => {
  const upstream = useUpstream({
    websocket: (socket, req) => {
      socket.send(`hello ${req.url}`)
      socket.on('message', (data, binary) => socket.send(data, { binary }))
    },
  })
  const app = serve(() => ({
    routes: { '/api': `${upstream.url}/v1` },
  }))
  const wsUrl = (path: string): string => `${app.url.replace('http', 'ws')}${path}`

  it('proxies the upgrade through the route and echoes text and binary frames', async () => {
    const socket = new WebSocket(wsUrl('/api/socket?room=1'), { headers: { origin: app.url } })
    onTestFinished(() => socket.terminate())
    const [greeting] = (await once(socket, 'message')) as [Buffer]
    expect(greeting.toString()).toBe('hello /v1/socket?room=1')
    expect((await roundTrip(socket, 'ping')).data.toString()).toBe('ping')
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255])
    const echoed = await roundTrip(socket, bytes)
    expect(echoed.binary).toBe(true)
    expect(echoed.data.equals(bytes)).toBe(true)
    const handshake = upstream.requests.find((req) => req.kind === 'upgrade')
    expect(handshake).toMatchObject({ path: '/v1/socket?room=1' })
    // The same header rewriting as for requests: the target's Host.
    expect(handshake?.headers.host).toBe(`127.0.0.1:${upstream.port}`)
  })

  it.requires('wsOriginRewrite')(
    'rewrites the Origin of the handshake to the target, as for requests',
    async () => {
      await openSocket(wsUrl('/api/socket'), [], { headers: { origin: app.url } })
      const handshake = upstream.requests.find((req) => req.kind === 'upgrade')
      expect(handshake?.headers.origin).toBe(upstream.url)
    },
  )

  it('closes the upstream socket when the browser closes its own', async () => {
    await eventually(() => upstream.openConnections === 0) // the previous test's socket is gone
    const socket = await openSocket(wsUrl('/api/socket'))
    expect(upstream.openConnections).toBe(1)
    socket.close(1000, 'bye')
    await once(socket, 'close')
    await eventually(() => upstream.openConnections === 0)
    expect(upstream.openConnections).toBe(0)
  })
})
