// The report client in real Chromium, end to end: a page on a dev server (port A) that serves the
// client and mounts the report handler calls a backend (port B) that sends no CORS headers, and
// paths of it that do. What reaches the dev server, what it prints (once per shape, the doctor's own
// verdict), and that the wrapped APIs behave as the native ones.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS, findChromium, listen } from '@sameorigin/test-utils'
import type { Listening } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { diagnoseBlockedRequest } from '../../src/doctor/index.ts'
import { createLogger } from '../../src/logging/logger.ts'
import { createReportHandler } from '../../src/report/create-report-handler.ts'
import type { ReportHandler } from '../../src/report/create-report-handler.ts'
import { toRequestShape } from '../../src/report/diagnose-blocked-call.ts'
import { formatBlockedCall } from '../../src/report/format-blocked-call.ts'
import { readReportClient } from '../../src/report/read-report-client.ts'
import type { BlockedCall } from '../../src/report/types.ts'
import { startBackend } from './_backends.ts'
import type { Backend } from './_backends.ts'

const PAGE_CALLS = fileURLToPath(new URL('_page-calls.js', import.meta.url))
let backend: Backend
let dev: Listening
let handler: ReportHandler
let browser: Browser
let page: Page
/** Report bodies as the dev server received them, raw. */
const bodies: string[] = []
const warnings: string[] = []

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value)
  const body = Buffer.concat(chunks)
  if (body.length > 0) bodies.push(body.toString())
  const init = { method: req.method ?? 'GET', headers, ...(body.length > 0 ? { body } : {}) }
  return new Request(`http://${req.headers.host}${req.url}`, init)
}

async function serveDev(client: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url === '/report-client.js')
    return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(client)
  if (req.url === '/broken') return void req.socket.destroy()
  if (req.url === '/') {
    const html = '<!doctype html><title>dev</title><script src="/report-client.js"></script>'
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(html)
  }
  const response = await handler(await toRequest(req))
  if (response === undefined) return void res.writeHead(404).end()
  res
    .writeHead(response.status, Object.fromEntries(response.headers))
    .end(Buffer.from(await response.arrayBuffer()))
}

beforeAll(async () => {
  backend = await startBackend()
  const client = await readReportClient()
  const logger = createLogger('info', {
    logger: { info: () => {}, warn: (l: string) => warnings.push(l), error: (l: string) => warnings.push(l) },
  })
  handler = createReportHandler({
    routes: () => resolveConfig({ routes: { '/api': `${backend.url}/v1` } }).routes,
    logger,
    diagnose: diagnoseBlockedRequest,
  })
  dev = await listen(createServer((req, res) => void serveDev(client, req, res)))
  browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
  page = await browser.newPage()
  await page.goto(dev.url)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await handler?.close()
  await dev?.close()
  await backend?.close()
})

const calls = (): BlockedCall[] => bodies.map((body) => JSON.parse(body) as BlockedCall)
/** Runs one of `_page-calls.js`'s functions in the page, with the backend's URL. */
async function inPage(name: 'blocked' | 'wrapped'): Promise<unknown> {
  await page.addScriptTag({ path: PAGE_CALLS })
  return page.evaluate(`pageCalls.${name}(${JSON.stringify(backend.url)})`)
}
const waitFor = (check: () => void): Promise<void> => vi.waitFor(check, { timeout: 30_000, interval: 50 })

