// Load and soak: 100 000 requests at 100 concurrent keep-alive connections through core's
// stand-alone server, with the upstream and the load generator (autocannon) in processes of their
// own. A proxy that leaks a socket, a listener or a buffer per request shows it here long before a
// developer notices their dev server getting slow: resident memory and open descriptors of the proxy
// process are read from /proc every 250 ms while every connection is open, and the first and last
// quarter of those readings must agree within 10%. Every request must succeed (2xx, no error, no
// timeout). Speed is reported, never asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sample } from './src/sample-process.ts'
import { mean, quarters, readSample } from './src/sample-process.ts'
import { runLoad } from './src/run-load.ts'
import { recordReliabilityRow } from '@sameorigin/test-utils'
import { toMiB } from './src/to-mib.ts'
import type { Child } from './src/start-child.ts'
import { startChild } from './src/start-child.ts'

const REQUESTS = 100_000
const CONNECTIONS = 100
/** What "stable" allows between the first and the last quarter of the readings. */
const TOLERANCE = 0.1

function percent(value: number): string {
  return `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`
}

describe('load (core-server)', () => {
  let upstream: Child | undefined
  let proxy: Child | undefined
  beforeAll(async () => {
    upstream = await startChild('upstream-process.mjs')
    proxy = await startChild('proxy-process.mjs', [`http://127.0.0.1:${upstream.port}`])
  })
  afterAll(async () => {
    await proxy?.close()
    await upstream?.close()
  })

  it(`${REQUESTS} requests at ${CONNECTIONS} connections: no failure, memory and descriptors steady`, async () => {
    const subject = proxy as Child
    const job = {
      url: `http://127.0.0.1:${subject.port}/api/ping`,
      connections: CONNECTIONS,
      timeoutSeconds: 30,
    }
    // Warm-up, not measured: compiled code, the agent's pool, socket buffers.
    await runLoad({ ...job, amount: 5_000 })

    // Read every 250 ms while the run is steady: from every connection open and busy to the last
    // rounds of requests, so that neither opening nor closing connections counts as a change.
    const samples: Sample[] = []
    let steady = false
    const timer = setInterval(() => {
      if (steady) samples.push(readSample(subject.pid))
    }, 250)
    const result = await runLoad({ ...job, amount: REQUESTS }, (phase) => {
      steady = phase === 'steady'
    }).finally(() => {
      steady = false
      clearInterval(timer)
    })
    const { first, last } = quarters(samples)
    const rssFirst = mean(first.map((s) => s.rssBytes))
    const rssLast = mean(last.map((s) => s.rssBytes))
    const fdsFirst = mean(first.map((s) => s.fds))
    const fdsLast = mean(last.map((s) => s.fds))
    const rssChange = (rssLast - rssFirst) / rssFirst
    const fdsChange = (fdsLast - fdsFirst) / fdsFirst
    const failures = result.errors + result.timeouts + result.non2xx
    const pass =
      result.status2xx === REQUESTS &&
      failures === 0 &&
      samples.length >= 8 &&
      Math.abs(rssChange) <= TOLERANCE &&
      Math.abs(fdsChange) <= TOLERANCE
    recordReliabilityRow('soak', {
      host: 'core-server',
      case: `load: ${REQUESTS} requests, ${CONNECTIONS} connections`,
      expected: `${REQUESTS} × 2xx, 0 errors; RSS and fds within ±10% (first vs last quarter)`,
      observed:
        `${result.status2xx} × 2xx, ${failures} failed; RSS ${toMiB(rssFirst)} → ${toMiB(rssLast)} MiB (${percent(rssChange)}); ` +
        `fds ${fdsFirst.toFixed(0)} → ${fdsLast.toFixed(0)} (${percent(fdsChange)}); ${samples.length} readings`,
      pass,
      figures: {
        requests: result.requests,
        status2xx: result.status2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        seconds: result.seconds,
        requestsPerSecond: Math.round(result.rps),
        p99Ms: result.p99,
        rssFirstMiB: toMiB(rssFirst),
        rssLastMiB: toMiB(rssLast),
        rssChangePct: Math.round(rssChange * 1000) / 10,
        fdsFirst: Math.round(fdsFirst),
        fdsLast: Math.round(fdsLast),
        fdsChangePct: Math.round(fdsChange * 1000) / 10,
        readings: samples.length,
      },
    })
    expect(result.status2xx).toBe(REQUESTS)
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    })
    // Enough readings to speak of quarters at all.
    expect(samples.length).toBeGreaterThanOrEqual(8)
    expect(Math.abs(rssChange)).toBeLessThanOrEqual(TOLERANCE)
    expect(Math.abs(fdsChange)).toBeLessThanOrEqual(TOLERANCE)
  })
})
