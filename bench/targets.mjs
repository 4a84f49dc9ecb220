// The targets of issues 5 and 17, each checked against one run's results. A target whose subjects are not in
// the run (`--only`, or a subject skipped) is listed as not measured.

import { STARTUP_HOSTS, SUBJECTS } from './_config.mjs'

/** Every sameorigin subject: the targets of scenarios 3 to 6 apply to each. */
const OURS = SUBJECTS.filter((s) => s.ours).map((s) => s.name)

/**
 * @typedef {{ target: string, verdict: 'met' | 'missed' | 'not measured', detail: string }} Verdict
 */

/** `a ≤ b` for two finite numbers; false when either is missing (`null`, `NaN`: a failed scenario). */
const atMost = (a, b) => Number.isFinite(a) && Number.isFinite(b) && a <= b

/** A number for the verdict's detail. */
const f = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : String(n))
/** A difference with its sign, one decimal. */
const signed = (n) => `${n >= 0 ? '+' : ''}${f(n, 1)}`

/**
 * @param {Record<string, any>} results by subject name
 * @returns {Verdict[]}
 */
export function evaluateTargets(results) {
  const has = (name) => results[name] !== undefined && !results[name].skipped
  const ours = OURS.filter(has)
  const verdicts = []
  const check = (target, measured, pass, detail) =>
    verdicts.push({ target, verdict: measured ? (pass ? 'met' : 'missed') : 'not measured', detail })
  const r = (name) => results[name] ?? {}

  // Scenario 1
  {
    const core = r('sameorigin-core').small
    const hpm = r('hpm4').small
    const measured = core !== undefined && hpm !== undefined
    check(
      '1: sameorigin-core ≥ hpm4 req/s',
      measured,
      measured && atMost(hpm.requestsPerSecond, core.requestsPerSecond),
      measured ? `${f(core.requestsPerSecond)} vs ${f(hpm.requestsPerSecond)} req/s` : '',
    )
    check(
      '1: sameorigin-core ≤ hpm4 proxy CPU per request',
      measured,
      measured && atMost(core.cpuMicrosPerRequest, hpm.cpuMicrosPerRequest),
      measured ? `${f(core.cpuMicrosPerRequest)} vs ${f(hpm.cpuMicrosPerRequest)} µs/req` : '',
    )
    const sv = r('sameorigin-vite').small
    const vn = r('vite-native').small
    const viteMeasured = sv !== undefined && vn !== undefined
    check(
      '1: sameorigin-vite ≥ 2× vite-native req/s',
      viteMeasured,
      viteMeasured && atMost(2 * vn.requestsPerSecond, sv.requestsPerSecond),
      viteMeasured ? `${f(sv.requestsPerSecond / vn.requestsPerSecond, 2)}×` : '',
    )
    const sw = r('sameorigin-webpack').small
    const w5 = r('wds5-native').small
    const w6 = r('wds6-native').small
    const webpackMeasured = sw !== undefined && w5 !== undefined && w6 !== undefined
    check(
      '1: sameorigin-webpack ≥ 2× wds5-native and ≥ wds6-native req/s',
      webpackMeasured,
      webpackMeasured &&
        atMost(2 * w5.requestsPerSecond, sw.requestsPerSecond) &&
        atMost(w6.requestsPerSecond, sw.requestsPerSecond),
      webpackMeasured
        ? `${f(sw.requestsPerSecond)} req/s: ${f(sw.requestsPerSecond / w5.requestsPerSecond, 2)}× wds5-native, ${f(sw.requestsPerSecond / w6.requestsPerSecond, 2)}× wds6-native`
        : '',
    )
  }
  // Scenario 3
  for (const name of ours) {
    const mine = r(name).tls
    const direct = r('direct').tls
    const measured = mine !== undefined && direct !== undefined
    check(
      `3: ${name} TLS p50 ≤ 1.1× direct`,
      measured,
      measured && atMost(mine.p50, 1.1 * direct.p50),
      measured ? `${f(mine.p50, 1)} vs ${f(direct.p50, 1)} ms (${f(mine.p50 / direct.p50, 2)}×)` : '',
    )
  }
  // Scenario 4
  for (const name of ours) {
    const mine = r(name).sse
    const direct = r('direct').sse
    const measured = mine !== undefined && direct !== undefined
    check(
      `4: ${name} first event ≤ direct + 10 ms (browser Accept-Encoding)`,
      measured,
      measured && atMost(mine.medianMs, direct.medianMs + 10),
      measured ? `${f(mine.medianMs, 2)} vs ${f(direct.medianMs, 2)} ms` : '',
    )
  }
  // Scenario 5
  for (const name of ours) {
    const mine = r(name).upload
    const measured = mine !== undefined
    check(
      `5: ${name} passes the whole POST, peak RSS growth ≤ 32 MiB`,
      measured,
      measured && mine.passed && atMost(mine.rssGrowthMiB, 32),
      measured
        ? `${f(mine.receivedMiB)}/${mine.totalMiB} MiB, +${f(mine.rssGrowthMiB, 1)} MiB RSS${mine.spawnedProcesses > 0 ? ` (and ${mine.spawnedProcesses} process(es) the host started meanwhile, ${f(mine.spawnedPeakMiB)} MiB peak, not counted)` : ''}`
        : '',
    )
  }
  // Scenario 6
  for (const name of ours) {
    const mine = r(name).sequential
    const measured = mine !== undefined
    check(
      `6: ${name} ≤ 2 upstream connections per 1000 requests, client kept alive`,
      measured,
      measured && mine.upstreamConnectionsPer1000 <= 2 && mine.clientKeptAlive,
      measured
        ? `${f(mine.upstreamConnectionsPer1000)} per 1000, client connections ${mine.clientConnections}`
        : '',
    )
  }
  // Scenario 7
  for (const { label, ours: name } of STARTUP_HOSTS) {
    const startup = results[name]?.startup
    check(
      `7: the ${label} plugin adds ≤ 30 ms to dev-server start`,
      startup !== undefined,
      startup !== undefined && atMost(startup.addedMs, 30),
      startup
        ? `${f(startup.withMs)} vs ${f(startup.withoutMs)} ms: ${startup.addedMs >= 0 ? '+' : ''}${f(startup.addedMs)} ms (median of ${startup.runs})`
        : '',
    )
  }
  // Scenario 8 (issue 17)
  {
    const memory = r('sameorigin-core').inspectorMemory
    const measured = memory !== undefined
    check(
      '8: sameorigin-core RSS with the inspector on after 100,000 requests ≤ off + 32 MiB',
      measured,
      // Read after a full collection in both processes: what each holds. The reading before it (in
      // the detail and the table) also counts garbage not yet collected, which varies from run to run.
      measured && memory.requests >= 100_000 && atMost(memory.rssDifferenceMiB, 32),
      measured
        ? `${f(memory.on.rssBeforeGcMiB, 1)} vs ${f(memory.off.rssBeforeGcMiB, 1)} MiB as read (${signed(memory.rssBeforeGcDifferenceMiB)}), ${f(memory.on.rssMiB, 1)} vs ${f(memory.off.rssMiB, 1)} MiB after a collection (${signed(memory.rssDifferenceMiB)}), after ${memory.requests} requests, ${memory.on.kept} exchanges kept`
        : '',
    )
  }
  return verdicts
}
