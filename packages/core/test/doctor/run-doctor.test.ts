// `@sameorigin/core/doctor` end to end: a real backend on 127.0.0.1, asked as a browser at a page's
// origin would ask it, one verdict kind per case.
import { isProxyError } from '../../src/errors/proxy-error.ts'
import { runDoctor } from '../../src/doctor/index.ts'
import type { DoctorRun } from '../../src/doctor/index.ts'
import { startSilentServer } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBackend } from './_backend.ts'
import type { Backend } from './_backend.ts'

const PAGE = 'http://localhost:5173'
let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
})
afterAll(() => backend.close())

const verdict = (run: DoctorRun): string[] => [
  run.allowed ? 'allow' : 'block',
  ...run.reasons.map((reason) => `${reason.severity}:${reason.code}`),
]

describe('runDoctor', () => {
  it('allows a response that allows the page, and sends Origin as a browser does', async () => {
    const run = await runDoctor({ url: `${backend.url}/v1/open`, origin: PAGE })
    expect(verdict(run)).toEqual(['allow'])
    expect(run.preflight).toBeNull()
    expect(run.request).toMatchObject({ sent: true, status: 200, readableHeaders: expect.any(Array) })
    expect(backend.requests.at(-1)?.headers.origin).toBe(PAGE)
  })

  it('blocks a response without Access-Control-Allow-Origin', async () => {
    const run = await runDoctor({ url: `${backend.url}/v1/me`, origin: PAGE })
    expect(verdict(run)).toEqual(['block', 'block:acao-missing'])
  })

  it('sees a header sent twice as two headers (raw node:http), as the browser does', async () => {
    const run = await runDoctor({ url: `${backend.url}/v1/two-acao`, origin: PAGE })
    expect(verdict(run)).toEqual(['block', 'block:acao-multiple'])
    const names = run.request.responseHeaders?.map(([name]) => name.toLowerCase())
    expect(names?.filter((name) => name === 'access-control-allow-origin')).toHaveLength(2)
  })

  it('warns about a missing Vary: Origin, and about headers the page cannot read', async () => {
    expect(verdict(await runDoctor({ url: `${backend.url}/v1/no-vary`, origin: PAGE }))).toEqual([
      'allow',
      'warn:vary-missing',
    ])
    const hidden = await runDoctor({ url: `${backend.url}/v1/hidden`, origin: PAGE })
    expect(verdict(hidden)).toEqual(['allow', 'warn:expose-hidden'])
    expect(hidden.facts.hiddenHeaders).toEqual(['X-Total-Count'])
  })

  it('sends the preflight first, and not the request when the preflight refuses it', async () => {
    const before = backend.requests.length
    const run = await runDoctor({
      url: `${backend.url}/v1/get-only`,
      origin: PAGE,
      method: 'PUT',
      headers: [['Content-Type', 'application/json']],
    })
    expect(verdict(run)).toContain('block:method-not-allowed')
    expect(run.preflight).toMatchObject({ sent: true, status: 204 })
    expect(backend.requests.slice(before).map((request) => request.method)).toEqual(['OPTIONS'])
    expect(backend.requests.at(-1)?.headers['access-control-request-method']).toBe('PUT')
    expect(run.request.sent).toBe(false)
  })

  it('follows a cross-origin redirect: Origin becomes null on the next hop', async () => {
    const run = await runDoctor({ url: `${backend.url}/v1/moved`, origin: PAGE })
    expect(run.facts.redirects).toHaveLength(1)
    expect(verdict(run)).toContain('warn:redirect-origin-null')
    expect(backend.requests.at(-1)?.headers.origin).toBe('null')
  })

  it('blocks mixed content before anything is sent', async () => {
    const run = await runDoctor({ url: 'http://api.sameorigin.test/v1/me', origin: 'https://localhost:5173' })
    expect(verdict(run)).toEqual(['block', 'block:mixed-content'])
    expect(run.request.exchanges).toEqual([])
  })

  it('asks for the permission of Local Network Access from a public page to loopback', async () => {
    const run = await runDoctor({ url: `${backend.url}/v1/open`, origin: 'https://app.sameorigin.test' })
    expect(verdict(run)).toEqual(['allow', 'warn:local-network-permission'])
    const insecure = await runDoctor({ url: `${backend.url}/v1/open`, origin: 'http://app.sameorigin.test' })
    expect(verdict(insecure)).toEqual(['block', 'block:local-network-insecure'])
  })

  it('same-origin: nothing is checked, nothing is sent', async () => {
    const before = backend.requests.length
    const run = await runDoctor({ url: `${backend.url}/v1/me`, origin: backend.url })
    expect(verdict(run)).toEqual(['allow'])
    expect(run.request.sameOrigin).toBe(true)
    expect(backend.requests.length).toBe(before)
  })

  it('a backend that never answers: ERR_CLI_REQUEST_FAILED after the timeout', async () => {
    const port = await startSilentServer()
    const error = await runDoctor(
      { url: `http://127.0.0.1:${port}/v1/me`, origin: PAGE },
      { timeoutMs: 200 },
    ).catch((caught: unknown) => caught)
    expect(isProxyError(error) && error.code).toBe('ERR_CLI_REQUEST_FAILED')
  })
})
