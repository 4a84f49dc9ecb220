import { once } from 'node:events'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { describeHosts } from '../src/describe-hosts.ts'
import type { HmrSocket } from '../src/types.ts'
import { eventually } from '../src/eventually.ts'
import { openSocket } from '../src/open-socket.ts'
import { useUpstream } from '../src/use-upstream.ts'

/** Vite's message types, for hosts that name none. */
const VITE_MESSAGES = { connected: 'connected', reload: 'full-reload' } as const

/**
 * A client of the host's HMR socket, as its client script opens it (with the page's Origin, which
 * webpack-dev-server 6 requires), recording every message's `type` from the start.
 */
async function connectHmr(hmr: HmrSocket, origin: string) {
  const socket = new WebSocket(hmr.url, hmr.protocol ? [hmr.protocol] : [], { origin })
  onTestFinished(() => socket.terminate())
  const types: string[] = []
  socket.on('message', (data: Buffer) =>
    types.push(String((JSON.parse(data.toString()) as { type?: unknown }).type)),
  )
  await once(socket, 'open')
  return { socket, types }
}

describeHosts('HMR coexistence', { requires: ['hmr'] }, ({ it, serve }) => {
  const upstream = useUpstream({
    websocket: (socket) => socket.on('message', (data, binary) => socket.send(data, { binary })),
  })
  // A catch-all route with websockets on: everything is the backend's, except the host's own HMR socket.
  const app = serve(() => ({ routes: { '/': { target: upstream.url, ws: true } } }))
  const hmr = () => {
    if (app.hmr === undefined) throw new Error('a host with the hmr capability must report its HMR socket')
    return app.hmr
  }

  it("connects the host's HMR websocket under a catch-all ws route", async () => {
    const { socket, types } = await connectHmr(hmr(), app.url)
    expect(socket.protocol).toBe(hmr().protocol ?? '')
    await eventually(() => types.length > 0)
    expect(types[0]).toBe((hmr().messages ?? VITE_MESSAGES).connected)
    expect(upstream.requests.filter((req) => req.kind === 'upgrade')).toHaveLength(0)
  })

  it('still delivers updates: editing index.html reloads the page', async () => {
    const { connected, reload } = hmr().messages ?? VITE_MESSAGES
    const { types } = await connectHmr(hmr(), app.url)
    await eventually(() => types.includes(connected))
    const file = join(app.root, 'index.html')
    await writeFile(file, (await readFile(file, 'utf8')).replace('conformance fixture</h1>', 'edited</h1>'))
    await eventually(() => types.includes(reload), 10_000)
    expect(types).toContain(reload)
  })

  it('proxies every other websocket to the backend', async () => {
    const socket = await openSocket(`${app.url.replace('http', 'ws')}/socket`)
    const reply = once(socket, 'message') as Promise<[Buffer]>
    socket.send('through the catch-all')
    expect((await reply)[0].toString()).toBe('through the catch-all')
    expect(upstream.requests.filter((req) => req.kind === 'upgrade').map((req) => req.path)).toEqual([
      '/socket',
    ])
  })
})
