// Live reload of the route handler in `next dev`: the handler is called in-process with Web Requests
// (as Next's Node runtime calls it), its config is a real file in a real app folder, edited on disk,
// and its upstreams are real servers.
import process from 'node:process'
import { createServer } from 'node:http'
import { Agent } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import {
  answeredBy,
  createGate,
  isWatched,
  listen,
  request,
  toConfigModule,
  upstreamForTest,
} from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createPagesHandler } from '../src/route/create-pages-handler.ts'
import type { RouteHandlerOptions } from '../src/route/create-route-handler.ts'
import { createRouteHandler } from '../src/route/create-route-handler.ts'
import { createTempApp } from './_temp-app.ts'
import { serveWebHandler } from './serve-web-handler.ts'

const WAIT = { timeout: 10_000 }
/** A logger that keeps its lines by level. */
function captureLogs() {
  const lines = { info: [] as string[], warn: [] as string[], error: [] as string[] }
  const logger = {
    info: (line: string) => void lines.info.push(line),
    warn: (line: string) => void lines.warn.push(line),
    error: (line: string) => void lines.error.push(line),
  }
  return { lines, logger }
}

/** The route handler of an app folder, served on 127.0.0.1 the way Next's Node runtime serves it. */
async function serveHandler(options: RouteHandlerOptions) {
  const app = await serveWebHandler(createRouteHandler(options).GET)
  onTestFinished(() => app.close())
  return app
}

describe('the route handler in next dev: live reload', () => {
  it('applies each edit to the next request, one line each, on the same proxy and pooled connections', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    const app = createTempApp()
    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const { lines, logger } = captureLogs()
    const { url } = await serveHandler({ root: app.root, logger })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    onTestFinished(() => agent.destroy())
    expect(await answeredBy(url, a, { agent: agent })).toBe(true)

    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url, '/v2': b.url }))
    await expect.poll(() => lines.info.length, WAIT).toBe(1)
    expect(lines.info[0]).toBe(`[sameorigin] sameorigin.config.ts changed: routes added /v2 → ${b.url}/`)
    expect(await answeredBy(url, a, { agent: agent })).toBe(true)
    // The one proxy was updated, not replaced: its pooled upstream connection served both.
    expect(a.connections).toBe(1)

    app.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await expect.poll(() => lines.info.length, WAIT).toBe(2)
    expect(lines.info[1]).toBe(
      `[sameorigin] sameorigin.config.ts changed: routes changed /api → ${b.url}/ (was ${a.url}/); removed /v2`,
    )
    expect(await answeredBy(url, b)).toBe(true)
    // One watcher: two edits, two lines.
    expect(lines.info).toHaveLength(2)
  })

  it('lets a request in flight finish on the config it started with', async () => {
    const gate = createGate()
    const a = await upstreamForTest({
      handle: (_req, res) =>
        void gate.opened.then(() => res.writeHead(302, { location: `${a.url}/api/home` }).end()),
    })
    const b = await upstreamForTest()
    const app = createTempApp()
    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const { lines, logger } = captureLogs()
    const { url } = await serveHandler({ root: app.root, logger })
    const inFlight = request(`${url}/api/slow`)
    await expect.poll(() => a.requests.some((seen) => seen.path === '/api/slow'), WAIT).toBe(true)

    app.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await expect.poll(() => lines.info.length, WAIT).toBe(1)
    // A request on the new config while the first one still waits for its answer.
    expect(await answeredBy(url, b)).toBe(true)
    gate.open()
    // Rewritten by the route it started on (target a): the new route would leave the Location alone.
    const answer = await inFlight
    expect(answer.status).toBe(302)
    expect(answer.headers.location).toBe('/api/home')
  })

  it('keeps the last good config on a bad edit, prints its problems once, and takes the fix', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    const app = createTempApp()
    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const { lines, logger } = captureLogs()
    const { url } = await serveHandler({ root: app.root, logger })
    expect(await answeredBy(url, a)).toBe(true)

    app.put('sameorigin.config.ts', toConfigModule({ '/api': 'ftp://nowhere' }))
    await expect.poll(() => lines.error.length, WAIT).toBe(1)
    expect(lines.error[0]).toContain(
      'sameorigin.config.ts changed, but the config cannot be used; the last good one keeps serving.',
    )
    expect(lines.error[0]).toContain('ERR_CONFIG_INVALID')
    expect(await answeredBy(url, a)).toBe(true)
    expect(await answeredBy(url, a)).toBe(true)

    app.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await expect.poll(() => lines.info.length, WAIT).toBe(1)
    expect(await answeredBy(url, b)).toBe(true)
    expect(lines.error).toHaveLength(1)
  })

  it('retries a failed first load on the next request, and watches from the first good one', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    const app = createTempApp()
    app.put('sameorigin.config.ts', 'export default { routes: { ')
    const { lines, logger } = captureLogs()
    const handlers = createRouteHandler({ root: app.root, logger })
    const get = () =>
      handlers.GET(new Request('http://127.0.0.1:3000/api/x', { headers: { host: '127.0.0.1:3000' } }))
    await expect(get()).rejects.toMatchObject({ code: 'ERR_CONFIG_LOAD_FAILED' })
    expect(isWatched(app.root)).not.toBe(true)

    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    expect((await get()).status).toBe(200)
    expect(a.requests).toHaveLength(1)
    app.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await expect.poll(() => lines.info.length, WAIT).toBe(1)
    expect((await get()).status).toBe(200)
    expect(b.requests).toHaveLength(1)
  })

  it('Pages Router handler: applies an edit to the next request on the same engine', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    const app = createTempApp()
    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const { lines, logger } = captureLogs()
    const handler = createPagesHandler({ root: app.root, logger })
    const served = await listen(createServer((req, res) => void handler(req, res)))
    onTestFinished(() => served.close())
    expect(await answeredBy(served.url, a)).toBe(true)

    app.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await expect.poll(() => lines.info.length, WAIT).toBe(1)
    expect(await answeredBy(served.url, b)).toBe(true)
  })
})

