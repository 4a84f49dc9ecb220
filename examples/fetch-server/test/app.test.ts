import { startBackend } from '@sameorigin/example-backend'
import { expect, it, onTestFinished } from 'vitest'
import { createApp } from '../src/app.mjs'

// The app with its routes inline, as a Worker would build it (no sameorigin.config.ts, no file
// system), called with plain Requests: what a route takes is proxied, `/` is the page, the rest 404.
it('proxies routed requests, serves the page at / and answers 404 otherwise', async () => {
  const backend = await startBackend({ port: 0 })
  const app = createApp({ routes: { '/api': backend.url } }, { page: '<h1>page</h1>' })
  onTestFinished(async () => {
    await app.close()
    await backend.close()
  })

  const health = await app.fetch(new Request('http://localhost:5173/api/health'))
  expect(health.status).toBe(200)
  expect(await health.json()).toEqual({ ok: true })

  const page = await app.fetch(new Request('http://localhost:5173/'))
  expect(page.status).toBe(200)
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(await page.text()).toBe('<h1>page</h1>')

  const other = await app.fetch(new Request('http://localhost:5173/nope'))
  expect(other.status).toBe(404)
  await other.body?.cancel()
})
