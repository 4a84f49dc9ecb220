import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const INSTALLED = fileURLToPath(new URL('../../../.tmp/node24/node_modules/.bin/node', import.meta.url))

/**
 * The Node that runs webpack-dev-server 6, which declares Node >= 22.15: `NODE24_PATH`, else the one
 * `node scripts/setup.mjs --node24` installs from the npm registry into `.tmp/node24`. Throws (the
 * tests fail, never skip) when there is none, or it is too old.
 */
export function findNode24(): string {
  const path = process.env.NODE24_PATH || INSTALLED
  if (!existsSync(path)) {
    throw new Error(
      `webpack-dev-server 6 needs Node >= 22.15, and none was found at ${path}. ` +
        'Run `node scripts/setup.mjs --node24` (installs node@24 from the npm registry into .tmp/node24) ' +
        'or set NODE24_PATH to a Node >= 22.15 binary.',
    )
  }
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
  const [major = 0, minor = 0] = version.slice(1).split('.').map(Number)
  if (major < 22 || (major === 22 && minor < 15))
    throw new Error(`${path} is Node ${version}; webpack-dev-server 6 needs >= 22.15.`)
  return path
}
