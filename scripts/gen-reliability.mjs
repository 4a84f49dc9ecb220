#!/usr/bin/env node
// Turns the reliability suites' results into docs/reliability.md. Each suite writes
// `.tmp/reliability/<suite>.json` when it runs (faults: test/reliability; hostile and fuzz:
// test/security; soak: test/soak), in one shared format:
//   { suite, generatedAt, node, machine, command, rows: [{ host, case, expected, observed, pass, figures? }] }
// This script reads whichever of them exist and writes one page: what each suite proves, how to run
// it again, where and when it last ran, a summary line, and one table of every case.
//
//   node scripts/gen-reliability.mjs        write docs/reliability.md (the last step of `pnpm test:soak`)
// Options: --results=<dir> (default .tmp/reliability), --out=<file> (default docs/reliability.md).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** Each suite, in page order: its title, what it proves, and where its tests live. */
const SUITES = [
  {
    suite: 'faults',
    title: 'Faults',
    tests: 'test/reliability/',
    proves:
      'One fault at a time, in the real hosts: upstreams that refuse, reset, truncate, lie about their length or fall silent, ' +
      'browsers that leave mid-upload, WebSocket sides that drop. Each case must end the way it is expected to ' +
      '(a 502/504 with its error code, an aborted response, a close code), the host must answer the next request, ' +
      'and every socket the case opened must be closed again.',
  },
  {
    suite: 'hostile',
    title: 'Hostile input',
    tests: 'test/security/hostile/, test/security/defaults/',
    proves:
      'Hostile and malformed requests, sent as raw bytes to the core server and to Vite dev with @sameorigin/vite: ' +
      'path traversal against a prefix-stripping rewrite and a base-path target, double encoding, NUL, oversized ' +
      'heads, absolute-form targets and CONNECT, foreign Host and forwarding headers, request smuggling, header ' +
      'injection, hostile WebSocket handshakes. Each row gives the expected status (or the exact upstream path it ' +
      'must be forwarded to); the upstream echo log shows nothing reached another path, and a second upstream that ' +
      'no route names shows nothing reached another host; the server answers the next request. The security ' +
      'defaults (loopback bind, `secure: false` warning once) are here too.',
  },
  {
    suite: 'fuzz',
    title: 'Fuzzing',
    tests: 'test/security/fuzz/',
    proves:
      'fast-check properties over the pure cores (@sameorigin/core/rules and /rewrite): every reading of an upstream ' +
      'path (as sent, decoded once, decoded twice) stays inside the target base path; equivalent spellings reach ' +
      'the same upstream path; redirects round-trip through the reverse mapping; Set-Cookie rewriting never widens a ' +
      'cookie; CORS answers never pair `*` with credentials; and no input throws anything but a documented ProxyError.',
  },
  {
    suite: 'soak',
    title: 'Load and soak',
    tests: 'test/soak/',
    proves:
      '100 000 requests at 100 connections through the core server in its own process, with no failure, and its ' +
      'resident memory and open descriptors steady (first against last quarter of the readings); 1 GiB uploaded and ' +
      '1 GiB downloaded through it, SHA-256 equal on both ends, its memory growing by less than 64 MiB. ' +
      'Heavy: `pnpm test:soak`, not part of `pnpm test`.',
  },
]

function parseArgs(argv) {
  const options = { results: join(ROOT, '.tmp/reliability'), out: join(ROOT, 'docs/reliability.md') }
  for (const arg of argv) {
    if (arg.startsWith('--results=')) options.results = resolve(arg.slice('--results='.length))
    else if (arg.startsWith('--out=')) options.out = resolve(arg.slice('--out='.length))
    else throw new Error(`unknown argument ${arg} (expected --results=<dir>, --out=<file>)`)
  }
  return options
}

/** Control characters (a hostile row may name one) as `\xNN`, so a table row stays one line. */
function showControls(text) {
  let out = ''
  for (const char of text) {
    const code = char.charCodeAt(0)
    out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char
  }
  return out
}

