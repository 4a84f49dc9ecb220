// Angular 22 needs Node ^22.22.3 or >= 24.15. The repository's Node may be older (20): then the Node 24
// that `node scripts/setup.mjs --node24` installs into <repo>/.tmp/node24, or the one NODE24_PATH names.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const INSTALLED = fileURLToPath(new URL('../../../.tmp/node24/node_modules/.bin/node', import.meta.url))

/** @param {string} version `v24.1.0` or `24.1.0` */
const isRecentEnough = (version) => {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map(Number)
  if (major === 22) return minor > 22 || (minor === 22 && patch >= 3)
  if (major === 24) return minor >= 15
  return major > 24
}

/**
 * A Node binary that can run Angular 22: this one when it is recent enough, else NODE24_PATH, else
 * <repo>/.tmp/node24; `undefined` when there is none.
 * @returns {string | undefined}
 */
export function findNode() {
  if (isRecentEnough(process.versions.node)) return process.execPath
  const path = process.env.NODE24_PATH || INSTALLED
  if (!existsSync(path)) return undefined
  return isRecentEnough(execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()) ? path : undefined
}

export const NO_NODE =
  'Angular 22 needs Node ^22.22.3 or >= 24.15: run `node scripts/setup.mjs --node24` at the repository ' +
  'root (Node 24 into .tmp/node24) or set NODE24_PATH to such a Node binary.'

/** The ng CLI of this example (`@angular/cli`'s `bin/ng.js`). */
export const NG_BIN = fileURLToPath(import.meta.resolve('@angular/cli/bin/ng.js'))
