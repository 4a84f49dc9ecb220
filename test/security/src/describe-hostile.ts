import type { IncomingMessage, ServerResponse } from 'node:http'
import type { UserConfig } from '@sameorigin/core'
import type { RecordedRequest, Upstream } from '@sameorigin/test-utils'
import { echo, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DevServer, HostName } from './dev-servers.ts'
import { HOST_NAMES, startDevServer } from './dev-servers.ts'
import type { RawAnswer } from './exchange-raw.ts'
import { exchangeRaw, openRaw } from './exchange-raw.ts'
import { hostileRoutes } from './hostile-routes.ts'
import { recordReliabilityRow } from '@sameorigin/test-utils'

/**
 * What the client must get: a status (the first response's), every status of a pipelined exchange in
 * order, `'closed'`: the server closed the connection without answering (and opened no tunnel),
 * `'open'`: the server took the upgrade, left the connection to its host, which kept it open and
 * silent (Vite does this with upgrades nobody claims, with or without sameorigin), or
 * `'unanswered'`: the same on a host whose server cannot be watched (a child process, where
 * `nextUpgrade` rejects), told by order of answers instead: the connection is still open and silent
 * once a request sent after the row's bytes were written has been answered.
 */
export type ExpectedStatus = number | readonly number[] | 'closed' | 'open' | 'unanswered'

/** One hostile request and what must come of it. */
export interface HostileRow {
  /** What the row tries, as a title: `an encoded dot-dot-slash`. */
  readonly name: string
  /**
   * The request, byte for byte: one character per byte (latin1), so `\xff` is the byte 0xFF.
   * `{host}` becomes the dev server's `127.0.0.1:<port>`, `{elsewhere}` the `127.0.0.1:<port>` of an
   * upstream that no route names (it must never see a connection), `{api}` the route's upstream.
   */
  readonly send: string
  readonly status: ExpectedStatus
  /** A host that answers differently, and the status it must give (the row's comment says why). */
  readonly statusOn?: Readonly<Partial<Record<HostName, ExpectedStatus>>>
  /** What the route's upstream must record: nothing, or exactly one request with this target (placeholders as in `send`). */
  readonly upstream: 'nothing' | string
  /** A host whose route upstream records something else, and what (the row's comment says why). */
  readonly upstreamOn?: Readonly<Partial<Record<HostName, 'nothing' | string>>>
  /** Headers that one upstream request must carry (`null`: must not carry); placeholders as in `send`. */
  readonly seen?: Readonly<Record<string, string | null>>
  /** The upstream request must arrive with no trailer fields. */
  readonly noTrailers?: boolean
  /** The hosts this row runs on. @default every host of the table */
  readonly hosts?: readonly HostName[]
}

/** The servers one table block runs against. */
interface Rig {
  server: DevServer
  api: Upstream
  elsewhere: Upstream
  trailers: WeakMap<RecordedRequest, NodeJS.Dict<string>>
}

/**
 * Runs `rows` against each host in a real dev server with `routes` ({@link hostileRoutes} unless
 * given), one test per row.
 * Each test sends the row's bytes on a fresh connection, then a plain `GET /api/health`, and checks:
 * the status; that the route's upstream recorded exactly the row's request (or nothing) and then the
 * health check, so nothing reached an unintended path; that the other upstream saw no connection at
 * all, so nothing reached an unintended host; and that the server still answers. Each row's outcome
 * goes to `.tmp/reliability/hostile.json`, passed or not.
 */
export function describeHostile(
  family: string,
  rows: readonly HostileRow[],
  hosts: readonly HostName[] = HOST_NAMES,
  routes: (api: string) => UserConfig = hostileRoutes,
): void {
  for (const hostName of hosts) {
    describe(`${family} (${hostName})`, () => {
      const rig = {} as Rig
      beforeAll(async () => {
        rig.trailers = new WeakMap()
        const recordTrailers = (
          req: IncomingMessage,
          res: ServerResponse,
          recorded: RecordedRequest,
        ): void => {
          req.once('end', () => rig.trailers.set(recorded, req.trailers))
          echo(req, res, recorded)
        }
        rig.api = await startUpstream({
          handle: recordTrailers,
          websocket: (socket) => socket.on('message', (data) => socket.send(String(data))),
        })
        rig.elsewhere = await startUpstream({ websocket: () => {} })
        rig.server = await startDevServer(hostName, routes(rig.api.url))
      })
      afterAll(async () => {
        await rig.server?.close()
        await rig.api?.close()
        await rig.elsewhere?.close()
      })

      for (const row of rows) {
        if (row.hosts !== undefined && !row.hosts.includes(hostName)) continue
        it(`${row.name}`, async () => {
          const problems = await runRow(rig, row, family)
          expect(problems).toEqual([])
        })
      }
    })
  }
}

