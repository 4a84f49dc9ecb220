import { request, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { RSBUILDS, SERVERS } from './_rsbuild.ts'

describe.each(RSBUILDS)('$name', ({ rsbuild }) => {
  describe.each(SERVERS)('rsbuild $name', ({ start, title }) => {
    it('forwards routed requests and leaves the rest, HTML fallback included, to Rsbuild', async () => {
      const upstream = await startUpstream()
      onTestFinished(() => upstream.close())
      const plugins = [pluginSameOrigin({ routes: { '/api': upstream.url } })]
      const { url } = await start({ rsbuild, root: createFixture(), plugins })

      const api = await request(`${url}/api/users?page=2`, { headers: { accept: 'text/html' } })
      expect(JSON.parse(api.body)).toMatchObject({ method: 'GET', path: '/api/users?page=2' })
      // Without the proxy in front, the HTML fallback would answer this navigation with the page.
      const page = await request(`${url}/some/route`, { headers: { accept: 'text/html' } })
      expect(page.body).toContain(`<title>${title}</title>`)
      expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/api/users?page=2'])
    })

    it("forwards a CORS preflight instead of letting Rsbuild's CORS middleware answer it", async () => {
      const upstream = await startUpstream()
      onTestFinished(() => upstream.close())
      const plugins = [pluginSameOrigin({ routes: { '/api': upstream.url } })]
      const { url } = await start({ rsbuild, root: createFixture(), plugins })

      const preflight = await request(`${url}/api/x`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PUT' },
      })
      expect(preflight.status).toBe(200)
      expect(upstream.requests.map((recorded) => recorded.method)).toEqual(['OPTIONS'])
    })

    it('never compresses a proxied response, even for a client that accepts gzip', async () => {
      const json = JSON.stringify({ items: 'x'.repeat(4096) })
      const upstream = await startUpstream({
        handle: (req, res) => {
          // Chunked, without Content-Length: what Rsbuild's gzip middleware (server.compress, on by
          // default) compresses, buffering as it goes.
          if (req.url === '/api/list') res.writeHead(200, { 'content-type': 'application/json' }).end(json)
          else res.writeHead(200, { 'content-type': 'text/event-stream' }).end('data: one\n\ndata: two\n\n')
        },
      })
      onTestFinished(() => upstream.close())
      const plugins = [pluginSameOrigin({ routes: { '/api': upstream.url } })]
      const big = 'x'.repeat(4096)
      const { url } = await start({
        rsbuild,
        root: createFixture({ 'public/big.txt': big, 'dist/big.txt': big }),
        plugins,
      })

      const gzip = { 'accept-encoding': 'gzip, deflate, br, zstd' } // a browser's
      const list = await request(`${url}/api/list`, { headers: gzip })
      expect(list.headers['content-encoding']).toBeUndefined()
      expect(list.body).toBe(json)
      const events = await request(`${url}/api/events`, { headers: { ...gzip, accept: 'text/event-stream' } })
      expect(events.headers['content-encoding']).toBeUndefined()
      expect(events.body).toBe('data: one\n\ndata: two\n\n')
      // Rsbuild's own responses are still compressed: the engine changed nothing else.
      expect((await request(`${url}/big.txt`, { headers: gzip })).headers['content-encoding']).toBe('gzip')
    })
  })
})
