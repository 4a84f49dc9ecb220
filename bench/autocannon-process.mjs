// The load generator's process: autocannon, apart from both the upstream and the subject, so neither
// pays for its CPU. Gets { url, connections, warmupSeconds, seconds, headers, pgid } over IPC and
// answers with a summary. The subject's CPU time is read right before and right after the measured
// run (not the warm-up), from /proc, for its whole process group.

import autocannon from 'autocannon'
import { readGroupUsage } from './lib/process-tree.mjs'

process.once('message', async (job) => {
  const { url, connections, warmupSeconds, seconds, headers = {}, pgid } = job
  await run({ url, connections, duration: warmupSeconds, headers })
  const before = pgid === undefined ? undefined : readGroupUsage(pgid)
  /** Each 2xx response's latency at full precision (autocannon's own histogram has 1 ms steps). */
  const latencies = []
  const result = await run({ url, connections, duration: seconds, headers }, (ms) => latencies.push(ms))
  const after = pgid === undefined ? undefined : readGroupUsage(pgid)
  const sorted = Float64Array.from(latencies).toSorted()
  process.send?.({
    requests: result.requests.total,
    seconds: result.duration,
    bytes: result.throughput.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuMs: before && after ? after.cpuMs - before.cpuMs : undefined,
  })
  process.exit(0)
})

/**
 * @param {autocannon.Options} options
 * @param {(ms: number) => void} [onLatency]
 */
function run(options, onLatency) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ ...options, pipelining: 1 }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
    if (onLatency)
      instance.on('response', (_client, status, _bytes, ms) => {
        if (status >= 200 && status < 300) onLatency(ms)
      })
  })
}

/**
 * Nearest-rank percentile.
 * @param {Float64Array} sorted
 * @param {number} p
 */
function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
