// The targets of issue 5, each checked against one run's results. A target whose subject is not in the
// run yet (sameorigin-webpack, sameorigin-rsbuild, sameorigin-next-route) is listed as not measured.

const OURS = [
  'sameorigin-core',
  'sameorigin-vite',
  'sameorigin-webpack',
  'sameorigin-rsbuild',
  'sameorigin-next-route',
]

/**
 * @typedef {{ target: string, verdict: 'met' | 'missed' | 'not measured', detail: string }} Verdict
 */

/** A number for the verdict's detail. */
const f = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : String(n))

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
      measured && core.requestsPerSecond >= hpm.requestsPerSecond,
      measured ? `${f(core.requestsPerSecond)} vs ${f(hpm.requestsPerSecond)} req/s` : '',
    )
    check(
      '1: sameorigin-core ≤ hpm4 proxy CPU per request',
      measured,
      measured && core.cpuMicrosPerRequest <= hpm.cpuMicrosPerRequest,
      measured ? `${f(core.cpuMicrosPerRequest)} vs ${f(hpm.cpuMicrosPerRequest)} µs/req` : '',
    )
    const sv = r('sameorigin-vite').small
    const vn = r('vite-native').small
    const viteMeasured = sv !== undefined && vn !== undefined
    check(
      '1: sameorigin-vite ≥ 2× vite-native req/s',
      viteMeasured,
      viteMeasured && sv.requestsPerSecond >= 2 * vn.requestsPerSecond,
      viteMeasured ? `${f(sv.requestsPerSecond / vn.requestsPerSecond, 2)}×` : '',
    )
    check('1: sameorigin-webpack ≥ 2× wds5-native and ≥ wds6-native', false, false, 'no webpack adapter yet')
  }
  // Scenario 3
  for (const name of ours) {
    const mine = r(name).tls
    const direct = r('direct').tls
    const measured = mine !== undefined && direct !== undefined
    check(
      `3: ${name} TLS p50 ≤ 1.1× direct`,
      measured,
      measured && mine.p50 <= 1.1 * direct.p50,
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
      measured && mine.medianMs <= direct.medianMs + 10,
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
      measured && mine.passed && mine.rssGrowthMiB <= 32,
      measured ? `${f(mine.receivedMiB)}/${mine.totalMiB} MiB, +${f(mine.rssGrowthMiB, 1)} MiB RSS` : '',
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
  {
    const startup = results['sameorigin-vite']?.startup
    check(
      '7: the Vite plugin adds ≤ 30 ms to dev-server start',
      startup !== undefined,
      startup !== undefined && startup.addedMs <= 30,
      startup
        ? `${f(startup.withMs)} vs ${f(startup.withoutMs)} ms: +${f(startup.addedMs)} ms (median of ${startup.runs})`
        : '',
    )
    check('7: the webpack plugin adds ≤ 30 ms to dev-server start', false, false, 'no webpack adapter yet')
  }
  return verdicts
}
