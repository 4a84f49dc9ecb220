// React Router 8 runs on Node >= 22.22. This Node when it is new enough; else NODE24_PATH; else the
// Node 24 that `node scripts/setup.mjs --node24` installs at the repository root (.tmp/node24).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const INSTALLED = fileURLToPath(new URL('../../../.tmp/node24/node_modules/.bin/node', import.meta.url))

/**
 * @param {string} version e.g. `v22.22.0`
 * @returns {boolean}
 */
function isNewEnough(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number)
  return major > 22 || (major === 22 && minor >= 22)
}

/**
 * A Node binary that runs React Router 8, or `undefined` when there is none.
 * @returns {string | undefined}
 */
export function findNode() {
  if (isNewEnough(process.version)) return process.execPath
  const path = process.env.NODE24_PATH || INSTALLED
  if (!existsSync(path)) return undefined
  return isNewEnough(execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()) ? path : undefined
}

/** What to do when {@link findNode} found none. */
export const NO_NODE = `React Router 8 needs Node >= 22.22; this is Node ${process.version}. Use a newer Node, set NODE24_PATH to one, or run \`node scripts/setup.mjs --node24\` at the repository root (installs Node 24 into .tmp/node24).`

/** The `react-router` command's script (`@react-router/dev`'s bin), to run under {@link findNode}'s Node. */
export const REACT_ROUTER_BIN = join(
  dirname(createRequire(import.meta.url).resolve('@react-router/dev/package.json')),
  'bin.cjs',
)