// The watched folder is looked up in /proc (Linux): chokidar's non-persistent watches are no active resource.
describe.runIf(process.platform === 'linux')('the route handler: what it watches', () => {
  it('starts watching with the first request in development, not when it is created', async () => {
    const a = await upstreamForTest()
    const app = createTempApp()
    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const { url } = await serveHandler({ root: app.root, logger: captureLogs().logger })
    expect(isWatched(app.root)).toBe(false)
    expect(await answeredBy(url, a)).toBe(true)
    expect(isWatched(app.root)).toBe(true)
  })

  it('watches nothing under NODE_ENV=production (next start), even with production: true', async () => {
    const a = await upstreamForTest()
    const app = createTempApp()
    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    onTestFinished(() => {
      process.env.NODE_ENV = env
    })
    const { url } = await serveHandler({ root: app.root, production: true, logger: captureLogs().logger })
    expect(await answeredBy(url, a)).toBe(true)
    expect(isWatched(app.root)).toBe(false)
  })

  it('stops watching once a handler is gone (its route module replaced by an edit in next dev)', async () => {
    const a = await upstreamForTest()
    const app = createTempApp()
    app.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    await (async () => {
      // The handlers of a route module, used once and then dropped, as Next drops a replaced module.
      const handlers = createRouteHandler({ root: app.root, logger: captureLogs().logger })
      const answer = await handlers.GET(
        new Request('http://127.0.0.1:3000/api/x', { headers: { host: '127.0.0.1:3000' } }),
      )
      await answer.arrayBuffer()
    })()
    expect(isWatched(app.root)).toBe(true)
    const gc = exposeGc()
    await expect
      .poll(async () => {
        gc()
        await new Promise((resolve) => setTimeout(resolve, 20))
        return isWatched(app.root)
      }, WAIT)
      .toBe(false)
  })
})

/** V8's `gc()`, which this process was not started with `--expose-gc` for. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}
