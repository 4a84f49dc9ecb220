// Which Node runs `nuxt dev`: Nuxt 4.6 needs ^22.22.3 || ^24.15. This one when it is new enough, else
// NODE24_PATH, else the Node 24 that `node scripts/setup.mjs --node24` installs at the repository root
// (.tmp/node24), as the tests find it.
import { existsSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const INSTALLED = fileURLToPath(new URL('../../../.tmp/node24/node_modules/.bin/node', import.meta.url))

/**
 * Whether `version` (`22.22.3`) satisfies Nuxt 4.6's `^22.22.3 || ^24.15.0 || >=26`.
 * @param {string} version
 */
function satisfiesNuxt(version) {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number)
  if (major === 22) return minor > 22 || (minor === 22 && patch >= 3)
  if (major === 24) return minor >= 15
  return major >= 26
}

/**
 * The path of a Node that can run Nuxt 4.6.
 * @returns {string}
 */
export function findNode() {
  if (satisfiesNuxt(process.versions.node)) return process.execPath
  const path = process.env.NODE24_PATH || INSTALLED
  if (existsSync(path)) return path
  throw new Error(
    `Nuxt 4.6 needs Node ^22.22.3 or ^24.15, and this is ${process.version}. Use such a Node, set ` +
      'NODE24_PATH to one, or run `node scripts/setup.mjs --node24` at the repository root.',
  )
}
