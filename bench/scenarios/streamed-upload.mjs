// Scenario 5: a large POST streamed through the subject: does all of it arrive, how fast, and how much
// does the subject's resident memory grow meanwhile (kernel peak-RSS mark, reset just before): per
// process of the group, peak − RSS before, summed over the processes that ran before the upload; the
// peak of processes that started during it (next dev's static-paths worker) is reported on its own.

import { request } from 'node:http'
import { performance } from 'node:perf_hooks'
import { readGroupMemory, resetGroupPeakRss } from '../lib/process-tree.mjs'

const MIB = 1024 * 1024
const CHUNK = Buffer.alloc(MIB, 'upload-0123456789')

/**
 * @param {import('../lib/launch-subject.mjs').RunningSubject} subject
 * @param {{ mebibytes: number, stallTimeoutMs: number }} settings
 */
export async function measureUpload(subject, settings) {
  const total = settings.mebibytes * MIB
  const { pgid } = subject
  const peakResetWorked = pgid === undefined ? false : resetGroupPeakRss(pgid)
  const before = pgid === undefined ? undefined : readGroupMemory(pgid)
  const started = performance.now()
  const outcome = await postStream(`${subject.url}/api/upload`, total, settings.stallTimeoutMs)
  const seconds = (performance.now() - started) / 1000
  const after = pgid === undefined || !peakResetWorked ? undefined : readGroupMemory(pgid)
  let growthBytes = 0
  let spawnedPeakBytes = 0
  let spawnedProcesses = 0
  for (const [pid, { peakBytes }] of after ?? []) {
    const earlier = before?.get(pid)
    if (earlier !== undefined) growthBytes += peakBytes - earlier.rssBytes
    else {
      spawnedPeakBytes += peakBytes
      spawnedProcesses += 1
    }
  }
  const receivedBytes = outcome.upstreamBytes ?? 0
  return {
    passed: outcome.status === 200 && receivedBytes === total,
    status: outcome.status,
    error: outcome.error,
    sentMiB: outcome.sentBytes / MIB,
    receivedMiB: receivedBytes / MIB,
    totalMiB: settings.mebibytes,
    mibPerSecond: receivedBytes / MIB / seconds,
    rssGrowthMiB: after === undefined ? undefined : growthBytes / MIB,
    spawnedProcesses,
    spawnedPeakMiB: spawnedPeakBytes / MIB,
  }
}

/**
 * Streams `total` bytes (1 MiB writes, honouring backpressure) with a Content-Length, as a browser
 * uploading a file does.
 * @param {string} url
 * @param {number} total
 * @param {number} stallTimeoutMs
 * @returns {Promise<{ status?: number, upstreamBytes?: number, sentBytes: number, error?: string }>}
 */
function postStream(url, total, stallTimeoutMs) {
  return new Promise((resolve) => {
    let sentBytes = 0
    let settled = false
    let stall
    const finish = (result) => {
      if (settled) return
      settled = true
      clearTimeout(stall)
      req.destroy()
      resolve({ sentBytes, ...result })
    }
    const armStall = () => {
      clearTimeout(stall)
      stall = setTimeout(() => finish({ error: `stalled for ${stallTimeoutMs} ms` }), stallTimeoutMs)
    }
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-length': total },
    })
    req.on('response', (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString()
        let upstreamBytes
        try {
          upstreamBytes = JSON.parse(body).bytes
        } catch {}
        finish(
          res.statusCode === 200
            ? { status: res.statusCode, upstreamBytes }
            : { status: res.statusCode, error: `HTTP ${res.statusCode}: ${body.slice(0, 120)}` },
        )
      })
    })
    req.on('error', (error) => finish({ error: error.message }))
    const write = () => {
      while (sentBytes < total) {
        if (settled) return
        armStall()
        const size = Math.min(MIB, total - sentBytes)
        sentBytes += size
        if (!req.write(size === MIB ? CHUNK : CHUNK.subarray(0, size))) return void req.once('drain', write)
      }
      if (sentBytes >= total) {
        req.end()
        armStall()
      }
    }
    write()
  })
}
