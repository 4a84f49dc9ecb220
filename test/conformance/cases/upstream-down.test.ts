import type { IncomingMessage } from 'node:http'
import { request } from '@sameorigin/test-utils'
import { expect, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { describeHosts } from '../src/describe-hosts.ts'
import { useClosedPort } from '../src/use-upstream.ts'

interface ErrorJson {
  error: { code: string; message: string; hint: string; route: string | null; target: string | null }
}

describeHosts('upstream down → 502', ({ it, serve }) => {
  const closed = useClosedPort()
  const app = serve(() => ({ routes: { '/api': closed.url } }))

  it.requires('errorBodies')(
    'answers fetch/XHR with 502 and a JSON error, and logs ERR_UPSTREAM_UNREACHABLE once',
    async () => {
      const res = await request(`${app.url}/api/users`, { headers: { accept: 'application/json' } })
      expect(res.status).toBe(502)
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
      const { error } = JSON.parse(res.body) as ErrorJson
      expect(error).toMatchObject({
        code: 'ERR_UPSTREAM_UNREACHABLE',
        route: '/api',
        target: `${closed.url}/`,
      })
      expect(error.hint).not.toBe('')
      const logged = app.logs.lines.filter((line) => line.message.includes('ERR_UPSTREAM_UNREACHABLE'))
      expect(logged).toHaveLength(1)
      expect(logged[0]?.message).toContain('GET /api/users')
    },
  )

  it.requires('errorBodies')('answers a navigation with 502 and a readable HTML page', async () => {
    const res = await request(`${app.url}/api/users`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    })
    expect(res.status).toBe(502)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.body).toContain('<h1>502 Bad Gateway</h1>')
    expect(res.body).toContain('ERR_UPSTREAM_UNREACHABLE')
    // The page explains itself offline: the code's page from docs/errors, folded in, and the command.
    expect(res.body).toContain('<summary>What ERR_UPSTREAM_UNREACHABLE means</summary>')
    expect(res.body).toContain('## How to fix it')
    expect(res.body).toContain('sameorigin explain ERR_UPSTREAM_UNREACHABLE')
  })

  it.requires('errorBodies')('keeps the dev server serving', async () => {
    expect((await request(`${app.url}/api/again`)).status).toBe(502)
    expect((await request(`${app.url}/`, { headers: { accept: 'text/html' } })).status).toBeLessThan(500)
  })

  it.requires('ws', 'wsErrors')(
    'answers a websocket handshake with 502 and logs ERR_UPSTREAM_UNREACHABLE',
    async () => {
      const socket = new WebSocket(`${app.url.replace('http', 'ws')}/api/socket`)
      onTestFinished(() => socket.terminate())
      const outcome = await new Promise<string>((resolve) => {
        socket.once('unexpected-response', (_req, res: IncomingMessage) =>
          resolve(`status ${res.statusCode}`),
        )
        socket.once('error', (error) => resolve(`error ${error.message}`))
        socket.once('open', () => resolve('open'))
      })
      expect(outcome).toBe('status 502')
      expect(app.logs.text()).toContain('ERR_UPSTREAM_UNREACHABLE')
    },
  )
})
