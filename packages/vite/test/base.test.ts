// Routes are absolute paths, as Vite's own `server.proxy` keys are: the proxy sees the request path
// before Vite's base middleware strips (or refuses) `base`.
import { connectWebSocket, request, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { VITE8, startDev, startPreview } from './_vite.ts'
import { isHmrMessage } from './_hmr.ts'

describe("Vite's base", () => {
  it.each([
    { name: 'dev', start: startDev, title: 'dev' },
    { name: 'preview', start: startPreview, title: 'built' },
  ])('$name: routes match absolute paths; the app stays under base', async ({ start, title }) => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const plugins = [sameorigin({ routes: { '/api': upstream.url, '/app/backend': upstream.url } })]
    const { url } = await start(VITE8, { root: createFixture(), plugins, config: { base: '/app/' } })

    // Outside base: without the proxy in front, Vite's base middleware would answer 404 here.
    expect(JSON.parse((await request(`${url}/api/users`)).body)).toMatchObject({ path: '/api/users' })
    // Under base, a route that spells base out.
    expect(JSON.parse((await request(`${url}/app/backend/x`)).body)).toMatchObject({ path: '/app/backend/x' })
    // `/api` is not `/app/api`: that path stays Vite's.
    const underBase = await request(`${url}/app/api/users`, { headers: { accept: 'text/html' } })
    expect(underBase.body).toContain(`<title>${title}</title>`)
    expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/api/users', '/app/backend/x'])
  })

  it("dev: the HMR socket under base is Vite's, even for a catch-all ws route", async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const plugins = [sameorigin({ routes: { '/': { target: upstream.url, ws: true } } })]
    const { url } = await startDev(VITE8, { root: createFixture(), plugins, config: { base: '/app/' } })

    const hmr = await connectWebSocket(`${url.replace('http:', 'ws:')}/app/`, 'vite-hmr')
    await hmr.waitFor(isHmrMessage('connected'))
    expect(upstream.requests).toEqual([])
  })
})
