#!/usr/bin/env node
// Keeps the docs honest mechanically (run by `pnpm run check` in the test command):
//   1. every error code in packages/core/src/errors/codes.ts has docs/errors/<CODE>.md with the
//      three sections, and no page documents a code that does not exist;
//   2. the source tree in ARCHITECTURE.md lists every file under packages/core/src, and nothing else;
//   3. the step and pass tables in ARCHITECTURE.md name the steps of the pipeline and the passes of
//      the Node transport in the order the code runs them.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import process from 'node:process'

const root = new URL('..', import.meta.url).pathname
const problems = []

// 1. error codes <-> docs/errors pages
const codesSource = readFileSync(join(root, 'packages/core/src/errors/codes.ts'), 'utf8')
const codes = [...codesSource.matchAll(/^\s{2}(ERR_[A-Z0-9_]+): \{/gm)].map((m) => m[1])
if (codes.length === 0) problems.push('no error codes found in packages/core/src/errors/codes.ts')
const sections = ['## Why this error occurred', '## How to fix it', '## Links']
for (const code of codes) {
  const page = join(root, 'docs/errors', `${code}.md`)
  if (!existsSync(page)) {
    problems.push(`${code} has no docs page (docs/errors/${code}.md)`)
    continue
  }
  const text = readFileSync(page, 'utf8')
  if (!text.startsWith(`# ${code}\n`)) problems.push(`docs/errors/${code}.md must start with "# ${code}"`)
  for (const section of sections) {
    if (!text.includes(`\n${section}\n`)) problems.push(`docs/errors/${code}.md has no "${section}" section`)
  }
}
for (const file of readdirSync(join(root, 'docs/errors'))) {
  const code = file.replace(/\.md$/, '')
  if (file.endsWith('.md') && !codes.includes(code))
    problems.push(`docs/errors/${file} documents an unknown code`)
}

// 2. ARCHITECTURE.md source tree <-> packages/core/src
const architecture = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8')
const tree = architecture.match(/<!-- tree:packages\/core\/src -->\n```text\n([\s\S]*?)```/)
if (!tree) {
  problems.push('ARCHITECTURE.md has no "<!-- tree:packages/core/src -->" block')
} else {
  const listed = new Set()
  const stack = []
  for (const line of tree[1].split('\n')) {
    const m = line.match(/^((?:│  |   )*)(?:├─ |└─ )?(\S+)/)
    if (!m || !line.trim()) continue
    const depth = m[1].length / 3
    const name = m[2]
    stack.length = depth
    if (name.endsWith('/')) stack[depth] = name.slice(0, -1)
    else listed.add([...stack.slice(0, depth), name].filter(Boolean).join('/'))
  }
  const srcRoot = join(root, 'packages/core/src')
  const actual = new Set(walk(srcRoot).map((file) => relative(srcRoot, file)))
  for (const file of actual)
    if (!listed.has(file)) problems.push(`ARCHITECTURE.md does not list packages/core/src/${file}`)
  for (const file of listed)
    if (!actual.has(file))
      problems.push(`ARCHITECTURE.md lists packages/core/src/${file}, which does not exist`)
}

// 3. ARCHITECTURE.md step and pass tables <-> the ordered arrays in the code
const orders = [
  ['requestSteps', 'packages/core/src/pipeline/steps/index.ts'],
  ['upgradeSteps', 'packages/core/src/pipeline/steps/index.ts'],
  ['responsePasses', 'packages/core/src/engine/passes/index.ts'],
]
for (const [name, file] of orders) {
  const source = readFileSync(join(root, file), 'utf8')
  const array = source.match(new RegExp(`export const ${name}\\b[^=]*= \\[([^\\]]*)\\]`))
  const table = architecture.match(new RegExp(`<!-- (?:steps|passes):${name} -->\\n((?:\\|.*\\n)+)`))
  if (!array) problems.push(`${file} has no \`export const ${name} = [...]\``)
  else if (!table) problems.push(`ARCHITECTURE.md has no table under "<!-- steps:${name} -->"`)
  else {
    const inCode = array[1]
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
    const rows = table[1].split('\n').slice(2).filter(Boolean)
    const inDocs = rows.map((row) => row.split('|')[2]?.trim().replace(/^`|`$/g, ''))
    if (inCode.join() !== inDocs.join())
      problems.push(
        `ARCHITECTURE.md's ${name} table says ${inDocs.join(' → ')}; ${file} runs ${inCode.join(' → ')}`,
      )
  }
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

if (problems.length > 0) {
  process.stderr.write(
    `check-docs: ${problems.length} problem(s)\n${problems.map((p) => `  ✖ ${p}`).join('\n')}\n`,
  )
  process.exit(1)
}
process.stdout.write(
  `check-docs: ${codes.length} error codes documented; ARCHITECTURE.md tree and step tables match packages/core/src\n`,
)