async function runRow(rig: Rig, row: HostileRow, family: string): Promise<string[]> {
  const { server, api, elsewhere } = rig
  const fill = (text: string): string =>
    text
      .replaceAll('{host}', `127.0.0.1:${server.port}`)
      .replaceAll('{elsewhere}', `127.0.0.1:${elsewhere.port}`)
      .replaceAll('{api}', `127.0.0.1:${api.port}`)
  const expectedStatus = row.statusOn?.[server.name] ?? row.status
  const expectedUpstream = row.upstreamOn?.[server.name] ?? row.upstream
  const bytes = Buffer.from(fill(row.send), 'latin1')
  const healthCheck = (): Promise<RawAnswer> =>
    exchangeRaw(
      server.port,
      Buffer.from(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`),
    )
  const before = api.requests.length
  const elsewhereBefore = elsewhere.connections
  let answer: RawAnswer
  let health: RawAnswer
  if (expectedStatus === 'open') {
    // Order, not time: once every upgrade listener has run and a later request has been answered,
    // a connection that got nothing back was left open by the host.
    const upgraded = server.nextUpgrade()
    const exchange = openRaw(server.port, bytes)
    await upgraded
    health = await healthCheck()
    answer = await exchange.stop()
  } else if (expectedStatus === 'unanswered') {
    const exchange = openRaw(server.port, bytes)
    await exchange.written
    health = await healthCheck()
    answer = await exchange.stop()
  } else {
    answer = await exchangeRaw(server.port, bytes)
    health = await healthCheck()
  }
  const arrived = api.requests.slice(before)
  const expectedPaths = expectedUpstream === 'nothing' ? ['/health'] : [fill(expectedUpstream), '/health']
  const problems: string[] = []

  if (!statusMatches(expectedStatus, answer)) {
    problems.push(`status: expected ${formatStatus(expectedStatus)}, got ${describeAnswer(answer)}`)
  }
  const paths = arrived.map((request) => request.path)
  // What the row itself caused: everything before the health check.
  const caused = paths.at(-1) === '/health' ? paths.slice(0, -1) : paths
  if (JSON.stringify(paths) !== JSON.stringify(expectedPaths)) {
    problems.push(`upstream saw ${JSON.stringify(paths)}, expected ${JSON.stringify(expectedPaths)}`)
  }
  const hit = expectedUpstream === 'nothing' ? undefined : arrived[0]
  for (const [name, value] of Object.entries(row.seen ?? {})) {
    const actual = hit?.headers[name]
    const wanted = value === null ? undefined : fill(value)
    if (actual !== wanted)
      problems.push(`upstream ${name}: expected ${String(wanted)}, got ${String(actual)}`)
  }
  if (row.noTrailers === true && hit !== undefined) {
    const trailers = rig.trailers.get(hit) ?? {}
    if (Object.keys(trailers).length > 0) problems.push(`upstream got trailers ${JSON.stringify(trailers)}`)
  }
  const strayConnections = elsewhere.connections - elsewhereBefore
  if (strayConnections > 0) problems.push(`the unnamed upstream saw ${strayConnections} connection(s)`)
  if (health.statuses[0] !== 200) problems.push(`the next request got ${describeAnswer(health)}, not 200`)

  const upstreamSeen =
    expectedUpstream === 'nothing' ? 'nothing' : `exactly ${formatPaths([expectedUpstream])}`
  recordReliabilityRow('hostile', {
    host: server.name,
    case: `${family}: ${row.name}`,
    expected: `${formatStatus(expectedStatus)}; upstream sees ${upstreamSeen}`,
    observed:
      `${describeAnswer(answer)}; upstream saw ${formatPaths(caused)}` +
      `; other host: ${strayConnections} connections; next request ${describeAnswer(health)}`,
    pass: problems.length === 0,
    figures: { status: answer.statuses[0] ?? answer.end, upstreamRequests: caused.length },
  })
  return problems
}

function statusMatches(expected: ExpectedStatus, answer: RawAnswer): boolean {
  if (expected === 'closed') return answer.statuses.length === 0 && answer.end !== 'open'
  if (expected === 'open' || expected === 'unanswered')
    return answer.statuses.length === 0 && answer.end === 'open'
  if (answer.end === 'open') return false
  if (typeof expected === 'number') return answer.statuses[0] === expected
  return JSON.stringify(answer.statuses) === JSON.stringify(expected)
}

function formatStatus(status: ExpectedStatus): string {
  if (status === 'closed') return 'connection closed, no answer'
  if (status === 'open') return 'connection left open by the host, no answer'
  if (status === 'unanswered') return 'connection open and silent after a later request was answered'
  return typeof status === 'number' ? String(status) : status.join(' then ')
}

function describeAnswer(answer: RawAnswer): string {
  if (answer.statuses.length === 0) {
    return answer.end === 'open' ? 'no answer, connection left open' : `no answer, connection ${answer.end}`
  }
  const statuses = answer.statuses.join(' then ')
  return answer.end === 'open' ? `${statuses}, connection left open` : statuses
}

function formatPaths(paths: readonly string[]): string {
  if (paths.length === 0) return 'nothing'
  return paths
    .map((path) => (path.length > 60 ? `${path.slice(0, 40)}… (${path.length} chars)` : path))
    .join(', ')
}
