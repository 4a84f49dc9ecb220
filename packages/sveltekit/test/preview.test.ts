import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildKitApp, createKitApp, startKit, toViteConfig } from './_kit-app.ts'

/**
 * The built app (`vite build` under Node 24) served by `vite preview`, where NODE_ENV is
 * `production`: with `sameorigin()` installed the hook forwards as in `vite dev`; served without the
 * plugin's mark, as the built app's own server is, it is off and every request goes on to SvelteKit.
 */
describe('the hook in a built app', () => {
  let upstream: Upstream
  let app: Awaited<ReturnType<typeof createKitApp>>

  beforeAll(async () => {
    upstream = await startUpstream({
      handle: (req, res) => {
        const name = /(?:^|;\s*)session=([^;]*)/.exec(req.headers.cookie ?? '')?.[1]
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ name }))
      },
    })
    app = await createKitApp({
      'vite.config.js': toViteConfig(true),
      'sameorigin.config.mjs': `export default { routes: { '/api': '${upstream.url}/v1' } }\n`,
      'src/hooks.server.js': `export { handleSameOrigin as handle } from '@sameorigin/sveltekit/hooks'\n`,
    })
    buildKitApp(app.dir)
  }, 120_000)

  afterAll(async () => {
    await app?.remove()
    await upstream?.close()
  })

  it("forwards in vite preview: the browser's request (the Vite plugin) and the load function's (the hook)", async () => {
    const kit = await startKit(app.dir, 'preview')
    try {
      const before = upstream.requests.length
      const page = await request(`${kit.url}/ssr`, { headers: { cookie: 'session=ada' } })
      expect(page.body).toMatch(/<p id="ssr-user">ada<\/p>/)
      const me = await request(`${kit.url}/api/me`, { headers: { cookie: 'session=grace' } })
      expect(JSON.parse(me.body)).toEqual({ name: 'grace' })
      expect(upstream.requests.slice(before).map((seen) => [seen.path, seen.headers.cookie])).toEqual([
        ['/v1/me', 'session=ada'],
        ['/v1/me', 'session=grace'],
      ])
    } finally {
      await kit.close()
    }
  })

  it('is off where the built server runs without the Vite plugin (production mode)', async () => {
    await writeFile(join(app.dir, 'vite.config.js'), toViteConfig(false))
    const kit = await startKit(app.dir, 'preview')
    try {
      const before = upstream.requests.length
      const page = await request(`${kit.url}/ssr`, { headers: { cookie: 'session=ada' } })
      expect(page.body).toMatch(/<p id="ssr-user">anonymous<\/p>/)
      expect((await request(`${kit.url}/api/me`)).status).toBe(404)
      expect(upstream.requests.length).toBe(before)
    } finally {
      await kit.close()
    }
  })
})
