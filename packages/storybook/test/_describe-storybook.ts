import { once } from 'node:events'
import { writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import type { Backend } from '@sameorigin/example-backend'
import { startBackend } from '@sameorigin/example-backend'
import type { Listening, RunningStorybook, StorybookProject, StorybookSetup } from '@sameorigin/test-utils'
import {
  CHROMIUM_ARGS,
  connectWebSocket,
  createStorybookProject,
  findChromium,
  findRefusingPort,
  request,
  startStorybook,
} from '@sameorigin/test-utils'
import type { Browser, Response } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  LARGE_EVENT,
  LARGE_JSON,
  STORY_PATH,
  startLargeUpstream,
  TMP,
  toConfigFile,
  toProjectFiles,
} from './_project.ts'

/** Waits until `check` passes, asking again every 100 ms: a bound, not a timing assertion. */
async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The first bytes of a response that has not ended, up to `length` characters of text. */
async function readStart(res: IncomingMessage, length: number): Promise<{ text: string; ended: boolean }> {
  let text = ''
  res.setEncoding('utf8')
  for await (const chunk of res) {
    text += String(chunk)
    if (text.length >= length) break
  }
  return { text, ended: res.readableEnded }
}

/**
 * One `storybook dev` of `setup` (a major and a builder) with `@sameorigin/storybook`, the example's
 * login story and a real backend, and every behaviour the addon promises on it.
 */
