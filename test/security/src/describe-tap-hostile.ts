import type { Tap } from '@sameorigin/test-utils'
import { recordReliabilityRow, startTap } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExpectedStatus } from './describe-hostile.ts'
import type { Http2Upstream } from './describe-http2-hostile.ts'
import type { DevServer, HostName } from './dev-servers.ts'
import { HOST_NAMES, startDevServer } from './dev-servers.ts'
import type { RawAnswer } from './exchange-raw.ts'
import { exchangeRaw } from './exchange-raw.ts'
import { hostileRoutes } from './hostile-routes.ts'

/** One hostile HTTP/1.1 request whose framing upstream is the point, and what must come of it. */
export interface TapHostileRow {
  readonly name: string
  /** The request, byte for byte (latin1); `{host}` becomes the dev server's `127.0.0.1:<port>`. */
  readonly send: string
  /** The first response's status, every status of a pipelined exchange, or `'closed'`. */
  readonly status: Exclude<ExpectedStatus, 'open' | 'unanswered'>
  /** A host that answers differently, and what it must give (the row's comment says why). */
  readonly statusOn?: Readonly<Partial<Record<HostName, TapHostileRow['status']>>>
  /** What the upstream must read off the wire: no complete request, or exactly this one. */
  readonly upstream: Http2Upstream
  /** A host whose upstream reads something else, and what (the row's comment says why). */
  readonly upstreamOn?: Readonly<Partial<Record<HostName, Http2Upstream>>>
}

function statusMatches(expected: TapHostileRow['status'], answer: RawAnswer): boolean {
  if (expected === 'closed') return answer.statuses.length === 0 && answer.end !== 'open'
  if (answer.end === 'open') return false
  if (typeof expected === 'number') return answer.statuses[0] === expected
  return JSON.stringify(answer.statuses) === JSON.stringify(expected)
}

const describeAnswer = (answer: RawAnswer): string =>
  answer.statuses.length === 0 ? `no answer, connection ${answer.end}` : answer.statuses.join(' then ')

/**
 * Runs HTTP/1.1 `rows` against each host with a raw TCP tap as the routes' upstream
 * ({@link hostileRoutes}): the tap reads what the proxy wrote with its own strict parser, so a body
 * forwarded without framing shows as a second request or as bytes after the last one, where an HTTP
 * server upstream would read it the same lenient way as the proxy. Each row's bytes go out on a fresh
 * connection, then `GET /v1/health`; a row passes when the client got the expected status, the tap
 * read exactly the expected request (or none) and then the health check, nothing else is on any open
 * upstream connection, and the server still answers.
 */
export function describeTapHostile(
  family: string,
  rows: readonly TapHostileRow[],
  hosts: readonly HostName[] = HOST_NAMES,
): void {
  for (const hostName of hosts) {
    describe(`${family} (${hostName})`, () => {
      let tap: Tap
      let server: DevServer
      beforeAll(async () => {
        tap = await startTap()
        server = await startDevServer(hostName, hostileRoutes(tap.url))
      })
      afterAll(async () => {
        await server?.close()
        await tap?.close()
      })
      for (const row of rows) {
        it(`${row.name}`, async () => {
          tap.reset()
          expect(await runRow(server, tap, row, family)).toEqual([])
        })
      }
    })
  }
}

async function runRow(server: DevServer, tap: Tap, row: TapHostileRow, family: string): Promise<string[]> {
  const status = row.statusOn?.[server.name] ?? row.status
  const upstream = row.upstreamOn?.[server.name] ?? row.upstream
  const host = `127.0.0.1:${server.port}`
  const answer = await exchangeRaw(server.port, Buffer.from(row.send.replaceAll('{host}', host), 'latin1'))
  const health = await exchangeRaw(
    server.port,
    Buffer.from(`GET /v1/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
  )
  const problems = await tap.settledProblems()
  const seen = tap.requests.map((request) => ({
    target: request.target,
    framing: request.framing,
    body: request.body.toString('latin1'),
  }))
  const expected = [
    ...(upstream === 'nothing' ? [] : [upstream]),
    { target: '/base/health', framing: 'none', body: '' },
  ]
  if (!statusMatches(status, answer)) {
    problems.push(`status: expected ${JSON.stringify(status)}, got ${describeAnswer(answer)}`)
  }
  if (JSON.stringify(seen) !== JSON.stringify(expected)) {
    problems.push(`upstream read ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`)
  }
  if (health.statuses[0] !== 200) problems.push(`the next request got ${describeAnswer(health)}`)
  recordReliabilityRow('hostile', {
    host: server.name,
    case: `${family}: ${row.name}`,
    expected: `${JSON.stringify(status)}; upstream reads ${upstream === 'nothing' ? 'nothing' : `exactly ${upstream.target} (${upstream.framing})`}`,
    observed: `${describeAnswer(answer)}; upstream read ${seen.length - 1} request(s) before the health check`,
    pass: problems.length === 0,
    figures: { upstreamRequests: seen.length - 1 },
  })
  return problems
}
