import type { Http2Send, Upstream } from '@sameorigin/test-utils'
import { exchangeHttp2, openHttp2, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { DevServer } from './dev-servers.ts'
import { HOST_NAMES, startDevServer } from './dev-servers.ts'
import { checkMockRow, takeBefore } from './describe-mock-hostile.ts'
import type { MockSandbox } from './mock-sandbox.ts'
import { createMockSandbox } from './mock-sandbox.ts'

/** One hostile HTTP/2 request to a mocked route. */
export interface Http2MockHostileRow {
  readonly name: string
  readonly send: Http2Send
  readonly mode: 'always' | 'record'
  /** Statuses (or `'reset'`) the client may get. */
  readonly statuses: readonly (number | 'reset')[]
}

/**
 * `describeMockHostile` over HTTP/2 (TLS): the same sandbox, routes and invariants, each row on a
 * fresh session with its HEADERS and DATA frames as given.
 */
export function describeHttp2MockHostile(family: string, rows: readonly Http2MockHostileRow[]): void {
  for (const hostName of HOST_NAMES) {
    describe(`${family} (${hostName}, HTTP/2)`, () => {
      let sandbox: MockSandbox
      let upstream: Upstream
      let server: DevServer
      beforeAll(async () => {
        sandbox = createMockSandbox()
        upstream = await startUpstream()
        server = await startDevServer(hostName, sandbox.routes(upstream.url), { http2: true })
      })
      afterAll(async () => {
        await server?.close()
        await upstream?.close()
        sandbox?.remove()
      })
      for (const row of rows) {
        it(`${row.name}`, async () => {
          const rig = { sandbox, upstream, server }
          const before = takeBefore(rig)
          const session = await openHttp2(server.url)
          onTestFinished(() => {
            session.close()
          })
          const answer = await exchangeHttp2(session, row.send)
          const status: number | 'reset' = 'reset' in answer ? 'reset' : answer.status
          const text = 'reset' in answer ? '' : answer.body
          const health = async (): Promise<{ status: number | undefined; text: string }> => {
            const next = await exchangeHttp2(session, { method: 'GET', path: '/api/inside' })
            return 'reset' in next
              ? { status: undefined, text: '' }
              : { status: next.status, text: next.body }
          }
          const got = { status, text, got: String(status) }
          const problems = await checkMockRow(rig, row, `${family} (HTTP/2)`, before, got, health)
          expect(problems).toEqual([])
        })
      }
    })
  }
}
