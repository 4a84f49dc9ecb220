// Turns one run's measurements into the table of ratios and the targets verdicts, and writes
// RESULTS.md. Every cell is `value (ratio vs direct, ratio vs native peer)`; nothing is computed here
// that is not in results/latest.json.

import { SUBJECTS } from './_config.mjs'

/**
 * @typedef {object} Row
 * @property {string} label
 * @property {(r: any) => number | string | undefined} value a subject's result → the shown value
 * @property {(n: number) => string} [format]
 * @property {'ratio' | 'delta' | 'none'} compare ratio (÷), delta (−, for latencies near zero) or none
 */

const fixed = (digits) => (n) => (Number.isFinite(n) ? n.toFixed(digits) : n > 0 ? '∞' : '-')
const thousands = (n) => Math.round(n).toLocaleString('en-US')
const sseMedian = (sse) =>
  sse === undefined ? undefined : Number.isFinite(sse.medianMs) ? sse.medianMs : `> ${sse.timeoutMs} (held)`

/** @type {Row[]} */
export const ROWS = [
  {
    label: '1 small GET req/s',
    value: (r) => r.small?.requestsPerSecond,
    format: thousands,
    compare: 'ratio',
  },
  { label: '1 small GET p50 ms', value: (r) => r.small?.p50, format: fixed(2), compare: 'ratio' },
  { label: '1 small GET p99 ms', value: (r) => r.small?.p99, format: fixed(2), compare: 'ratio' },
  {
    label: '1 proxy CPU µs/req',
    value: (r) => r.small?.cpuMicrosPerRequest,
    format: fixed(0),
    compare: 'ratio',
  },
  { label: '2 1 MiB GET MiB/s', value: (r) => r.large?.mibPerSecond, format: thousands, compare: 'ratio' },
  {
    label: '3 TLS+20ms RTT req/s',
    value: (r) => r.tls?.requestsPerSecond,
    format: thousands,
    compare: 'ratio',
  },
  { label: '3 TLS+20ms RTT p50 ms', value: (r) => r.tls?.p50, format: fixed(1), compare: 'ratio' },
  { label: '3 TLS+20ms RTT p99 ms', value: (r) => r.tls?.p99, format: fixed(1), compare: 'ratio' },
  { label: '4 SSE first event ms', value: (r) => sseMedian(r.sse), format: fixed(2), compare: 'delta' },
  {
    label: '5 POST MiB/s',
    value: (r) => (r.upload?.passed ? r.upload.mibPerSecond : undefined),
    format: thousands,
    compare: 'ratio',
  },
  {
    label: '5 POST RSS growth MiB',
    // `‡`: processes the host started during the upload, their peak RSS apart (see the note).
    value: (r) =>
      r.upload?.spawnedProcesses > 0
        ? `${fixed(1)(r.upload.rssGrowthMiB)} ‡${r.upload.spawnedProcesses}: ${fixed(0)(r.upload.spawnedPeakMiB)}`
        : r.upload?.rssGrowthMiB,
    format: fixed(1),
    compare: 'none',
  },
  {
    label: '5 POST arrived MiB',
    value: (r) =>
      r.upload === undefined ? undefined : `${Math.round(r.upload.receivedMiB)}/${r.upload.totalMiB}`,
    compare: 'none',
  },
  {
    label: '6 upstream conns/1000',
    value: (r) => r.sequential?.upstreamConnectionsPer1000,
    format: fixed(0),
    compare: 'none',
  },
  {
    label: '6 client kept alive',
    value: (r) =>
      r.sequential === undefined
        ? undefined
        : r.sequential.clientKeptAlive
          ? 'yes'
          : `no (${r.sequential.clientConnections} conns)`,
    compare: 'none',
  },
  { label: '7 dev-server start ms', value: (r) => r.startMs, format: fixed(0), compare: 'delta' },
  {
    label: '8 inspector RSS off/on MiB',
    value: (r) => {
      const m = r.inspectorMemory
      return m === undefined ? undefined : `${fixed(1)(m.off.rssMiB)} / ${fixed(1)(m.on.rssMiB)}`
    },
    compare: 'none',
  },
  {
    label: '8 inspector RSS on−off MiB',
    value: (r) => r.inspectorMemory?.rssDifferenceMiB,
    format: fixed(1),
    compare: 'none',
  },
  {
    label: '8 inspector RSS on−off before GC',
    value: (r) => r.inspectorMemory?.rssBeforeGcDifferenceMiB,
    format: fixed(1),
    compare: 'none',
  },
  {
    label: '8 inspector peak RSS on−off',
    value: (r) => r.inspectorMemory?.peakRssDifferenceMiB,
    format: fixed(1),
    compare: 'none',
  },
  {
    label: '8 inspector heap on−off MiB',
    value: (r) => r.inspectorMemory?.heapDifferenceMiB,
    format: fixed(1),
    compare: 'none',
  },
  {
    label: '8 inspector KiB/record',
    value: (r) => r.inspectorMemory?.recordKiB,
    format: fixed(1),
    compare: 'none',
  },
]

/**
 * One cell: the value, then ×direct and ×peer (or +ms for delta rows).
 * @param {Row} row
 * @param {Record<string, any>} results by subject name
 * @param {{ name: string, peer?: string }} subject
 */
