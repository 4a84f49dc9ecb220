// The benchmark: `pnpm bench` (add `--quick` for a development run of seconds).
// 1. starts the upstream (HTTP, and TLS behind a 10 ms-each-way relay);
// 2. checks, before any timing, that every subject answers every scenario byte-identically to direct;
// 3. measures each subject in turn, each in its own process, the load from autocannon's own process;
// 4. prints one table of ratios and writes RESULTS.md (quick runs: .tmp/RESULTS.quick.md) and
//    results/latest.json.
// Flags: --quick, --profile (ours run with --cpu-prof into .tmp/profiles), --only=a,b (plus direct).

import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { RELAY_DELAY_MS, STARTUP_HOSTS, SUBJECTS, scenarioSettings } from './_config.mjs'
import { formatResultsMarkdown, formatTable } from './_report.mjs'
import { createCertificate } from './lib/create-certificate.mjs'
import { describeEnvironment } from './lib/describe-environment.mjs'
import { launchSubject } from './lib/launch-subject.mjs'
import { startLatencyRelay } from './lib/latency-relay.mjs'
import { request } from './lib/request.mjs'
import { measureDevServerStart } from './scenarios/dev-server-start.mjs'
import { measureLoad } from './scenarios/load.mjs'
import { measureSequential } from './scenarios/sequential-requests.mjs'
import { measureInspectorMemory } from './scenarios/inspector-memory.mjs'
import { measureFirstEvent } from './scenarios/sse-first-event.mjs'
import { measureUpload } from './scenarios/streamed-upload.mjs'
import { startTarget } from './target.mjs'
import { evaluateTargets } from './targets.mjs'
import { assertIdenticalBodies, collectBodies } from './test.mjs'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const profileDir = args.includes('--profile') ? here('.tmp/profiles') : undefined
const settings = scenarioSettings(quick)
const subjects = SUBJECTS.filter((s) => s.name === 'direct' || only === undefined || only.includes(s.name))
const startedAt = performance.now()
const environment = describeEnvironment()
const notes = []
const workRoot = here('.tmp/run')
rmSync(workRoot, { recursive: true, force: true })

const certificate = createCertificate(`${workRoot}/certs`)
const target = await startTarget({ key: certificate.key, cert: certificate.cert })
const relay = await startLatencyRelay(target.tlsPort, RELAY_DELAY_MS)
const tlsUpstream = `https://127.0.0.1:${relay.port}`
const launch = (name, upstream, suffix = '') =>
  launchSubject(name, {
    upstream,
    workdir: `${workRoot}/${name}${suffix}`,
    caFile: certificate.caFile,
    profileDir: SUBJECTS.find((s) => s.name === name)?.ours ? profileDir : undefined,
  })

const [major, minor] = process.versions.node.split('.').map(Number)
if (
  subjects.some((s) => s.name.includes('webpack6') || s.name === 'wds6-native') &&
  (major < 22 || (major === 22 && minor < 15))
)
  notes.push(
    `webpack-dev-server 6 declares Node >= 22.15; wds6-native and sameorigin-webpack6 ran under Node ${process.version} like every subject.`,
  )

