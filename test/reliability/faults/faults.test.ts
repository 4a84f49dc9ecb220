// The fault suite: every way an upstream (or the browser) can break an exchange, against the engine
// alone and inside Vite and webpack-dev-server. Each fault has its own route and upstream; after each,
// the same host must answer a normal request, and every socket the case opened, on both sides of the
// proxy, must close again. Results: .tmp/reliability/faults.json (README.md).
import type { RouteOptions, UserConfig } from '@sameorigin/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StartedHost } from '../../conformance/src/types.ts'
import { countOpenSockets, waitForSockets } from '../src/count-sockets.ts'
import type { FaultUpstream } from '../src/fault-upstream.ts'
import { httpUpstream } from '../src/fault-upstream.ts'
import { HOST_FIXTURE, selectReliabilityHosts } from '../src/hosts.ts'
import { send } from '../src/http-client.ts'
import type { ReliabilityRow } from '@sameorigin/test-utils'
import { writeReliabilityResults } from '@sameorigin/test-utils'
import { Trace } from '../src/trace.ts'
import type { Fault, Observation } from './fault.ts'
import { FAULTS } from './table/index.ts'

const COMMAND = 'pnpm vitest run --project reliability'
/** What every fault must also satisfy, after its own expectation. */
const AFTERWARDS = 'next request 200; sockets back to baseline'

const rows: ReliabilityRow[] = []
afterAll(() => {
  writeReliabilityResults('faults', COMMAND, rows)
})

/** The routes of one host: `/<id>` per fault, and `/ok` for the request that shows the host still serves. */
function toConfig(upstreams: ReadonlyMap<string, FaultUpstream>, ok: string): UserConfig {
  const routes: Record<string, RouteOptions & { target: string }> = { '/ok': { target: ok } }
  for (const fault of FAULTS) {
    const target = upstreams.get(fault.id)?.target
    if (target === undefined) throw new Error(`no upstream for ${fault.id}`)
    routes[`/${fault.id}`] = fault.timeout === undefined ? { target } : { target, timeout: fault.timeout }
  }
  return { routes }
}

const hosts = selectReliabilityHosts().map((entry) => [entry.name, entry.host] as const)
const faults = FAULTS.map((fault) => [fault.name, fault] as const)

describe.each(hosts)('faults [%s]', (hostName, host) => {
  const trace = new Trace()
  const upstreams = new Map<string, FaultUpstream>()
  let healthy: FaultUpstream | undefined
  let app: StartedHost | undefined

  beforeAll(async () => {
    healthy = await httpUpstream((_req, res) => res.end('ok'))(trace)
    for (const fault of FAULTS) upstreams.set(fault.id, await fault.upstream(trace))
    app = await host.start(HOST_FIXTURE, toConfig(upstreams, healthy.target), {
      websockets: true,
      http2: false,
    })
  }, 120_000)

  afterAll(async () => {
    trace.reset()
    await app?.close()
    await Promise.all([...upstreams.values(), healthy].map((upstream) => upstream?.close()))
  })

  it.each(faults)('%s', async (_title, fault: Fault) => {
    if (app === undefined || healthy === undefined) throw new Error(`${hostName} did not start`)
    const ok = healthy
    const upstream = upstreams.get(fault.id)
    // Upstream connections that carry no request are closed, as the upstream's keepAliveTimeout
    // would close them: the proxy's pool must let them go. One the proxy never finished stays open,
    // at the upstream and in this process: that is the leak this check is for.
    const upstreamOpen = (): number => {
      upstream?.closeIdle()
      ok.closeIdle()
      return (upstream?.openConnections() ?? 0) + ok.openConnections()
    }
    trace.reset()
    const before = countOpenSockets()
    const acceptedBefore = upstream?.connections() ?? 0
    // What the case opened to its upstream, all of which must be closed again.
    const opened = (): number => (upstream?.connections() ?? 0) - acceptedBefore
    let observation: Observation | undefined
    let failure: unknown
    try {
      observation = await fault.verify(await fault.client(`${app.url}/${fault.id}`, trace), trace)
    } catch (error) {
      failure = error
    }
    // Whatever the fault did, the host must serve the next request and let go of every socket.
    const after = await send(`${app.url}/ok/after-${fault.id}`)
    const settle = await waitForSockets(before, upstreamOpen)
    const open = upstreamOpen()
    const sockets = `sockets ${before}→${settle.after} (${opened()} upstream connections opened, ${open} open)`
    const next = `next request ${after.status ?? after.error}`
    const problem = failure instanceof Error ? failure.message.split('\n')[0] : failure
    rows.push({
      host: hostName,
      case: fault.name,
      expected: `${fault.expected}; ${AFTERWARDS}`,
      observed: [observation?.observed ?? String(problem), next, sockets].join('; '),
      pass: failure === undefined && after.status === 200 && settle.settled,
      figures: {
        ...observation?.figures,
        socketsBefore: before,
        socketsAfter: settle.after,
        upstreamConnections: opened(),
      },
    })
    if (failure !== undefined) throw failure
    expect(after.status, `the request after the fault (${after.error})`).toBe(200)
    expect(settle.settled, `sockets did not return to the baseline: ${sockets}`).toBe(true)
  })
})
