import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const INSTALLED = fileURLToPath(new URL('../../../.tmp/node24/node_modules/.bin/node', import.meta.url))

/**
 * The Node that runs the hosts needing a newer Node than the suite's (webpack-dev-server 6, the
 * current SvelteKit, Nuxt, Astro and React Router): `NODE24_PATH`, else the one
 * `node scripts/setup.mjs --node24` installs from the npm registry into `.tmp/node24`. Throws (the
 * tests fail, never skip) when there is none, or it is older than `minimum` (`major.minor`).
 */
export function findNode24(who: string, minimum = '22.15'): string {
  const path = process.env.NODE24_PATH || INSTALLED
  if (!existsSync(path)) {
    throw new Error(
      `${who} needs Node >= ${minimum}, and none was found at ${path}. ` +
        'Run `node scripts/setup.mjs --node24` (installs node@24 from the npm registry into .tmp/node24) ' +
        `or set NODE24_PATH to a Node >= ${minimum} binary.`,
    )
  }
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
  const [major = 0, minor = 0] = version.slice(1).split('.').map(Number)
  const [needMajor = 0, needMinor = 0] = minimum.split('.').map(Number)
  if (major < needMajor || (major === needMajor && minor < needMinor))
    throw new Error(`${path} is Node ${version}; ${who} needs >= ${minimum}.`)
  return path
}
