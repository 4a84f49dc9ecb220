// SvelteKit 3 runs on Node >= 22.17. This Node when it is new enough; else NODE24_PATH; else the
// Node 24 that `node scripts/setup.mjs --node24` installs at the repository root (.tmp/node24).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const INSTALLED = fileURLToPath(new URL('../../../.tmp/node24/node_modules/.bin/node', import.meta.url))

/**
 * @param {string} version e.g. `v22.17.0`
 * @returns {boolean}
 */
function isNewEnough(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number)
  return major > 22 || (major === 22 && minor >= 17)
}

/**
 * A Node binary that runs SvelteKit 3, or `undefined` when there is none.
 * @returns {string | undefined}
 */
export function findNode() {
  if (isNewEnough(process.version)) return process.execPath
  const path = process.env.NODE24_PATH || INSTALLED
  if (!existsSync(path)) return undefined
  return isNewEnough(execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()) ? path : undefined
}

/** What to do when {@link findNode} found none. */
export const NO_NODE = `SvelteKit 3 needs Node >= 22.17; this is Node ${process.version}. Use a newer Node, set NODE24_PATH to one, or run \`node scripts/setup.mjs --node24\` at the repository root (installs Node 24 into .tmp/node24).`
