import type { ClientHttp2Session } from 'node:http2'
import type { Tap, TapRequest } from '@sameorigin/test-utils'
import { recordReliabilityRow, startTap } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { DevServer, HostName } from './dev-servers.ts'
import { HOST_NAMES, startDevServer } from './dev-servers.ts'
import type { Http2Answer, Http2Send } from '@sameorigin/test-utils'
import { exchangeHttp2, openHttp2 } from '@sameorigin/test-utils'
import { hostileRoutes } from './hostile-routes.ts'

/** What the client must get: a status, `'reset'` (the server reset the stream), or either of several. */
export type Http2Expected = number | 'reset' | readonly (number | 'reset')[]

/** One hostile HTTP/2 request and what must come of it. */
export interface Http2HostileRow {
  readonly name: string
  readonly send: Http2Send
  readonly status: Http2Expected
  /** A host that answers differently, and what it must give (the row's comment says why). */
  readonly statusOn?: Readonly<Partial<Record<HostName, Http2Expected>>>
  /** What the upstream must read off the wire: no complete request, or exactly this one. */
  readonly upstream: Http2Upstream
  /** A host whose upstream reads something else, and what (the row's comment says why). */
  readonly upstreamOn?: Readonly<Partial<Record<HostName, Http2Upstream>>>
  /**
   * Hosts that may end the whole session (GOAWAY) rather than the row's stream (the row's comment
   * says why), possibly just after answering it: the health check runs on a new session there. On
   * any other host an ended session fails the row.
   */
  readonly sessionEndsOn?: readonly HostName[]
}

/** No complete request, or exactly this one. */
export type Http2Upstream = 'nothing' | (Pick<TapRequest, 'target' | 'framing'> & { readonly body: string })

function matches(expected: Http2Expected, answer: Http2Answer): boolean {
  const got = 'reset' in answer ? 'reset' : answer.status
  return typeof expected === 'object' ? expected.includes(got) : expected === got
}

const describeAnswer = (answer: Http2Answer): string =>
  'reset' in answer ? answer.reset : String(answer.status)

/**
 * Runs `rows` over HTTP/2 (TLS) against each host, with a raw TCP tap as the routes' upstream
 * ({@link hostileRoutes}): the tap reads what the proxy wrote with its own strict parser, so a body
 * forwarded without framing shows as a second request or as bytes after the last one. Each row runs
 * on a fresh session, followed by `GET /v1/health`; it passes when the client got the expected
 * answer, the tap read exactly the expected request (or none) and then the health check, and nothing
 * else is on any open upstream connection.
 */
export function describeHttp2Hostile(
  family: string,
  rows: readonly Http2HostileRow[],
  hosts: readonly HostName[] = HOST_NAMES,
): void {
  for (const hostName of hosts) {
    describe(`${family} (${hostName}, HTTP/2)`, () => {
      let tap: Tap
      let server: DevServer
      beforeAll(async () => {
        tap = await startTap()
        server = await startDevServer(hostName, hostileRoutes(tap.url), { http2: true })
      })
      afterAll(async () => {
        await server?.close()
        await tap?.close()
      })
      for (const row of rows) {
        it(`${row.name}`, async () => {
          tap.reset()
          const sessions: ClientHttp2Session[] = []
          const open = async (): Promise<ClientHttp2Session> => {
            const session = await openHttp2(server.url)
            sessions.push(session)
            return session
          }
          onTestFinished(() => {
            for (const session of sessions) session.close()
          })
          const problems = await runRow(hostName, tap, open, row, family)
          expect(problems).toEqual([])
        })
      }
    })
  }
}

async function runRow(
  host: HostName,
  tap: Tap,
  open: () => Promise<ClientHttp2Session>,
  row: Http2HostileRow,
  family: string,
): Promise<string[]> {
  const status = row.statusOn?.[host] ?? row.status
  const upstream = row.upstreamOn?.[host] ?? row.upstream
  const session = await open()
  const answer = await exchangeHttp2(session, row.send)
  const mayEnd = row.sessionEndsOn?.includes(host) === true
  const ended = session.destroyed || session.closed
  const health = await exchangeHttp2(mayEnd ? await open() : session, { method: 'GET', path: '/v1/health' })
  const problems = await tap.settledProblems()
  if (ended && !mayEnd) problems.push('the server ended the whole session')
  const seen = tap.requests.map((request) => ({
    target: request.target,
    framing: request.framing,
    body: request.body.toString('latin1'),
  }))
  const expected = [
    ...(upstream === 'nothing' ? [] : [upstream]),
    { target: '/base/health', framing: 'none', body: '' },
  ]
  if (!matches(status, answer)) {
    problems.push(`answer: expected ${JSON.stringify(status)}, got ${describeAnswer(answer)}`)
  }
  if (JSON.stringify(seen) !== JSON.stringify(expected)) {
    problems.push(`upstream read ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`)
  }
  if ('reset' in health || health.status !== 200)
    problems.push(`the next request got ${describeAnswer(health)}`)
  recordReliabilityRow('hostile', {
    host: `${host} (HTTP/2)`,
    case: `${family}: ${row.name}`,
    expected: `${JSON.stringify(status)}; upstream reads ${upstream === 'nothing' ? 'nothing' : `exactly ${upstream.target} (${upstream.framing})`}`,
    observed: `${describeAnswer(answer)}; upstream read ${seen.length - 1} request(s) before the health check`,
    pass: problems.length === 0,
    figures: { upstreamRequests: seen.length - 1 },
  })
  return problems
}
