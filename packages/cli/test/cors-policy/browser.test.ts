// Chromium confirms a sample of what the doctor says of the policy: a page on an allowed origin runs
// the app against the Express backend configured with the written policy (cookies with credentials:
// 'include', the exposed X-Total-Count read); a page on a foreign origin is blocked, and Chromium's
// console gives the CORS reason (page JavaScript only sees "Failed to fetch").
import { createServer } from 'node:http'
import { rmSync } from 'node:fs'
import { CHROMIUM_ARGS, findChromium, listen } from '@sameorigin/test-utils'
import type { Listening } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inferCorsPolicy } from '../../src/cors-policy/infer-cors-policy.ts'
import { scanSource } from '../../src/cors-policy/scan-source.ts'
import { APP_SCRIPT, APP_SOURCE } from './_app.ts'
import { startFrameworkBackend } from './_backends.ts'
import { importPolicy, toPolicies } from './_policies.ts'
import { recordApp } from './_record.ts'
import type { Recorded } from './_record.ts'

let recorded: Recorded
let pages: Listening
let backend: Listening
let browser: Browser
let allowed: string
let foreign: string

beforeAll(async () => {
  recorded = await recordApp()
  // The pages: *.localhost is loopback to Chromium, so one server on 127.0.0.1 serves both origins.
  pages = await listen(
    createServer(
      (_req, res) =>
        void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'),
    ),
  )
  allowed = `http://app.localhost:${pages.port}`
  foreign = `http://evil.localhost:${pages.port}`
  const { requests } = await toPolicies(recorded)
  // The production policy of the other tests (the code reads X-Total-Count), for this run's page origin.
  const policy = inferCorsPolicy({
    mode: 'production',
    requests,
    origins: [{ origin: allowed, from: '--origin' }],
    source: scanSource([{ file: 'src/api.js', text: APP_SOURCE }]),
  })
  const { corsOptions } = await importPolicy(recorded.dir, 'express', policy)
  backend = await startFrameworkBackend('express', corsOptions)
  browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await backend?.close()
  await pages?.close()
  rmSync(recorded.dir, { recursive: true, force: true })
})

/** Opens `origin`'s page, collecting the console. */
async function open(origin: string): Promise<{ page: Page; console: string[] }> {
  const page = await browser.newPage()
  const messages: string[] = []
  page.on('console', (message) => void messages.push(message.text()))
  await page.goto(`${origin}/`)
  return { page, console: messages }
}

describe('the written policy in Chromium', () => {
  it('lets the app on the allowed origin run with credentials and read the exposed X-Total-Count', async () => {
    const { page, console } = await open(allowed)
    const result = await page.evaluate(`(${APP_SCRIPT})(${JSON.stringify(backend.url)})`)
    expect(result).toEqual({ statuses: [200, 200, 200, 204], total: '2' })
    expect(console.filter((line) => line.includes('CORS'))).toEqual([])
    // Not exposed (the code does not read it): Chromium hides it from the page.
    expect(
      await page.evaluate(
        async (url) => (await fetch(url, { credentials: 'include' })).headers.get('X-Request-Id'),
        `${backend.url}/api/items`,
      ),
    ).toBeNull()
    await page.close()
  })

  it('blocks a page on a foreign origin: "Failed to fetch", and the CORS reason on the console', async () => {
    const { page, console } = await open(foreign)
    const errors = await page.evaluate(async (base) => {
      const tries = [
        fetch(`${base}/api/items`, { credentials: 'include' }),
        fetch(`${base}/api/items/1`, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 't0k3n' },
          body: '{}',
        }),
      ]
      return Promise.all(
        tries.map((attempt) =>
          attempt.then(
            () => 'resolved',
            (error: unknown) => String(error),
          ),
        ),
      )
    }, backend.url)
    expect(errors).toEqual(['TypeError: Failed to fetch', 'TypeError: Failed to fetch'])
    await expect.poll(() => console.filter((line) => line.includes('blocked by CORS policy')).length).toBe(2)
    expect(console).toContainEqual(
      `Access to fetch at '${backend.url}/api/items' from origin '${foreign}' has been blocked by CORS policy: ` +
        "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    )
    expect(console).toContainEqual(
      expect.stringContaining(
        `Access to fetch at '${backend.url}/api/items/1' from origin '${foreign}' has been blocked by CORS policy: ` +
          "Response to preflight request doesn't pass access control check",
      ),
    )
    await page.close()
  })
})
