import { once } from 'node:events'
import type { Upstream } from '@sameorigin/test-utils'
import { hasIpv6Loopback, request } from '@sameorigin/test-utils'
import { expect, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import type { HostSuiteContext } from '../src/describe-hosts.ts'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

const IPV6 = await hasIpv6Loopback()
const NO_IPV6 = 'this machine has no IPv6 loopback (listening on ::1 failed)'

/** Echoes every message, prefixed. */
function websocket(socket: WebSocket): void {
  socket.on('message', (data) => socket.send(`echo ${String(data)}`))
}

/**
 * Two echo backends, one on `::1` only and one on `127.0.0.1` only, routed through `localhost`:
 * `/v6` and `/v4`. Without an IPv6 loopback the first cannot exist: it listens on 127.0.0.1 so the
 * block still starts, and the tests that need it are skipped with {@link NO_IPV6}.
 */
function useBothLoopbacks(serve: HostSuiteContext['serve']) {
  const v6: Upstream = useUpstream({ host: IPV6 ? '::1' : '127.0.0.1', websocket })
  const v4: Upstream = useUpstream({ host: '127.0.0.1', websocket })
  const app = serve(() => ({
    routes: { '/v6': `http://localhost:${v6.port}`, '/v4': `http://localhost:${v4.port}` },
  }))
  return { v6, v4, app }
}

/** Opens a websocket, sends `hi`, and resolves with the reply. */
async function echoThrough(url: string): Promise<string> {
  const socket = new WebSocket(url)
  onTestFinished(() => socket.terminate())
  await once(socket, 'open')
  const reply = once(socket, 'message') as Promise<[Buffer]>
  socket.send('hi')
  const [data] = await reply
  return data.toString()
}

describeHosts(
  '`localhost` reaches either loopback address',
  { requires: ['dualStackLocalhost'] },
  ({ it, serve }) => {
    const { v6, v4, app } = useBothLoopbacks(serve)

    it('reaches a backend on 127.0.0.1 only through http://localhost', async () => {
      expect((await request(`${app.url}/v4/users`)).status).toBe(200)
      expect(v4.requests.map((req) => req.path)).toEqual(['/v4/users'])
    })

    it.runIf(IPV6, NO_IPV6)('reaches a backend on ::1 only through http://localhost', async () => {
      expect((await request(`${app.url}/v6/users`)).status).toBe(200)
      expect(v6.requests.map((req) => req.path)).toEqual(['/v6/users'])
    })
  },
)

describeHosts(
  '`localhost` websockets reach either loopback address',
  { requires: ['ws', 'wsDualStackLocalhost'] },
  ({ it, serve }) => {
    const { v6, v4, app } = useBothLoopbacks(serve)
    const wsUrl = (path: string): string => `${app.url.replace('http', 'ws')}${path}`

    it('opens a websocket to a backend on 127.0.0.1 only through ws://localhost', async () => {
      expect(await echoThrough(wsUrl('/v4/live'))).toBe('echo hi')
      expect(v4.requests).toMatchObject([{ kind: 'upgrade', path: '/v4/live' }])
    })

    it.runIf(IPV6, NO_IPV6)('opens a websocket to a backend on ::1 only through ws://localhost', async () => {
      expect(await echoThrough(wsUrl('/v6/live'))).toBe('echo hi')
      expect(v6.requests).toMatchObject([{ kind: 'upgrade', path: '/v6/live' }])
    })
  },
)