function cell(row, results, subject) {
  const result = results[subject.name]
  if (result?.skipped) return 'skipped'
  const value = result === undefined ? undefined : row.value(result)
  if (value === undefined) return result?.errors?.[row.label[0]] ? 'error' : '-'
  if (typeof value === 'string') return value
  const shown =
    (row.format ? row.format(value) : String(value)) +
    (row.label.includes(' p') && closesConnections(result) ? '†' : '')
  if (row.compare === 'none' || !Number.isFinite(value)) return shown
  const against = []
  for (const [tag, other] of [
    ['d', 'direct'],
    ['p', subject.peer],
  ]) {
    if (other === undefined || other === subject.name) continue
    const base = results[other] === undefined ? undefined : row.value(results[other])
    if (typeof base !== 'number' || !Number.isFinite(base)) continue
    if (row.compare === 'delta')
      against.push(`${value - base >= 0 ? '+' : ''}${(value - base).toFixed(1)}${tag}`)
    else if (base !== 0) against.push(`${(value / base).toFixed(2)}×${tag}`)
  }
  return against.length > 0 ? `${shown} (${against.join(' ')})` : shown
}

/** Whether the subject answered `Connection: close` in scenario 6 (its latency cells get a †). */
function closesConnections(result) {
  return (result?.sequential?.connectionCloseAnswers ?? 0) > 0
}

/**
 * Little's law: the mean latency that autocannon's own request rate implies (connections ÷ req/s).
 * @param {{ connections: number }} settings
 * @param {{ requestsPerSecond: number }} load
 */
function impliedMeanMs(settings, load) {
  return (settings.connections / load.requestsPerSecond) * 1000
}

/**
 * The table of one run, as Markdown: a row per metric, a column per subject.
 * @param {Record<string, any>} results
 */
export function formatTable(results, settings) {
  const subjects = SUBJECTS.filter((subject) => results[subject.name] !== undefined)
  const header = ['scenario / metric', ...subjects.map((subject) => subject.name)]
  const lines = ROWS.map((row) => [row.label, ...subjects.map((subject) => cell(row, results, subject))])
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => line[i].length)))
  const render = (line) => `| ${line.map((text, i) => text.padEnd(widths[i])).join(' | ')} |`
  const table = [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(render)]
  const spawning = subjects.filter((subject) => results[subject.name]?.upload?.spawnedProcesses > 0)
  if (spawning.length > 0) {
    table.push(
      '',
      `‡n: m: n processes started during the upload with peak RSS m MiB in all, not counted in the growth (${spawning.map(({ name }) => name).join(', ')}: \`next dev\` forks a static-paths worker for a request to a dynamic route, whatever its body).`,
    )
  }
  const closing = subjects.filter(
    (subject) => closesConnections(results[subject.name]) && results[subject.name].small,
  )
  if (closing.length > 0) {
    const examples = closing
      .map(({ name }) => `${name} ${impliedMeanMs(settings.small, results[name].small).toFixed(0)} ms`)
      .join(', ')
    table.push(
      '',
      `† answers \`Connection: close\` (scenario 6), so autocannon reconnects after every response; its per-response latencies then contradict its own request rate (Little's law, mean = connections ÷ req/s, scenario 1: ${examples}). Compare req/s for these subjects, not percentiles.`,
    )
  }
  return table.join('\n')
}

/** @param {number[]} averages */
const formatLoad = (averages) => averages.map((n) => n.toFixed(2)).join(' / ')

/**
 * RESULTS.md: when, where, with what, the command, the table and the targets.
 * @param {{ date: string, command: string, quick: boolean, environment: ReturnType<typeof import('./lib/describe-environment.mjs').describeEnvironment>, loadAfter: number[], durationSeconds: number, notes: string[] }} meta
 * @param {string} table
 * @param {import('./targets.mjs').Verdict[]} verdicts
 */
export function formatResultsMarkdown(meta, table, verdicts) {
  const { environment: env } = meta
  return `# Benchmark results

${meta.quick ? '> **Quick mode: development numbers, not for quoting.**\n\n' : ''}- date: ${meta.date}
- command: \`${meta.command}\` (${Math.round(meta.durationSeconds)} s)
- machine: ${env.cores} cores (\`nproc\`), ${env.memoryGiB.toFixed(1)} GiB memory, ${env.cpuModel}
- load average (1/5/15 min) at start: ${formatLoad(env.loadAverage)}; at end: ${formatLoad(meta.loadAfter)}
- Node ${env.node}

## Packages (from the installed package.json files)

${Object.entries(env.packages)
  .map(([name, version]) => `- ${name}: ${version}`)
  .join('\n')}

## Table

Each cell: the subject's value, then its ratio to \`direct\` (\`×d\`) and to its native peer (\`×p\`);
for the SSE row and dev-server start, the difference in ms (\`+…d\`, \`+…p\`). How each number is
measured: README.md. Raw measurements of this run: results/latest.json.

${table}

## Targets

| target | verdict | measured |
| --- | --- | --- |
${verdicts.map((v) => `| ${v.target} | ${v.verdict} | ${v.detail} |`).join('\n')}
${meta.notes.length > 0 ? `\n## Notes\n\n${meta.notes.map((note) => `- ${note}`).join('\n')}\n` : ''}`
}
