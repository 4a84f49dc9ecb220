// Scenarios 1, 2 and 3: autocannon load against one path, with the subject's CPU time per request.

import { runAutocannon } from '../lib/run-autocannon.mjs'

const MIB = 1024 * 1024

/**
 * @param {import('../lib/launch-subject.mjs').RunningSubject} subject
 * @param {string} path
 * @param {{ connections: number, warmupSeconds: number, seconds: number }} settings
 * @param {{ connections: number }} upstreamStats counted by the upstream
 * @param {{ caFile?: string }} [tls] trust for an https `subject.url` (scenario 3, `direct`)
 */
export async function measureLoad(subject, path, settings, upstreamStats, tls = {}) {
  const connectionsBefore = upstreamStats.connections
  const result = await runAutocannon({
    url: subject.url + path,
    ...settings,
    pgid: subject.pgid,
    env: tls.caFile ? { NODE_EXTRA_CA_CERTS: tls.caFile } : undefined,
  })
  return {
    ...result,
    // Over warm-up and measured run: how often the subject had to open a connection to the upstream.
    upstreamConnections: upstreamStats.connections - connectionsBefore,
    requestsPerSecond: result.requests / result.seconds,
    mibPerSecond: result.bytes / MIB / result.seconds,
    cpuMicrosPerRequest: result.cpuMs === undefined ? undefined : (result.cpuMs * 1000) / result.requests,
  }
}
