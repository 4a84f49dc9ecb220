// A real recording of the app: Chromium runs the app's calls on a page served through the real
// `sameorigin serve` (same-origin, the way the dev proxy keeps it), then the inspector's HAR export
// is downloaded, as a user clicks "Export HAR".
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, findChromium, listen } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import { startBin } from '../_bin.ts'
import { APP_SCRIPT } from './_app.ts'
import { startPlainBackend } from './_backends.ts'
import type { Har } from '../../src/cors-policy/types.ts'

/** A project folder with its config (`/api` → the backend) and the recording in `app.har`. */
export interface Recorded {
  readonly dir: string
  readonly harFile: string
  readonly har: Har
  /** What the page read while recording (statuses, X-Total-Count). */
  readonly page: unknown
}

/**
 * Records the app through the dev proxy and returns the project folder (removing it is the caller's
 * part). Every server and the browser it starts are stopped before it returns.
 */
export async function recordApp(): Promise<Recorded> {
  const backend = await startPlainBackend()
  // The page itself; a Vite dev server would serve it, here a route of the dev config does.
  const pages = await listen(
    createServer(
      (_req, res) =>
        void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'),
    ),
  )
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-cors-policy-'))
  writeFileSync(join(dir, 'package.json'), '{ "name": "app", "private": true }\n')
  writeFileSync(
    join(dir, 'sameorigin.config.mjs'),
    `export default { routes: { '/api': '${backend.url}' } }\n`,
  )
  writeFileSync(
    join(dir, 'dev.config.mjs'),
    `export default { routes: { '/api': '${backend.url}', '/': '${pages.url}' } }\n`,
  )
  const serve = startBin(['serve', '--port', '0', '--config', 'dev.config.mjs'], { cwd: dir })
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
  try {
    const [, url = ''] = await serve.waitFor(/sameorigin serve\s+(http:\/\/\S+)/)
    await serve.waitFor(/press Ctrl-C to stop/)
    const page = await browser.newPage()
    await page.goto(`${url}/`)
    // eslint-disable-next-line no-new-func -- the app's code, as text, run in the page
    const read = await page.evaluate(`(${APP_SCRIPT})('')`)
    const har = (await (await fetch(`${url}/__sameorigin/api/har`)).json()) as Har
    const harFile = join(dir, 'app.har')
    writeFileSync(harFile, JSON.stringify(har, null, 2))
    return { dir, harFile, har, page: read }
  } finally {
    await browser.close()
    await serve.stop()
    await pages.close()
    await backend.close()
  }
}
