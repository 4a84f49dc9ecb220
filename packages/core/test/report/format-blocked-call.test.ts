import { describe, expect, it } from 'vitest'
import type { DoctorReport } from '../../src/doctor/index.ts'
import { formatBlockedCall, toDoctorCommand } from '../../src/report/format-blocked-call.ts'
import type { BlockedCall } from '../../src/report/types.ts'

const call: BlockedCall = {
  kind: 'fetch',
  url: 'http://127.0.0.1:8080/v1/me',
  method: 'GET',
  headers: [],
  credentials: 'include',
  pageOrigin: 'http://localhost:5173',
}
const fix = {
  kind: 'route',
  title: "Add '/v1': 'http://127.0.0.1:8080' to sameorigin.config.ts and call /v1/me instead",
  lines: ['// sameorigin.config.ts', '', "routes: { '/v1': 'http://127.0.0.1:8080' }"],
} as const
const headersFix = {
  kind: 'headers',
  title: 'Or fix the server: send these headers',
  lines: ['Access-Control-Allow-Origin: http://localhost:5173'],
} as const

const report = (allowed: boolean): DoctorReport =>
  ({
    allowed,
    preflight: null,
    request: { status: 200 },
    reasons: [
      {
        code: 'acao-missing',
        severity: 'block',
        message: 'The response has no Access-Control-Allow-Origin header.',
        standard: '',
      },
      { code: 'vary-missing', severity: 'warn', message: 'No Vary: Origin.', standard: '' },
    ],
    fixes: [fix, headersFix],
  }) as unknown as DoctorReport

describe('formatBlockedCall', () => {
  it('a verdict: what, the blocking reasons (not the warnings), the project fix, then the next one', () => {
    expect(formatBlockedCall(call, { kind: 'diagnosed', report: report(false) })).toBe(
      [
        'The browser blocked a call to another origin: fetch() GET http://127.0.0.1:8080/v1/me from http://localhost:5173, with credentials',
        '  why:',
        '    ✖ The response has no Access-Control-Allow-Origin header.',
        "  fix: Add '/v1': 'http://127.0.0.1:8080' to sameorigin.config.ts and call /v1/me instead",
        '    // sameorigin.config.ts',
        '',
        "    routes: { '/v1': 'http://127.0.0.1:8080' }",
        '  Or fix the server: send these headers',
        '    Access-Control-Allow-Origin: http://localhost:5173',
      ].join('\n'),
    )
  })

  it('a request that passes now', () => {
    expect(formatBlockedCall(call, { kind: 'diagnosed', report: report(true) })).toContain(
      '  why: the same request passes the checks now (status 200):\n    the backend was down then',
    )
  })

  it('a request not sent again: the command to run by hand', () => {
    const post = {
      ...call,
      kind: 'xhr',
      method: 'PUT',
      headers: ['x-token', ['content-type', 'application/json']],
    } as const
    const text = formatBlockedCall(post, { kind: 'not-resent', preflight: 'passed', fix })
    expect(text.split('\n').slice(0, 5)).toEqual([
      'The browser blocked a call to another origin: XMLHttpRequest PUT http://127.0.0.1:8080/v1/me from http://localhost:5173, with credentials',
      '  why: the preflight passed, so the browser sent the PUT itself: it may have reached the backend, and the answer was',
      '    blocked (most often: no Access-Control-Allow-Origin). It is not sent a second time from here;',
      '    to check the answer, run by hand (this sends the request):',
      "    sameorigin doctor 'http://127.0.0.1:8080/v1/me' --origin 'http://localhost:5173' --method 'PUT' --header 'x-token' --header 'content-type: application/json' --credentials",
    ])
    expect(text).toContain(`  fix: ${fix.title}`)
  })

  it('a websocket and a backend that does not answer', () => {
    const ws = { ...call, kind: 'websocket', url: 'ws://127.0.0.1:8080/live', credentials: 'omit' } as const
    expect(formatBlockedCall(ws, { kind: 'websocket', fix })).toMatch(
      /^The browser blocked a call to another origin: WebSocket GET ws:\/\/127.0.0.1:8080\/live from http:\/\/localhost:5173\n {2}why: a WebSocket handshake has no CORS/,
    )
    expect(formatBlockedCall(call, { kind: 'no-answer', message: 'connect ECONNREFUSED', fix })).toContain(
      'why: the backend does not answer the same request either (connect ECONNREFUSED):',
    )
  })

  it('quotes hostile values in the command', () => {
    expect(toDoctorCommand({ ...call, url: "http://a.test/x'$(id)", credentials: 'omit' })).toBe(
      "sameorigin doctor $'http://a.test/x\\'$(id)' --origin 'http://localhost:5173'",
    )
  })
})
