#!/usr/bin/env node
// Every published package (packages/*, not private) names where it comes from, so whoever installed
// it can find its source, docs and issue tracker (run by `pnpm run check` in the test command):
// `repository` (git, this repository, and the package's folder as `directory`), `homepage`, `bugs`,
// `keywords`, and the `license` of the root LICENSE file.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'

/** This repository. A placeholder until the maintainers confirm the GitHub organisation. */
const REPOSITORY = 'https://github.com/sameorigin-dev/sameorigin'

const root = new URL('..', import.meta.url).pathname
const license = readFileSync(join(root, 'LICENSE'), 'utf8').match(/^(\S+) License$/m)?.[1]
const problems = license ? [] : ['LICENSE does not start with "<SPDX id> License"']

for (const folder of readdirSync(join(root, 'packages')).toSorted()) {
  const path = join('packages', folder, 'package.json')
  let manifest
  try {
    manifest = JSON.parse(readFileSync(join(root, path), 'utf8'))
  } catch {
    continue
  }
  if (manifest.private) continue
  const expected = {
    repository: { type: 'git', url: `git+${REPOSITORY}.git`, directory: `packages/${folder}` },
    homepage: `${REPOSITORY}/tree/main/packages/${folder}#readme`,
    bugs: { url: `${REPOSITORY}/issues` },
    license,
  }
  for (const [field, value] of Object.entries(expected)) {
    if (JSON.stringify(manifest[field]) !== JSON.stringify(value))
      problems.push(`${path}: "${field}" must be ${JSON.stringify(value)}`)
  }
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0)
    problems.push(`${path}: "keywords" must list what the package is about`)
}

if (problems.length > 0) {
  process.stderr.write(`check-manifests: ${problems.length} problem(s)\n  ${problems.join('\n  ')}\n`)
  process.exit(1)
}
process.stdout.write('check-manifests: every published package names its repository, homepage and license\n')
