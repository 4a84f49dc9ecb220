import type { Upstream } from '@sameorigin/test-utils'
import { recordReliabilityRow, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DevServer, HostName } from './dev-servers.ts'
import { HOST_NAMES, startDevServer } from './dev-servers.ts'
import { exchangeRaw } from './exchange-raw.ts'
import type { MockSandbox } from './mock-sandbox.ts'
import { INSIDE, OUTSIDE, createMockSandbox } from './mock-sandbox.ts'

/** One hostile request to a mocked route, and what must come of it. */
export interface MockHostileRow {
  readonly name: string
  /** Raw request bytes (`{host}` filled in), as in the other hostile tables. */
  readonly send: string
  /** `always`: the `/api` route (never contacts the backend); `record`: the `/rec` route. */
  readonly mode: 'always' | 'record'
  /** Statuses the client may get (hosts parse some targets differently; the invariants are the point). */
  readonly statuses: readonly number[]
  /** The answer must carry the mock folder's own file (a control row). */
  readonly inside?: boolean
}

const RECORD_LINE = /recorded|could not record/

/**
 * Runs `rows` against each host with two mocked routes over one mock folder in a sandbox
 * (`createMockSandbox`): `/api` in `'always'` mode, `/rec` in `'record'` mode, both naming an echo
 * upstream. Each row passes when the status is one of those allowed; no answer carries a file from
 * outside the mock folder; the files outside the mock folder are exactly as before (nothing read
 * through a link was written, nothing written outside); every recording the row caused was made
 * (counted from the `debug` lines, so no wait on time) and sits inside the folder; the upstream saw
 * nothing for an `'always'` row; and the server still answers.
 */
export function describeMockHostile(
  family: string,
  rows: readonly MockHostileRow[],
  hosts: readonly HostName[] = HOST_NAMES,
): void {
  for (const hostName of hosts) {
    describe(`${family} (${hostName})`, () => {
      let sandbox: MockSandbox
      let upstream: Upstream
      let server: DevServer
      beforeAll(async () => {
        sandbox = createMockSandbox()
        upstream = await startUpstream()
        server = await startDevServer(hostName, sandbox.routes(upstream.url))
      })
      afterAll(async () => {
        await server?.close()
        await upstream?.close()
        sandbox?.remove()
      })
      for (const row of rows) {
        it(`${row.name}`, async () => {
          const problems = await runRow({ sandbox, upstream, server }, row, family)
          expect(problems).toEqual([])
        })
      }
    })
  }
}

async function runRow(rig: MockRig, row: MockHostileRow, family: string): Promise<string[]> {
  const { server } = rig
  const before = takeBefore(rig)
  const bytes = Buffer.from(row.send.replaceAll('{host}', `127.0.0.1:${server.port}`), 'latin1')
  const answer = await exchangeRaw(server.port, bytes)
  const status = answer.statuses[0]
  const got = answer.statuses.join(' then ') || answer.end
  return checkMockRow(rig, row, family, before, { status, text: answer.text, got })
}

/** The servers of one mock table, shared by the HTTP/1.1 and HTTP/2 runners. */
export interface MockRig {
  readonly sandbox: MockSandbox
  readonly upstream: Upstream
  readonly server: DevServer
}

/** What a row's checks compare with: the state before it was sent. */
export interface MockRowBefore {
  readonly outside: string
  readonly seen: number
  readonly lines: number
}

export function takeBefore(rig: MockRig): MockRowBefore {
  return {
    outside: rig.sandbox.snapshotOutside(),
    seen: rig.upstream.requests.length,
    lines: countRecordLines(rig.server),
  }
}

/**
 * The invariants of a mock row once its answer is in (see `describeMockHostile`), recorded as a
 * reliability row; the problems found, none when it passed.
 */
export async function checkMockRow(
  rig: MockRig,
  row: {
    readonly name: string
    readonly mode: 'always' | 'record'
    readonly statuses: readonly (number | 'reset')[]
    readonly inside?: boolean
  },
  family: string,
  before: MockRowBefore,
  answer: { readonly status: number | 'reset' | undefined; readonly text: string; readonly got: string },
  healthCheck: () => Promise<{ readonly status: number | undefined; readonly text: string }> = () =>
    healthOverHttp1(rig.server),
): Promise<string[]> {
  const { sandbox, upstream, server } = rig
  const forwarded = upstream.requests.slice(before.seen)
  // Every request the record route forwarded ends in one line: recorded, not recorded, or a failure.
  if (row.mode === 'record') await waitFor(() => countRecordLines(server) - before.lines >= forwarded.length)
  const health = await healthCheck()
  const problems: string[] = []
  const { status } = answer
  if (status === undefined || !row.statuses.includes(status))
    problems.push(`status: expected one of ${row.statuses.join(', ')}, got ${answer.got}`)
  if (answer.text.includes(OUTSIDE)) problems.push('the answer carries a file from outside the mock folder')
  if (row.inside === true && !answer.text.includes(INSIDE))
    problems.push("the answer is not the mock folder's own file")
  if (sandbox.snapshotOutside() !== before.outside) problems.push('files outside the mock folder changed')
  // Whole `..` segments or separators other than `/` in a name would be a write that climbed.
  const strays = sandbox
    .listInside()
    .filter((entry) => entry.split(/[/ ]/).some((part) => part === '..' || part.includes('\\')))
  if (strays.length > 0) problems.push(`odd entries in the mock folder: ${strays.join(', ')}`)
  if (row.mode === 'always' && forwarded.length > 0)
    problems.push(`the backend saw ${forwarded.map((request) => request.path).join(', ')} in 'always' mode`)
  if (health.status !== 200 || !health.text.includes(INSIDE))
    problems.push(`the next request got ${health.status}`)
  recordReliabilityRow('hostile', {
    host: server.name,
    case: `${family}: ${row.name}`,
    expected: `one of ${row.statuses.join('/')}; nothing read or written outside the mock folder${row.mode === 'always' ? '; backend never contacted' : ''}`,
    observed: `${answer.got}; backend saw ${forwarded.length}; next request ${health.status}`,
    pass: problems.length === 0,
    figures: { status: typeof status === 'number' ? status : 0, upstreamRequests: forwarded.length },
  })
  return problems
}

/** `GET /api/inside` on a fresh HTTP/1.1 connection: the mock folder's own file, status 200. */
async function healthOverHttp1(server: DevServer): Promise<{ status: number | undefined; text: string }> {
  const request = `GET /api/inside HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`
  const answer = await exchangeRaw(server.port, Buffer.from(request))
  return { status: answer.statuses[0], text: answer.text }
}

/** Lines that end a recording: `recorded`, `not recorded: …` or `could not record`. */
function countRecordLines(server: DevServer): number {
  return server.logs.filter((line) => RECORD_LINE.test(line.message)).length
}

/** Waits until `check` holds (a generous bound against hangs, not a timing assertion). */
async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
