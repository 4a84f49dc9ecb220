// The benchmark's byte-identical check (bench/test.mjs) in the normal test suite, in quick form:
// direct, hpm4 and the sameorigin subjects that start in about a second (core, webpack-dev-server 5
// and 6, Rsbuild), each in its own process, answer every scenario's request with the same bytes. The
// `next dev` subjects (seconds to start and compile) are left to `pnpm bench`, which checks every
// subject before timing.
// No timing is asserted here; timings live in `pnpm bench` only.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RELAY_DELAY_MS } from '../_config.mjs'
import { createCertificate } from '../lib/create-certificate.mjs'
import { startLatencyRelay } from '../lib/latency-relay.mjs'
import { launchSubject } from '../lib/launch-subject.mjs'
import { startTarget } from '../target.mjs'
import { assertIdenticalBodies, collectBodies } from '../test.mjs'

const workdir = mkdtempSync(join(tmpdir(), 'sameorigin-bench-'))
const certificate = createCertificate(join(workdir, 'certs'))
let target: Awaited<ReturnType<typeof startTarget>>
let relay: Awaited<ReturnType<typeof startLatencyRelay>>
let expected: Record<string, Buffer>

async function bodiesOf(name: string): Promise<Record<string, Buffer>> {
  const options = { workdir: join(workdir, name), caFile: certificate.caFile }
  const http = await launchSubject(name, { ...options, upstream: target.url })
  const tls = await launchSubject(name, { ...options, upstream: `https://127.0.0.1:${relay.port}` })
  try {
    return await collectBodies({ url: http.url, tlsUrl: tls.url, ca: certificate.ca })
  } finally {
    await Promise.all([http.close(), tls.close()])
  }
}

beforeAll(async () => {
  target = await startTarget({ key: certificate.key, cert: certificate.cert })
  relay = await startLatencyRelay(target.tlsPort, RELAY_DELAY_MS)
  expected = await bodiesOf('direct')
})

afterAll(async () => {
  await relay?.close()
  await target?.close()
  rmSync(workdir, { recursive: true, force: true })
})

describe('every subject answers byte-identically to direct', () => {
  it('direct answers every scenario', () => {
    expect(Object.keys(expected)).toHaveLength(5)
    expect(JSON.parse(expected['5 streamed POST'].toString()).bytes).toBe(1024 * 1024 + 7)
  })

  it.each(['hpm4', 'sameorigin-core', 'sameorigin-webpack', 'sameorigin-webpack6', 'sameorigin-rsbuild'])(
    '%s',
    async (name) => {
      expect(() => assertIdenticalBodies(name, expected, {})).toThrow(/differ from direct/)
      assertIdenticalBodies(name, expected, await bodiesOf(name))
    },
  )
})
