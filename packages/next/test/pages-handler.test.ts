import { createServer } from 'node:http'
import process from 'node:process'
import type { Listening, Upstream } from '@sameorigin/test-utils'
import { listen, request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { createPagesHandler, pagesConfig } from '../src/route/create-pages-handler.ts'

const silent = { info: () => {}, warn: () => {}, error: () => {} }

// A Pages Router API route receives Node's own req/res: served here by a plain Node server, as Next
// calls the handler with `bodyParser: false`.
describe('the Pages Router handler', () => {
  let upstream: Upstream
  let app: Listening

  beforeAll(async () => {
    upstream = await startUpstream({
      handle(req, res) {
        req.resume()
        res.writeHead(302, {
          location: `${upstream.url}/v1/next`,
          'set-cookie': 'id=1; Domain=backend.example; Path=/v1',
        })
        res.end()
      },
    })
    const handler = createPagesHandler({
      configFile: false,
      logger: silent,
      routes: { '/api': `${upstream.url}/v1` },
    })
    app = await listen(createServer((req, res) => void handler(req, res)))
  })
  afterAll(async () => {
    await app?.close()
    await upstream?.close()
  })

  it('forwards through the core engine, with the redirect and cookie rewritten for the dev origin', async () => {
    const res = await request(`${app.url}/api/go?x=1`, { method: 'POST', body: 'hello' })
    expect(upstream.requests.map((req) => `${req.method} ${req.path}`)).toEqual(['POST /v1/go?x=1'])
    expect(res.status).toBe(302)
    expect(res.headers.location).toBe('/api/next')
    expect(res.headers['set-cookie']).toEqual(['id=1; Path=/api'])
  })

  it('answers 404 where no route matches', async () => {
    expect((await request(`${app.url}/other`)).status).toBe(404)
  })

  it('tells Next not to parse or cap the body', () => {
    expect(pagesConfig).toEqual({ api: { bodyParser: false, responseLimit: false, externalResolver: true } })
  })
})

describe('the Pages Router handler’s inspector', () => {
  it('serves /__sameorigin/ in development and records the exchanges', async () => {
    const upstream = await startUpstream()
    const handler = createPagesHandler({
      configFile: false,
      logger: silent,
      routes: { '/api': upstream.url },
    })
    const app = await listen(createServer((req, res) => void handler(req, res)))
    onTestFinished(async () => {
      await app.close()
      await upstream.close()
    })
    expect((await request(`${app.url}/api/one`)).status).toBe(200)
    const listed = await request(`${app.url}/__sameorigin/api/exchanges`)
    const { exchanges } = JSON.parse(listed.body) as { exchanges: { url: string; status: number }[] }
    // The newest first. The handlers of one app (one working directory) share one inspector, so the
    // exchanges of this file's other handlers may be listed after it.
    expect(exchanges.map((one) => [one.url, one.status])[0]).toEqual(['/api/one', 200])
  })

  it('serves no inspector when NODE_ENV is production, even with production: true', async () => {
    const upstream = await startUpstream()
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    const routes = { '/api': upstream.url }
    const handler = createPagesHandler({ configFile: false, logger: silent, routes, production: true })
    const app = await listen(createServer((req, res) => void handler(req, res)))
    onTestFinished(async () => {
      process.env.NODE_ENV = env
      await app.close()
      await upstream.close()
    })
    expect((await request(`${app.url}/__sameorigin/`)).status).toBe(404)
    expect((await request(`${app.url}/api/x`)).status).toBe(200)
  })
})
