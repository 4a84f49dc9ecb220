import { type BrowserServer, chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_ARGS, findChromium } from '@sameorigin/test-utils'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The playwright endpoint of the run's one Chromium; setup.ts connects to it. */
    wsEndpoint: string
  }
}

let server: BrowserServer | undefined

/**
 * Launches one Chromium for the whole run. Playwright gives it a fresh profile (user-data-dir) in a
 * temporary folder and deletes it on close; it refuses a `--user-data-dir` flag here.
 */
export async function setup(project: TestProject): Promise<void> {
  server = await chromium.launchServer({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  })
  project.provide('wsEndpoint', server.wsEndpoint())
}

export async function teardown(): Promise<void> {
  await server?.close()
}