/** Text for a Markdown table cell: one line, pipes and Markdown syntax escaped, controls shown. */
function cell(value) {
  return showControls(String(value)).replace(/[\\`*_|<>[\]]/g, '\\$&')
}

function formatFigures(figures) {
  if (figures === undefined) return ''
  return Object.entries(figures)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ')
}

/** Rows of the same case next to each other, cases in the order they first appear. */
function groupByCase(rows) {
  const order = new Map()
  for (const row of rows) if (!order.has(row.case)) order.set(row.case, order.size)
  return rows
    .map((row, index) => ({ row, index }))
    .toSorted((a, b) => order.get(a.row.case) - order.get(b.row.case) || a.index - b.index)
    .map(({ row }) => row)
}

function summarise(rows) {
  const passed = rows.filter((row) => row.pass).length
  const hosts = [...new Set(rows.map((row) => row.host))]
  const cases = new Set(rows.map((row) => row.case)).size
  return { passed, failed: rows.length - passed, hosts, cases }
}

function summaryLine(rows) {
  const { passed, failed, hosts, cases } = summarise(rows)
  return `${rows.length} results, ${cases} cases on ${hosts.join(', ')}: ${passed} passed, ${failed} failed.`
}

function renderSuite(info, results, file) {
  const lines = [`## ${info.title}`, '', info.proves, '']
  if (results === undefined) {
    lines.push(
      `No results yet: \`${relative(ROOT, file)}\` does not exist. Run the suite, then this script.`,
      '',
    )
    return lines
  }
  const rows = groupByCase(results.rows)
  lines.push(
    `- Tests: \`${info.tests.split(', ').join('`, `')}\``,
    `- Re-run: \`${results.command}\``,
    `- Last run: ${results.generatedAt}, Node ${results.node}, ${results.machine}`,
    '',
    `**Summary:** ${summaryLine(rows)}`,
    '',
  )
  const failed = rows.filter((row) => !row.pass)
  if (failed.length > 0) {
    lines.push('Failing:', '')
    for (const row of failed) lines.push(`- ${cell(row.host)}: ${cell(row.case)}: ${cell(row.observed)}`)
    lines.push('')
  }
  lines.push(
    '| host | case | expected | observed | pass | figures |',
    '| --- | --- | --- | --- | --- | --- |',
  )
  for (const row of rows) {
    lines.push(
      `| ${cell(row.host)} | ${cell(row.case)} | ${cell(row.expected)} | ${cell(row.observed)} | ${row.pass ? '✅' : '❌'} | ${cell(formatFigures(row.figures))} |`,
    )
  }
  lines.push('')
  return lines
}

function main() {
  const options = parseArgs(process.argv.slice(2))
  const loaded = SUITES.map((info) => {
    const file = join(options.results, `${info.suite}.json`)
    return { info, file, results: existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined }
  })
  const lines = [
    '# Reliability and security results',
    '',
    '<!-- Generated by `node scripts/gen-reliability.mjs` from .tmp/reliability/*.json. Do not edit by hand. -->',
    '',
    '> This page is generated: `node scripts/gen-reliability.mjs` (the last step of `pnpm test:soak`) writes it',
    '> from the results each suite leaves in `.tmp/reliability/`. Change the suites or the script, not this page.',
    '> Figures are what one run measured on the machine named under each suite; speeds are reported, never asserted.',
    '',
    '| suite | results | passed | failed | last run | re-run |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  for (const { info, results } of loaded) {
    if (results === undefined) {
      lines.push(
        `| [${info.title}](#${info.title.toLowerCase().replaceAll(' ', '-')}) | no results yet | | | | |`,
      )
      continue
    }
    const { passed, failed } = summarise(results.rows)
    lines.push(
      `| [${info.title}](#${info.title.toLowerCase().replaceAll(' ', '-')}) | ${results.rows.length} | ${passed} | ${failed} | ${results.generatedAt.slice(0, 10)} | \`${results.command}\` |`,
    )
  }
  lines.push('')
  for (const { info, results, file } of loaded) lines.push(...renderSuite(info, results, file))
  mkdirSync(dirname(options.out), { recursive: true })
  writeFileSync(options.out, `${lines.join('\n').trimEnd()}\n`)
  const found = loaded.filter((entry) => entry.results !== undefined).map((entry) => entry.info.suite)
  process.stdout.write(
    `${relative(ROOT, options.out)}: ${found.length > 0 ? found.join(', ') : 'no results'}\n`,
  )
}

main()
