import { Agent, request as httpRequest } from 'node:http'
import type { Socket } from 'node:net'
import { expect, onTestFinished } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

/** One GET through `agent`; resolves with the status, the `connection` header and the socket used. */
function get(
  url: string,
  agent: Agent,
): Promise<{ status: number; connection: string | undefined; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent }, (res) => {
      res.resume()
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          connection: res.headers.connection,
          socket: req.socket as Socket,
        }),
      )
    })
    req.once('error', reject)
    req.end()
  })
}

describeHosts('keep-alive', ({ it, serve }) => {
  const upstream = useUpstream()
  const app = serve(() => ({ routes: { '/api': upstream.url } }))

  it('serves 50 sequential requests on one client connection over at most 2 upstream connections', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    onTestFinished(() => agent.destroy())
    const connectionsBefore = upstream.connections
    const sockets = new Set<Socket>()
    for (let index = 0; index < 50; index++) {
      const res = await get(`${app.url}/api/items/${index}`, agent)
      expect(res.status).toBe(200)
      expect(res.connection).not.toBe('close')
      sockets.add(res.socket)
    }
    expect(upstream.requests).toHaveLength(50)
    expect(sockets.size).toBe(1)
    // Still open after the last answer: the host did not close the browser's connection.
    expect([...sockets][0]?.destroyed).toBe(false)
    expect(upstream.connections - connectionsBefore).toBeLessThanOrEqual(2)
  })
})