describe('the report client in Chromium', () => {
  it('reports each failing cross-origin call once, and nothing else', async () => {
    const b = backend.url
    const results = await inPage('blocked')
    expect(results).toEqual({
      fetch: [{ error: 'TypeError: Failed to fetch' }, { error: 'TypeError: Failed to fetch' }],
      xhr: 'error 0',
      events: 'error 2',
      socket: 'close 1006',
      post: { error: 'TypeError: Failed to fetch' },
      cors: { value: { ok: true } },
      sameOrigin: { error: 'TypeError: Failed to fetch' },
    })
    await waitFor(() => expect(bodies).toHaveLength(5))
    const origin = dev.url
    expect(
      calls().toSorted((x, y) => x.kind.localeCompare(y.kind) || x.method.localeCompare(y.method)),
    ).toEqual([
      {
        url: `${b}/events`,
        method: 'GET',
        headers: [],
        credentials: 'same-origin',
        pageOrigin: origin,
        kind: 'eventsource',
      },
      {
        url: `${b}/v1/data?x=1`,
        method: 'GET',
        headers: ['x-token'],
        credentials: 'same-origin',
        pageOrigin: origin,
        kind: 'fetch',
      },
      {
        url: `${b}/preflight-only/items`,
        method: 'POST',
        headers: [['content-type', 'application/json']],
        credentials: 'same-origin',
        pageOrigin: origin,
        kind: 'fetch',
      },
      {
        url: `${b.replace('http', 'ws')}/live`,
        method: 'GET',
        headers: [],
        credentials: 'include',
        pageOrigin: origin,
        kind: 'websocket',
      },
      {
        url: `${b}/xhr`,
        method: 'GET',
        headers: [],
        credentials: 'include',
        pageOrigin: origin,
        kind: 'xhr',
      },
    ])
    expect(bodies.join('\n')).not.toMatch(/secret-token|hunter2|password/)
    // Nothing went to the third party but the calls themselves: one POST, the browser's own.
    expect(backend.requests.filter((r) => r.url.includes('__sameorigin'))).toEqual([])
    await waitFor(() => expect(warnings).toHaveLength(5))
    expect(backend.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  }, 90_000)

  it('prints the doctor’s own verdict for each, and the project’s fix', async () => {
    const blockOf = (url: string): string | undefined =>
      warnings.find((line) => line.includes(` ${url} from`))
    const routes = resolveConfig({ routes: { '/api': `${backend.url}/v1` } }).routes
    const checked = calls().filter((call) => call.kind !== 'websocket' && call.method === 'GET')
    const reports = await Promise.all(
      checked.map((call) => diagnoseBlockedRequest(toRequestShape(call), { routes })),
    )
    expect(reports.map((report) => report.allowed)).toEqual([false, false, false])
    expect(checked.map((call) => blockOf(call.url))).toEqual(
      checked.map((call, index) => {
        const report = reports[index] as (typeof reports)[number]
        return `[sameorigin] ${formatBlockedCall(call, { kind: 'diagnosed', report })}`
      }),
    )
    expect(blockOf(`${backend.url.replace('http', 'ws')}/live`)).toContain(
      'a WebSocket handshake has no CORS',
    )
    expect(blockOf(`${backend.url}/preflight-only/items`)).toContain(
      'the preflight passed, so the browser sent the POST itself',
    )
    expect(warnings.find((line) => line.includes('/v1/data'))).toContain('call /api/data?x=1 instead')
  }, 60_000)

  it('prints a shape once per server: a reloaded page reports it again, nothing is printed', async () => {
    await page.reload()
    await page.evaluate((url) => fetch(url).catch(() => {}), `${backend.url}/xhr`)
    await page.evaluate(
      (url) => fetch(url, { headers: { 'x-token': 'other' } }).catch(() => {}),
      `${backend.url}/v1/data?x=2`,
    )
    await waitFor(() => expect(bodies).toHaveLength(7))
    await waitFor(() => expect(warnings).toHaveLength(6))
    expect(warnings[5]).toContain(`fetch() GET ${backend.url}/xhr from`)
  }, 60_000)

  it('leaves the wrapped APIs as they were', async () => {
    const facts = await inPage('wrapped')
    const { cors } = facts as { cors: { wrapped: unknown; native: unknown } }
    expect(cors.wrapped).toEqual(cors.native)
    expect(facts).toEqual({
      response: true,
      fetch: [true, 1, 'fetch'],
      xhrEvents: [
        'readystatechange:1',
        'readystatechange:2',
        'readystatechange:3',
        'readystatechange:4',
        'load:4',
        'loadend:4',
      ],
      xhr: true,
      opened: 'open 1',
      eventSource: [1, 'EventSource', 2, true, true],
      sub: true,
      noNew: 'TypeError',
      webSocket: [1, 'WebSocket', 1, true],
      aborted: 'AbortError',
      cors: {
        wrapped: {
          status: 200,
          headers: expect.arrayContaining([['content-type', 'application/json']]),
          body: '{"ok":true}',
        },
        native: expect.anything(),
        isNative: true,
      },
      blocked: {
        wrapped: { error: 'TypeError: Failed to fetch' },
        native: { error: 'TypeError: Failed to fetch' },
        isNative: true,
      },
    })
  }, 60_000)
})
