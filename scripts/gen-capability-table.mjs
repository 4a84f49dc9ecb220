#!/usr/bin/env node
// Turns the conformance results (test/conformance/.results/<host>.json, written by
// test/conformance/src/results-reporter.ts) into the README's capability table: rows are scenarios
// (`describeHosts` titles), columns are hosts, and a cell is ✅ (every test that ran passed), ❌ (one
// failed) or — (none ran there). Each declared capability gap that skipped a test becomes a numbered
// note, listed host by host.
//
//   node scripts/gen-capability-table.mjs           write the table between the README markers
//   node scripts/gen-capability-table.mjs --check   exit 1 when the README's table differs from the results
//   node scripts/gen-capability-table.mjs --print   print the table only
// Options: --readme=<file> (default README.md), --results=<dir> (default test/conformance/.results).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const START = '<!-- capability-table:start -->'
const END = '<!-- capability-table:end -->'

function parseArgs(argv) {
  const options = {
    mode: 'write',
    readme: join(ROOT, 'README.md'),
    results: join(ROOT, 'test/conformance/.results'),
  }
  for (const arg of argv) {
    if (arg === '--check') options.mode = 'check'
    else if (arg === '--print') options.mode = 'print'
    else if (arg.startsWith('--readme=')) options.readme = resolve(arg.slice('--readme='.length))
    else if (arg.startsWith('--results=')) options.results = resolve(arg.slice('--results='.length))
    else
      throw new Error(`unknown argument ${arg} (expected --check, --print, --readme=<file>, --results=<dir>)`)
  }
  return options
}

/** Every `<host>.json`, in column order. */
function readResults(dir) {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : []
  if (files.length === 0) {
    throw new Error(
      `no results in ${relative(ROOT, dir)}: run the conformance suite first (pnpm --filter @sameorigin/test-conformance test)`,
    )
  }
  return files
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
    .toSorted((a, b) => a.column - b.column || a.host.localeCompare(b.host))
}

/** Scenario titles in the order of the first host's results, then any only others have. */
function scenarioTitles(hosts) {
  const titles = []
  for (const host of hosts) {
    for (const { scenario } of host.scenarios) if (!titles.includes(scenario)) titles.push(scenario)
  }
  return titles
}

/**
 * Why a skipped test did not run on `host`, as note texts: one per declared capability gap (named,
 * with the host's reason), or the test's own reason when no gap skipped it.
 */
function skipNotes(host, test) {
  if (Array.isArray(test.gaps) && test.gaps.length > 0) {
    return test.gaps.map((gap) => `\`${gap}\`: ${host.capabilities?.[gap] ?? test.skipReason ?? 'skipped'}`)
  }
  return [test.skipReason ?? 'skipped']
}

/** The number of `note` among `column`'s notes (numbered from `column.first`). */
function numberOf(column, note) {
  return column.first + column.notes.indexOf(note)
}

/**
 * The table and its notes, as Markdown lines (without the markers). Notes are numbered host by host
 * (in column order, then in row order), so each host's reasons read as one list under its name.
 */
export function renderTable(hosts) {
  const missing = []
  const titles = scenarioTitles(hosts)
  // Per host: its cells' outcomes and note texts, and its notes in order of first use.
  const grid = hosts.map((host) => {
    const notes = []
    const cells = titles.map((title) => {
      const tests = host.scenarios.find((entry) => entry.scenario === title)?.tests ?? []
      if (tests.length === 0) {
        missing.push(`${host.host}: ${title}`)
        return { mark: '?', notes: [] }
      }
      const cellNotes = [
        ...new Set(tests.filter((test) => test.state === 'skipped').flatMap((test) => skipNotes(host, test))),
      ]
      for (const note of cellNotes) if (!notes.includes(note)) notes.push(note)
      const mark = tests.some((test) => test.state === 'failed')
        ? '❌'
        : tests.some((test) => test.state === 'passed')
          ? '✅'
          : '—'
      return { mark, notes: cellNotes }
    })
    return { host, cells, notes }
  })
  if (missing.length > 0) {
    throw new Error(
      `results are incomplete (a partial run?), run the whole suite for every host:\n  ${missing.join('\n  ')}`,
    )
  }
  let next = 1
  for (const column of grid) {
    column.first = next
    next += column.notes.length
  }
  const rows = titles.map((title, row) => {
    const cells = grid.map((column) => {
      const { mark, notes } = column.cells[row]
      if (notes.length === 0) return mark
      return `${mark}<sup>${notes.map((note) => numberOf(column, note)).join(',')}</sup>`
    })
    return `| ${title} | ${cells.join(' | ')} |`
  })
  const noteLines = grid
    .filter((column) => column.notes.length > 0)
    .flatMap((column) => [
      '',
      `\`${column.host.host}\`:`,
      '',
      ...column.notes.map((note, index) => `${column.first + index}. ${note}`),
    ])
  return [
    '<!-- Generated from the conformance suite (test/conformance) by scripts/gen-capability-table.mjs: do not edit. -->',
    '',
    `| scenario | ${hosts.map((host) => `\`${host.host}\``).join(' | ')} |`,
    `| --- | ${hosts.map(() => ':---:').join(' | ')} |`,
    ...rows,
    '',
    '✅ every test of the scenario that runs there passes on that host · ❌ at least one fails · — not run there · <sup>n</sup> a test not run there, for the reason in note n (a gap the host declares)',
    ...noteLines,
  ]
}

/** The README with `table` between the markers; throws when the markers are missing. */
function withTable(readme, table, file) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${relative(ROOT, file)} has no ${START} … ${END} section`)
  }
  return `${readme.slice(0, start)}${[START, ...table, END].join('\n')}${readme.slice(end + END.length)}`
}

function main() {
  const options = parseArgs(process.argv.slice(2))
  const table = renderTable(readResults(options.results))
  if (options.mode === 'print') {
    process.stdout.write(`${[START, ...table, END].join('\n')}\n`)
    return 0
  }
  const readme = readFileSync(options.readme, 'utf8')
  const next = withTable(readme, table, options.readme)
  const name = relative(ROOT, options.readme)
  if (options.mode === 'check') {
    if (next === readme) return 0
    process.stderr.write(
      `${name}: the capability table differs from the conformance results. Run node scripts/gen-capability-table.mjs and commit. The results say:\n\n${[START, ...table, END].join('\n')}\n`,
    )
    return 1
  }
  if (next !== readme) writeFileSync(options.readme, next)
  process.stdout.write(`${name}: capability table ${next === readme ? 'already up to date' : 'updated'}\n`)
  return 0
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main()
  } catch (error) {
    process.stderr.write(`gen-capability-table: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