/** @type {Record<string, any>} */
const results = {}
try {
  console.log(
    `sameorigin bench${quick ? ' (quick)' : ''}: Node ${process.version}, ${environment.cores} cores, load ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  )

  // Correctness first: every subject, every scenario, byte for byte.
  let expected
  for (const { name } of subjects) {
    let http, tls
    try {
      http = await launch(name, target.url, '-check')
      tls = await launch(name, tlsUpstream, '-check-tls')
    } catch (error) {
      await http?.close()
      if (name !== 'next-rewrites') throw error
      const reason = `next-rewrites skipped: it could not start (${String(error.message).split('\n')[0]})`
      console.log(reason)
      notes.push(reason)
      results[name] = { skipped: reason }
      continue
    }
    try {
      const bodies = await collectBodies({ url: http.url, tlsUrl: tls.url, ca: certificate.ca })
      if (expected === undefined) expected = bodies
      else assertIdenticalBodies(name, expected, bodies)
    } finally {
      await Promise.all([http.close(), tls.close()])
    }
    console.log(`  ✓ ${name}: bodies identical to direct in every scenario`)
  }

  for (const { name } of subjects) {
    if (results[name]?.skipped) continue
    const result = (results[name] = { errors: {} })
    const step = async (number, label, key, measure) => {
      try {
        result[key] = await measure()
        console.log(`  ${name.padEnd(16)} ${label.padEnd(22)} ${summarize(key, result[key])}`)
      } catch (error) {
        result.errors[number] = String(error?.message ?? error)
        console.log(`  ${name.padEnd(16)} ${label.padEnd(22)} error: ${result.errors[number]}`)
      }
    }
    const subject = await launch(name, target.url)
    try {
      // Sequential first, on a fresh subject, so its first upstream connection is counted too.
      await step(6, '6 sequential', 'sequential', () =>
        measureSequential(subject, target.stats, settings.sequential),
      )
      await step(1, '1 small GET', 'small', () =>
        measureLoad(subject, '/api/small', settings.small, target.stats),
      )
      await step(2, '2 1 MiB GET', 'large', () =>
        measureLoad(subject, '/api/large', settings.large, target.stats),
      )
      await step(4, '4 SSE first event', 'sse', () =>
        measureFirstEvent(subject, target.firstEventWrittenAt, settings.sse),
      )
      await step(5, '5 streamed POST', 'upload', () => measureUpload(subject, settings.upload))
    } finally {
      await subject.close()
    }
    const tlsSubject = await launch(name, tlsUpstream, '-tls')
    try {
      // One request first: `next dev` compiles a route on its first request (seconds, not the proxy's
      // cost); the main instance has had scenario 6's requests for that.
      await request(`${tlsSubject.url}/api/small`, { timeoutMs: 60_000, ca: certificate.ca })
      await step(3, '3 TLS + 20 ms RTT', 'tls', () =>
        measureLoad(tlsSubject, '/api/small', settings.tls, target.stats, { caFile: certificate.caFile }),
      )
    } finally {
      await tlsSubject.close()
    }
  }

  // Scenario 7 for every host whose sameorigin subject ran (and was not skipped).
  for (const { host, label, native, ours } of STARTUP_HOSTS) {
    if (results[ours] === undefined || results[ours].skipped) continue
    try {
      const startup = measureDevServerStart(
        host,
        { workdir: `${workRoot}/start-${host}`, upstream: target.url },
        settings.startup,
      )
      if (results[native] !== undefined && !results[native].skipped)
        results[native].startMs = startup.withoutMs
      results[ours].startMs = startup.withMs
      results[ours].startup = startup
      console.log(
        `  7 ${label} start: ${startup.withoutMs.toFixed(0)} ms without, ${startup.withMs.toFixed(0)} ms with the plugin`,
      )
    } catch (error) {
      results[ours].errors[7] = String(error?.message ?? error)
      console.log(`  7 ${label} start: error: ${results[ours].errors[7]}`)
    }
  }

  // Scenario 8: the inspector's memory, on sameorigin-core (off, records only, on), when it ran.
  const core = results['sameorigin-core']
  if (core !== undefined && !core.skipped) {
    try {
      const launchCore = (options) =>
        launchSubject('sameorigin-core', {
          upstream: target.url,
          workdir: `${workRoot}/sameorigin-core-inspector`,
          caFile: certificate.caFile,
          exposeGc: true,
          options,
        })
      core.inspectorMemory = await measureInspectorMemory(launchCore, settings.inspectorMemory)
      console.log(`  8 inspector memory: ${summarize('inspectorMemory', core.inspectorMemory)}`)
    } catch (error) {
      core.errors[8] = String(error?.message ?? error)
      console.log(`  8 inspector memory: error: ${core.errors[8]}`)
    }
  }
} finally {
  await relay.close()
  await target.close()
}

const table = formatTable(results, settings)
const verdicts = evaluateTargets(results)
console.log(`\n${table}\n`)
for (const v of verdicts) console.log(`${v.verdict.padEnd(12)} ${v.target}${v.detail ? `: ${v.detail}` : ''}`)

const meta = {
  date: new Date().toISOString(),
  command: `node bench/run.mjs ${args.join(' ')}`.trim(),
  quick,
  environment,
  loadAfter: loadavg(),
  durationSeconds: (performance.now() - startedAt) / 1000,
  notes,
}
const resultsFile = quick ? here('.tmp/RESULTS.quick.md') : here('RESULTS.md')
mkdirSync(here('results'), { recursive: true })
writeFileSync(here('results/latest.json'), `${JSON.stringify({ meta, settings, results }, null, 2)}\n`)
writeFileSync(resultsFile, formatResultsMarkdown(meta, table, verdicts))
console.log(`\nwrote ${resultsFile} and results/latest.json (${Math.round(meta.durationSeconds)} s)`)

/** One progress line per measurement. */
function summarize(key, r) {
  switch (key) {
    case 'small':
    case 'large':
    case 'tls':
      return `${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${Math.round(r.mibPerSecond)} MiB/s${r.cpuMicrosPerRequest === undefined ? '' : `, ${r.cpuMicrosPerRequest.toFixed(0)} µs CPU/req`}, ${r.upstreamConnections} upstream conns${r.errors + r.timeouts + r.non2xx > 0 ? `, ${r.errors} errors ${r.timeouts} timeouts ${r.non2xx} non-2xx` : ''}`
    case 'sse':
      return `median ${r.medianMs.toFixed(2)} ms over ${r.samples} (${r.timedOut} timed out), ${r.contentEncoding}`
    case 'upload':
      return `${r.passed ? 'passed' : `FAILED (${r.error})`}: ${Math.round(r.receivedMiB)}/${r.totalMiB} MiB, ${r.mibPerSecond.toFixed(0)} MiB/s, RSS ${r.rssGrowthMiB === undefined ? 'n/a' : `+${r.rssGrowthMiB.toFixed(1)} MiB`}${r.spawnedProcesses > 0 ? ` (+ ${r.spawnedProcesses} new processes, ${r.spawnedPeakMiB.toFixed(0)} MiB peak)` : ''}`
    case 'inspectorMemory':
      return `${r.requests} requests: RSS ${r.off.rssMiB.toFixed(1)} MiB off, ${r.on.rssMiB.toFixed(1)} on (${r.rssDifferenceMiB >= 0 ? '+' : ''}${r.rssDifferenceMiB.toFixed(1)}), heap ${r.heapDifferenceMiB >= 0 ? '+' : ''}${r.heapDifferenceMiB.toFixed(1)} MiB, ${r.on.kept} kept, ${r.recordKiB.toFixed(1)} KiB per record without bodies`
    case 'sequential':
      return `${r.upstreamConnectionsPer1000} upstream connections per 1000, ${r.clientConnections} client connections`
    default:
      return ''
  }
}
