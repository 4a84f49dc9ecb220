// What a dev server answers when its page's browser blocked a call: the doctor's verdict for that
// exact request, asked of a real backend, and the fix in the project's own routes.
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { diagnoseBlockedRequest } from '../../src/doctor/index.ts'
import type { DoctorReport } from '../../src/doctor/index.ts'
import type { RoutesInput } from '../../src/types.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBackend } from './_backend.ts'
import type { Backend } from './_backend.ts'

const PAGE = 'http://localhost:5173'
let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
})
afterAll(() => backend.close())

const routesOf = (routes: RoutesInput) => resolveConfig({ routes }).routes
const codes = (report: DoctorReport): string[] => report.reasons.map((reason) => reason.code)

describe('diagnoseBlockedRequest', () => {
  it("a URL a route already forwards to: call the route's path instead", async () => {
    const report = await diagnoseBlockedRequest(
      { url: `${backend.url}/v1/me?page=2`, origin: PAGE, method: 'GET', credentials: 'same-origin' },
      { routes: routesOf({ '/api': `${backend.url}/v1` }) },
    )
    expect(report.allowed).toBe(false)
    expect(codes(report)).toEqual(['acao-missing'])
    expect(report.fixes[0]).toEqual({
      kind: 'route',
      title: `This page calls ${backend.url}/v1/me?page=2 directly; call /api/me?page=2 instead`,
      lines: [
        `The route /api (routes['/api']) already forwards /api/me?page=2 to ${backend.url}/v1/me?page=2:`,
        "fetch('/api/me?page=2') is same-origin, so no CORS at all.",
      ],
    })
    // Then what the server would have to send, as the command prints it.
    expect(report.fixes.slice(1).map((fix) => fix.kind)).toEqual(['headers'])
    expect(backend.requests.at(-1)).toMatchObject({ method: 'GET', url: '/v1/me?page=2' })
  })

  it('a URL no route forwards to: the route to add, and the path to call', async () => {
    const report = await diagnoseBlockedRequest(
      { url: `${backend.url}/v1/me`, origin: PAGE },
      { routes: routesOf({ '/auth': 'http://127.0.0.1:9' }), configFile: 'sameorigin.config.mjs' },
    )
    expect(codes(report)).toEqual(['acao-missing'])
    expect(report.fixes[0]).toEqual({
      kind: 'route',
      title: `Add '/v1': '${backend.url}' to sameorigin.config.mjs and call /v1/me instead`,
      lines: [
        '// sameorigin.config.mjs',
        `routes: { '/v1': '${backend.url}' }`,
        '',
        "Then call fetch('/v1/me') from the page: same-origin, so no CORS at all.",
      ],
    })
  })

  it('a route on the same backend that does not take the method is not the fix', async () => {
    const report = await diagnoseBlockedRequest(
      {
        url: `${backend.url}/v1/get-only`,
        origin: PAGE,
        method: 'PUT',
        headers: [['Content-Type', 'application/json']],
      },
      { routes: routesOf({ '/api': { target: `${backend.url}/v1`, methods: ['GET'] } }) },
    )
    expect(codes(report)).toContain('method-not-allowed')
    expect(report.request.sent).toBe(false)
    expect(report.fixes[0]?.title).toBe(
      `Add '/v1': '${backend.url}' to sameorigin.config.ts and call /v1/get-only instead`,
    )
  })

  it('says when the prefix to add is already taken by a route to another backend', async () => {
    const report = await diagnoseBlockedRequest(
      { url: `${backend.url}/v1/me`, origin: PAGE },
      { routes: routesOf({ '/v1': 'http://127.0.0.1:9' }) },
    )
    expect(report.fixes[0]?.lines.at(-1)).toBe(
      'The route /v1 already answers /v1: give the new one another prefix and a rewrite.',
    )
  })

  it('after a cross-origin redirect, the route forwards to where the answer comes from', async () => {
    const final = backend.url.replace('127.0.0.1', 'localhost')
    const report = await diagnoseBlockedRequest(
      { url: `${backend.url}/v1/moved`, origin: PAGE },
      { routes: routesOf({ '/api': `${final}/v1` }) },
    )
    expect(codes(report)).toContain('redirect-origin-null')
    expect(report.fixes[0]?.title).toBe(`This page calls ${final}/v1/open directly; call /api/open instead`)
  })

  it('a call the browser allows: the verdict, and no fixes', async () => {
    const report = await diagnoseBlockedRequest(
      { url: `${backend.url}/v1/open`, origin: PAGE },
      { routes: routesOf({ '/api': `${backend.url}/v1` }) },
    )
    expect(report).toMatchObject({ allowed: true, reasons: [], fixes: [] })
  })
})
