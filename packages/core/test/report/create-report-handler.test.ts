// The dev server's side, with the doctor's real checks against a real backend: what is refused,
// what is printed (once per shape), and that a request the page may have delivered is never resent.
import { findClosedLoopbackPort } from '@sameorigin/test-utils'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { diagnoseBlockedRequest } from '../../src/doctor/index.ts'
import { createReportHandler } from '../../src/report/create-report-handler.ts'
import type { ReportHandler } from '../../src/report/create-report-handler.ts'
import type { BlockedCall } from '../../src/report/types.ts'
import { startBackend } from './_backends.ts'
import type { Backend } from './_backends.ts'

const PAGE = 'http://127.0.0.1:5173'
let backend: Backend
let handler: ReportHandler
const warnings: string[] = []
const logger = {
  info: () => {},
  warn: (line: string) => warnings.push(line),
  error: (e: unknown) => warnings.push(String(e)),
}

beforeAll(async () => {
  backend = await startBackend()
})
afterAll(() => backend.close())
afterEach(async () => {
  await handler?.close()
  warnings.length = 0
  backend.requests.length = 0
})

function start(routes: Record<string, string> = {}): ReportHandler {
  handler = createReportHandler({
    routes: () => resolveConfig({ routes }).routes,
    logger,
    diagnose: diagnoseBlockedRequest,
  })
  return handler
}

const post = (body: string, headers: Record<string, string> = {}, path = '/__sameorigin/report'): Request =>
  new Request(`${PAGE}${path}`, {
    method: 'POST',
    headers: {
      origin: PAGE,
      'content-type': 'text/plain;charset=UTF-8',
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    body,
  })

const call = (change: Partial<BlockedCall>): string =>
  JSON.stringify({
    kind: 'fetch',
    url: `${backend.url}/data`,
    method: 'GET',
    headers: [],
    credentials: 'same-origin',
    pageOrigin: PAGE,
    ...change,
  })

const printed = (count: number): Promise<void> =>
  vi.waitFor(() => expect(warnings).toHaveLength(count), { timeout: 20_000, interval: 20 })

describe('createReportHandler: what it refuses', () => {
  it('leaves other paths to the host', async () => {
    expect(await start()(post(call({}), {}, '/api/x'))).toBeUndefined()
  })

  it.each<[string, Request, number]>([
    ['a GET', new Request(`${PAGE}/__sameorigin/report`), 405],
    ['no Origin', post('{}', { origin: '' }), 403],
    ['another Origin', post('{}', { origin: 'http://evil.test' }), 403],
    ['a cross-site fetch', post('{}', { 'sec-fetch-site': 'cross-site' }), 403],
    ['a form post', post('{}', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
    ['a body over 8 KiB', post(' '.repeat(8193)), 413],
    ['a body that is not a report', post('{"url":1}'), 400],
  ])('%s', async (_, request, status) => {
    const response = await start()(request)
    expect(response?.status).toBe(status)
    expect(warnings).toEqual([])
  })
})

describe('createReportHandler: what it prints', () => {
  it('a GET: the doctor’s verdict and the project’s fix, once per shape', async () => {
    const report = start({ '/api': `${backend.url}/v1` })
    expect((await report(post(call({ url: `${backend.url}/v1/data?t=1` }))))?.status).toBe(204)
    await printed(1)
    expect((await report(post(call({ url: `${backend.url}/v1/data?t=2` }))))?.status).toBe(204)
    await report(post(call({ url: `${backend.url}/other` })))
    await printed(2)
    expect(warnings[0]).toContain(
      `The browser blocked a call to another origin: fetch() GET ${backend.url}/v1/data?t=1 from ${PAGE}`,
    )
    expect(warnings[0]).toContain('✖ ')
    expect(warnings[0]).toContain(
      `fix: This page calls ${backend.url}/v1/data?t=1 directly; call /api/data?t=1 instead`,
    )
    expect(warnings[1]).toContain(`GET ${backend.url}/other`)
    const verdict = await diagnoseBlockedRequest(
      { url: `${backend.url}/data?t=1`, origin: PAGE },
      { routes: [] },
    )
    for (const reason of verdict.reasons.filter((r) => r.severity === 'block'))
      expect(warnings[0]).toContain(reason.message)
  })

  it('a POST whose preflight passes: the preflight only, the POST never resent', async () => {
    const report = start()
    await report(
      post(
        call({
          url: `${backend.url}/preflight-only/items`,
          method: 'POST',
          headers: [['content-type', 'application/json']],
        }),
      ),
    )
    await printed(1)
    expect(backend.requests).toEqual([{ method: 'OPTIONS', url: '/preflight-only/items' }])
    expect(warnings[0]).toContain('the preflight passed, so the browser sent the POST itself')
    expect(warnings[0]).toContain(
      `sameorigin doctor '${backend.url}/preflight-only/items' --origin '${PAGE}' --method 'POST' --header 'content-type: application/json'`,
    )
    expect(warnings[0]).toContain("fix: Add '/preflight-only'")
  })

  it('a POST that needs no preflight: nothing is sent', async () => {
    await start()(post(call({ method: 'POST', headers: [['content-type', 'text/plain;charset=UTF-8']] })))
    await printed(1)
    expect(backend.requests).toEqual([])
    expect(warnings[0]).toContain('no preflight is needed, so the browser sent the POST itself')
  })

  it('a POST whose preflight fails: the verdict, and the POST never sent', async () => {
    await start()(post(call({ method: 'POST', headers: ['x-token', ['content-type', 'application/json']] })))
    await printed(1)
    expect(backend.requests).toEqual([{ method: 'OPTIONS', url: '/data' }])
    expect(warnings[0]).toMatch(/✖ .*preflight/i)
  })

  it('a websocket: no CORS check, the route to add', async () => {
    await start()(post(call({ kind: 'websocket', url: `${backend.url.replace('http', 'ws')}/live` })))
    await printed(1)
    expect(backend.requests).toEqual([])
    expect(warnings[0]).toContain('a WebSocket handshake has no CORS')
    expect(warnings[0]).toContain(`fix: Add '/live': '${backend.url}'`)
  })

  it('hands each printed block to onReport, with the call and the diagnosis, once per shape', async () => {
    const reported: [BlockedCall, string, string][] = []
    handler = createReportHandler({
      routes: () => [],
      logger,
      diagnose: diagnoseBlockedRequest,
      onReport: (blocked, diagnosis, text) => reported.push([blocked, diagnosis.kind, text]),
    })
    await handler(post(call({ kind: 'websocket', url: `${backend.url.replace('http', 'ws')}/live` })))
    await handler(post(call({ kind: 'websocket', url: `${backend.url.replace('http', 'ws')}/live` })))
    await printed(1)
    await handler.close()
    expect(reported).toEqual([[expect.objectContaining({ kind: 'websocket' }), 'websocket', warnings[0]]])
  })

  it('a backend that does not answer: a network failure, not CORS', async () => {
    const port = await findClosedLoopbackPort()
    await start()(post(call({ url: `http://127.0.0.1:${port}/data` })))
    await printed(1)
    expect(warnings[0]).toContain('the backend does not answer the same request either')
  })
})
