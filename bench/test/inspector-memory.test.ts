// Scenario 8 in the normal test suite, with few requests: the three instances of sameorigin-core run
// the request mix and report their memory, and the inspector really recorded (500 exchanges kept,
// none when off). No memory figure is asserted here: the numbers live in `pnpm bench`.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createCertificate } from '../lib/create-certificate.mjs'
import { launchSubject } from '../lib/launch-subject.mjs'
import { measureInspectorMemory } from '../scenarios/inspector-memory.mjs'
import { startTarget } from '../target.mjs'

const workdir = mkdtempSync(join(tmpdir(), 'sameorigin-bench-'))
const certificate = createCertificate(join(workdir, 'certs'))
let target: Awaited<ReturnType<typeof startTarget>>

beforeAll(async () => {
  target = await startTarget({ key: certificate.key, cert: certificate.cert })
})

afterAll(async () => {
  await target?.close()
  rmSync(workdir, { recursive: true, force: true })
})

const launch = (options: Record<string, unknown>) =>
  launchSubject('sameorigin-core', {
    upstream: target.url,
    workdir: join(workdir, 'core'),
    caFile: certificate.caFile,
    exposeGc: true,
    options,
  })

it('runs scenario 8 and reports memory with the inspector off, recording without bodies, and on', async () => {
  const result = await measureInspectorMemory(launch, { requests: 700, recordsRequests: 600, concurrency: 4 })
  expect(result).toMatchObject({ requests: 700, recordsRequests: 600, concurrency: 4 })
  expect([result.off.kept, result.records.kept, result.on.kept]).toEqual([0, 500, 500])
  expect(result.offAtRecords).toMatchObject({ requests: 600, kept: 0 })
  expect([result.off.requests, result.records.requests, result.on.requests]).toEqual([700, 600, 700])
  for (const mode of [result.off, result.offAtRecords, result.records, result.on]) {
    const readings = [
      'rssMiB',
      'rssBeforeGcMiB',
      'peakRssMiB',
      'heapUsedMiB',
      'externalMiB',
      'arrayBuffersMiB',
    ] as const
    expect(readings.filter((key) => !(mode[key] > 0))).toEqual([])
    expect(mode.peakRssMiB).toBeGreaterThanOrEqual(mode.rssMiB)
  }
  expect(result.rssDifferenceMiB).toBe(result.on.rssMiB - result.off.rssMiB)
  expect(result.heapDifferenceMiB).toBe(result.on.heapUsedMiB - result.off.heapUsedMiB)
  expect(Number.isFinite(result.recordKiB)).toBe(true)
}, 120_000)