export function describeStorybook(setup: StorybookSetup): void {
  describe(`storybook dev (${setup})`, () => {
    let backend: Backend
    let large: Listening
    let project: StorybookProject
    let storybook: RunningStorybook
    let browser: Browser
    let routes: Record<string, string>

    beforeAll(async () => {
      backend = await startBackend({ port: 0 })
      large = await startLargeUpstream()
      routes = {
        '/api': backend.url,
        '/big': large.url,
        '/down': `http://127.0.0.1:${await findRefusingPort()}`,
        // A ws route on Storybook's channel path: the channel must stay Storybook's (the browser test
        // below sees its messages), never reach this backend.
        '/storybook-server-channel': backend.url,
      }
      project = await createStorybookProject(TMP, { setup, files: toProjectFiles(routes) })
      storybook = await startStorybook(project)
      browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
    })

    afterAll(async () => {
      await browser?.close()
      await storybook?.close()
      await project?.remove()
      await large?.close()
      await backend?.close()
    })

    it('prints the route table and the inspector once the server listens', () => {
      expect(storybook.output()).toContain('[sameorigin] routes')
      expect(storybook.output()).toMatch(new RegExp(`/api +→ ${backend.url}/`))
      expect(storybook.output()).toContain(`[sameorigin] inspector: ${storybook.url}/__sameorigin/`)
    })

    it('a story logs in through /api and renders the user, in Chromium', async () => {
      const context = await browser.newContext()
      try {
        const page = await context.newPage()
        const reportClient = page.waitForResponse((res) =>
          res.url().endsWith('/__sameorigin/report-client.js'),
        )
        await page.goto(`${storybook.url}${STORY_PATH}`)
        // The preview head loads the report client (the inspector is on).
        expect((await reportClient).status()).toBe(200)
        await page.getByRole('button', { name: 'Log in as ada' }).click({ timeout: 30_000 })
        // Rendered from /api/me, which answers the user only with the session cookie sent back.
        await expect.poll(() => page.getByTestId('user').textContent({ timeout: 15_000 })).toBe('ada')
        // Stored for the Storybook origin, its Domain dropped, Secure dropped and SameSite lowered for plain http.
        const cookies = await context.cookies(`${storybook.url}/api/me`)
        expect(cookies).toEqual([
          expect.objectContaining({
            name: 'session',
            domain: '127.0.0.1',
            path: '/api',
            secure: false,
            httpOnly: true,
            sameSite: 'Lax',
          }),
        ])
      } finally {
        await context.close()
      }
    })

    it("keeps Storybook's channel and the builder's HMR working", async () => {
      const context = await browser.newContext()
      try {
        const page = await context.newPage()
        const frames = new Map<string, string[]>()
        page.on('websocket', (socket) => {
          const path = new URL(socket.url()).pathname
          frames.set(path, [])
          socket.on('framereceived', ({ payload }) => frames.get(path)?.push(String(payload)))
        })
        // The builder's HMR: the webpack builder's is an event stream (`/__webpack_hmr`), the Vite
        // builder's a websocket on `/` (protocol vite-hmr) whose first message says it is connected.
        let webpackHmr: Response | undefined
        page.on('response', (res) => {
          if (new URL(res.url()).pathname === '/__webpack_hmr') webpackHmr = res
        })
        const hmrConnected = (): boolean =>
          setup.startsWith('webpack')
            ? webpackHmr?.status() === 200 &&
              (webpackHmr.headers()['content-type'] ?? '').includes('text/event-stream')
            : (frames.get('/')?.join('') ?? '').includes('"connected"')
        await page.goto(`${storybook.url}${STORY_PATH}`)
        await page.getByRole('button', { name: 'Log in as ada' }).waitFor({ timeout: 30_000 })
        // The preview's channel to the server: messages flow both ways once the story rendered.
        await expect
          .poll(() => frames.get('/storybook-server-channel')?.length ?? 0, { timeout: 15_000 })
          .toBeGreaterThan(0)
        await expect.poll(hmrConnected, { timeout: 15_000 }).toBe(true)
      } finally {
        await context.close()
      }
    })

    it('forwards the websockets of a ws route', async () => {
      const client = await connectWebSocket(`${storybook.url.replace('http', 'ws')}/api/ws`)
      client.socket.send('through storybook')
      expect(await client.waitFor(() => true)).toBe('through storybook')
    })

    it('serves server-sent events as they come: an event over 1 KiB arrives while the stream stays open', async () => {
      const req = get(`${storybook.url}/big/events`, { headers: { 'accept-encoding': 'gzip, br' } })
      const [res] = (await once(req, 'response')) as [IncomingMessage]
      try {
        expect(res.headers['content-encoding']).toBeUndefined()
        expect(res.headers['content-security-policy']).toBeUndefined()
        expect(res.headers['cache-control']).toBe('no-cache')
        const { text, ended } = await readStart(res, LARGE_EVENT.length)
        expect(text).toBe(LARGE_EVENT)
        expect(ended).toBe(false)
      } finally {
        req.destroy()
      }
    })

    it("answers a JSON body over 1 KiB exactly as the backend sent it, without Storybook's headers", async () => {
      const res = await request(`${storybook.url}/big/json`, { headers: { 'accept-encoding': 'gzip, br' } })
      expect(res.status).toBe(200)
      expect(res.body).toBe(LARGE_JSON)
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.headers['content-length']).toBe(String(Buffer.byteLength(LARGE_JSON)))
      expect(res.headers['cache-control']).toBe('max-age=60')
      expect(res.headers['content-security-policy']).toBeUndefined()
      // Storybook's own answers still get its headers: the difference is the proxy's doing.
      const own = await request(`${storybook.url}/index.json`)
      expect(own.headers['cache-control']).toBe('no-store')
      expect(own.headers['content-security-policy']).toContain('frame-ancestors')
    })

    it('answers an unreachable backend with a 502 that says why, and Storybook stays up', async () => {
      const res = await request(`${storybook.url}/down/x`, { headers: { accept: 'application/json' } })
      expect(res.status).toBe(502)
      expect(res.body).toContain('ERR_UPSTREAM_UNREACHABLE')
      expect(res.body).toMatch(/refused/i)
      expect((await request(`${storybook.url}/index.json`)).status).toBe(200)
    })

    it('applies an edit of sameorigin.config.mjs to the next request', async () => {
      await writeFile(
        join(project.root, 'sameorigin.config.mjs'),
        toConfigFile({ ...routes, '/down': large.url }),
      )
      await until(
        async () => (await request(`${storybook.url}/down/x`)).status === 404,
        'the edited route answers',
      )
      expect(storybook.output()).toContain('routes changed /down')
    })
  })
}
