import { existsSync } from 'node:fs'
import process from 'node:process'

/**
 * Chromium's flags for every browser test. The background-networking ones keep Chromium from calling
 * Google's services: on a machine without internet it would flood the logs with refused connections.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Where Debian and Ubuntu install Chromium. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/**
 * The Chromium binary to drive: `CHROMIUM_PATH`, else Debian's. Throws a message that says how to get
 * one: the browser tests never download a browser, and never skip silently.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CHROMIUM_PATH
  if (chosen) {
    if (existsSync(chosen)) return chosen
    throw new Error(`CHROMIUM_PATH is ${chosen}, but there is no file there.`)
  }
  const found = CANDIDATES.find((path) => existsSync(path))
  if (found) return found
  throw new Error(
    `The browser tests need Chromium, and none was found (looked at ${CANDIDATES.join(', ')}).\n` +
      'Install it with `sudo apt-get install -y chromium`, set CHROMIUM_PATH to a Chromium binary, or run ' +
      '`npm test` from the repository root, which installs it (scripts/setup.mjs --browser).',
  )
}
