import type { Upstream } from '@sameorigin/test-utils'
import { request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KitServer } from './_kit-app.ts'
import { createKitApp, startKit, toViteConfig } from './_kit-app.ts'

/**
 * The hook alone (no Vite plugin) in SvelteKit 3's `vite dev`, one step of `sequence()`, on the app's
 * `sameorigin.config.mjs` (found from the working directory): it answers the browser's requests and
 * the load function's `event.fetch('/api/me')`, and hands everything else on.
 */
describe('handleSameOrigin in vite dev, without the Vite plugin', () => {
  let upstream: Upstream
  let kit: KitServer
  let remove: () => Promise<void>

  beforeAll(async () => {
    upstream = await startUpstream({
      handle: (req, res) => {
        const name = /(?:^|;\s*)session=([^;]*)/.exec(req.headers.cookie ?? '')?.[1]
        res.setHeader('content-type', 'application/json')
        if (req.url === '/v1/login')
          res.setHeader(
            'set-cookie',
            'session=grace; Domain=api.example.com; Path=/v1; Secure; SameSite=None',
          )
        res.statusCode = name === undefined && req.url === '/v1/me' ? 401 : 200
        res.end(JSON.stringify({ name, forwardedFor: req.headers['x-forwarded-for'] }))
      },
    })
    const app = await createKitApp({
      'vite.config.js': toViteConfig(false),
      'sameorigin.config.mjs': `export default { routes: { '/api': '${upstream.url}/v1' } }\n`,
      'src/hooks.server.js': `import { sequence } from '@sveltejs/kit/hooks'
import { handleSameOrigin } from '@sameorigin/sveltekit/hooks'
const after = async ({ event, resolve }) => {
  const response = await resolve(event)
  response.headers.set('x-after', 'yes')
  return response
}
export const handle = sequence(handleSameOrigin, after)
`,
    })
    remove = app.remove
    kit = await startKit(app.dir, 'dev')
  }, 90_000)

  afterAll(async () => {
    await kit?.close()
    await remove?.()
    await upstream?.close()
  })

  it("answers a browser request through the route, rewriting the backend's cookie, and ends the sequence there", async () => {
    const res = await request(`${kit.url}/api/login`, { method: 'POST', headers: { cookie: 'other=1' } })
    expect(res.status).toBe(200)
    expect(res.headers['set-cookie']).toEqual(['session=grace; Path=/api; SameSite=Lax'])
    expect(res.headers['x-after']).toBeUndefined()
    const seen = upstream.requests.at(-1)
    expect(seen?.path).toBe('/v1/login')
    expect(seen?.headers.host).toBe(new URL(upstream.url).host)
    expect(seen?.headers.cookie).toBe('other=1')
    // event.getClientAddress(): the browser's address goes into X-Forwarded-For.
    expect(seen?.headers['x-forwarded-for']).toBe('127.0.0.1')
  })

  it("serves the load function's fetch('/api/me') with the page request's cookie", async () => {
    const before = upstream.requests.length
    const res = await request(`${kit.url}/ssr`, { headers: { cookie: 'session=ada' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatch(/<p id="ssr-user">ada<\/p>/)
    const calls = upstream.requests.slice(before)
    expect(calls.map((seen) => seen.path)).toEqual(['/v1/me'])
    expect(calls[0]?.headers.cookie).toBe('session=ada')

    const anonymous = await request(`${kit.url}/ssr`)
    expect(anonymous.body).toMatch(/<p id="ssr-user">anonymous<\/p>/)
    expect(upstream.requests.at(-1)?.headers.cookie).toBeUndefined()
  })

  it('hands other requests on to SvelteKit and the next handle, and adds the report client to pages', async () => {
    const before = upstream.requests.length
    const res = await request(`${kit.url}/`)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<p id="home">home</p>')
    expect(res.headers['x-after']).toBe('yes')
    expect(res.body).toMatch(/<head><script src="\/__sameorigin\/report-client\.js"><\/script>/)
    expect(upstream.requests.length).toBe(before)
    // The script is served: by the hook's own proxy here (no Vite plugin), its inspector on in dev.
    const script = await request(`${kit.url}/__sameorigin/report-client.js`)
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toMatch(/javascript/)
  })
})
