// Per test file (vitest setupFiles), after Vite's playground harness: starts the file's scenario (the
// demo backend on a free port and the example's dev server, with API_TARGET pointing at the backend),
// opens a page in the run's Chromium, and collects what the servers and the browser log. A scenario is
// the folder above `__tests__`, named after its example: `vite-react/__tests__/*.spec.ts` runs
// `examples/vite-react` in Vite, `webpack-react/__tests__` runs `examples/webpack-react` in `webpack
// serve` (hosts/select-hosts.ts). Tests import the live bindings below.
import { existsSync, mkdirSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { type Backend, startBackend } from '@sameorigin/example-backend'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest'
import { type DevServer, hostOf, SERVER_RENDERED_EXAMPLES, startOf } from './hosts/index.ts'

/** Screenshots and other artefacts (gitignored). */
export const outputDir: string = fileURLToPath(new URL('./.output/', import.meta.url))

export let browser: Browser
export let context: BrowserContext
export let page: Page
/** The dev server's origin: the page's origin, e.g. `http://localhost:41234`. */
export let devUrl: string
/** The backend's own origin, e.g. `http://127.0.0.1:41235`. */
export let backendUrl: string
/** Every line the backend and the dev server logged, oldest first. */
export const serverLogs: string[] = []
/** Every console message and uncaught error of the page, as `[type] text`. */
export const browserLogs: string[] = []

let backend: Backend | undefined
let devServer: DevServer | undefined

/** Stops the scenario's backend (for the upstream-down tests); the dev server keeps running. */
export function stopBackend(): Promise<void> {
  if (backend === undefined) throw new Error('the scenario has no backend running')
  return backend.close()
}

beforeAll(async () => {
  const testPath = expect.getState().testPath ?? ''
  const scenario = /[\\/]test[\\/]e2e[\\/]([\w-]+)[\\/]__tests__[\\/]/.exec(testPath)?.[1]
  if (scenario === undefined) throw new Error(`${testPath} is not in <scenario>/__tests__/`)
  const root = fileURLToPath(new URL(`../../examples/${scenario}/`, import.meta.url))
  if (!existsSync(root)) throw new Error(`scenario ${scenario} has no example at ${root}`)
  mkdirSync(outputDir, { recursive: true })

  backend = await startBackend({
    port: 0,
    log: (line) => serverLogs.push(`[backend] ${line}`),
    ...(SERVER_RENDERED_EXAMPLES.has(scenario) ? { cookiePath: '/' } : {}),
  })
  backendUrl = backend.url
  // The example's sameorigin.config.ts reads it; the process environment wins over its .env files.
  process.env.API_TARGET = backend.url
  // The scenario is its example, and the example names its host (hosts/select-hosts.ts).
  devServer = await startOf(hostOf(scenario))({ root, log: (line) => serverLogs.push(line) })
  devUrl = devServer.url

  browser = await chromium.connect(inject('wsEndpoint'))
  context = await browser.newContext()
  page = await context.newPage()
  // Below the test timeout (vitest.config.ts), so a wait that never ends fails with its own message.
  page.setDefaultTimeout(10_000)
  page.on('console', (message) => browserLogs.push(`[${message.type()}] ${message.text()}`))
  page.on('pageerror', (error) => browserLogs.push(`[pageerror] ${error.message}`))
})

afterAll(async () => {
  // Each one is stopped even when another fails to. `close()` on a connected browser only
  // disconnects: the run's Chromium stays up for the other files (global-setup.ts closes it).
  const results = await Promise.allSettled([
    (async () => {
      await context?.close()
      await browser?.close()
    })(),
    devServer?.close(),
    backend?.close(),
  ])
  const failed = results.find((result) => result.status === 'rejected')
  if (failed) throw failed.reason
})

// A failing test prints what the servers and the page said.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    process.stdout.write(`\n--- server logs ---\n${serverLogs.join('\n')}\n`)
    process.stdout.write(`--- browser logs ---\n${browserLogs.join('\n')}\n\n`)
  })
})
