import {
  answeredBy,
  connectWebSocket,
  createGate,
  request,
  startUpstream,
  toConfigModule,
  upstreamForTest,
} from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { connectHmr, isHmrMessage } from './_hmr.ts'
import { changeLines, problemLines, TIMEOUT, WAIT, writeFile } from './_live-reload.ts'
import { VITE8, VITES, startDev, startPreview } from './_vite.ts'

interface OverlayError {
  readonly type: 'error'
  readonly err: { message: string; stack: string; plugin?: string; id?: string }
}

describe.each(VITES)('$name: live reload of the config', ({ vite }) => {
  it.each([
    { kind: 'dev', start: startDev },
    { kind: 'preview', start: startPreview },
  ])(
    '$kind: an edit of the config file applies to the next request, with one line',
    async ({ start }) => {
      const [a, b] = [await upstreamForTest(), await upstreamForTest()]
      const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
      const { url, lines } = await start(vite, { root, plugins: [sameorigin()] })
      expect(await answeredBy(url, a)).toBe(true)

      writeFile(root, 'sameorigin.config.ts', toConfigModule({ '/api': b.url, '/v2': a.url }))
      await vi.waitFor(() => expect(changeLines(lines)).toHaveLength(1), WAIT)
      expect(await answeredBy(url, b)).toBe(true)
      expect(changeLines(lines)).toEqual([
        `[sameorigin] sameorigin.config.ts changed: routes added /v2 → ${a.url}/; changed /api → ${b.url}/ (was ${a.url}/)`,
      ])
      expect(lines.find((line) => changeLines([line]).length === 1)?.timestamp).toBe(true)
    },
    TIMEOUT,
  )

  it(
    'dev: a bad edit keeps the last good config, is printed once and shown in the overlay until fixed',
    async () => {
      const [a, b] = [await upstreamForTest(), await upstreamForTest()]
      const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
      const started = await startDev(vite, { root, plugins: [sameorigin()] })
      const { url, lines } = started
      const page = await connectHmr(started)

      const file = writeFile(root, 'sameorigin.config.ts', toConfigModule({ '/api': 'ftp://nowhere' }))
      const shown = JSON.parse(await page.waitFor(isHmrMessage('error'))) as OverlayError
      expect(shown.err).toMatchObject({ plugin: 'sameorigin', id: file })
      expect(shown.err.message).toMatch(/^ERR_CONFIG_INVALID: /)
      expect(shown.err.message).toContain("routes['/api']")
      expect(shown.err.stack).toContain('run: sameorigin explain ERR_CONFIG_INVALID')
      // An empty update first, so that the fix closes the overlay without Vite's client reloading the page.
      expect(page.messages.slice(1).map((message) => JSON.parse(message))).toEqual([
        { type: 'update', updates: [] },
        shown,
      ])
      expect(await answeredBy(url, a)).toBe(true)
      expect(problemLines(lines)).toHaveLength(1)
      expect(problemLines(lines)[0]).toContain('ERR_CONFIG_INVALID')

      // A page opened (or reloaded) while the problem stands shows it too.
      const later = await connectHmr(started)
      expect(JSON.parse(await later.waitFor(isHmrMessage('error')))).toEqual(shown)

      writeFile(root, 'sameorigin.config.ts', toConfigModule({ '/api': b.url }))
      await vi.waitFor(() => expect(changeLines(lines)).toHaveLength(1), WAIT)
      expect(await answeredBy(url, b)).toBe(true)
      await vi.waitFor(() => expect(page.messages.filter(isHmrMessage('update'))).toHaveLength(2), WAIT)
      expect(JSON.parse(page.messages.at(-1)!)).toEqual({ type: 'update', updates: [] })
      await vi.waitFor(() => expect(later.messages.filter(isHmrMessage('update'))).toHaveLength(1), WAIT)
      expect(JSON.parse(later.messages.at(-1)!)).toEqual({ type: 'update', updates: [] })
      expect(problemLines(lines)).toHaveLength(1)

      // Fixed: a page opened now gets no error.
      const fresh = await connectHmr(started)
      expect(await answeredBy(url, b)).toBe(true)
      expect(fresh.messages.filter(isHmrMessage('error'))).toEqual([])
    },
    TIMEOUT,
  )
})

describe('live reload in vite dev', () => {
  it(
    'lets a request in flight finish on its config, and keeps open websockets',
    async () => {
      const gate = createGate()
      const a = await startUpstream({
        handle: (_req, res) => void gate.opened.then(() => res.end('from a')),
        websocket: (socket) => socket.on('message', (data) => socket.send(`a: ${String(data)}`)),
      })
      onTestFinished(() => a.close())
      const b = await upstreamForTest()
      const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
      const { url, lines } = await startDev(VITE8, { root, plugins: [sameorigin()] })
      const socket = await connectWebSocket(`${url.replace('http:', 'ws:')}/api/socket`)
      const inFlight = request(`${url}/api/slow`)
      await vi.waitFor(() => expect(a.requests.some((seen) => seen.path === '/api/slow')).toBe(true), WAIT)

      writeFile(root, 'sameorigin.config.ts', toConfigModule({ '/api': b.url }))
      await vi.waitFor(() => expect(changeLines(lines)).toHaveLength(1), WAIT)
      expect(await answeredBy(url, b)).toBe(true)
      gate.open()
      expect((await inFlight).body).toBe('from a')
      socket.socket.send('still here')
      expect(await socket.waitFor((message) => message.startsWith('a:'))).toBe('a: still here')
    },
    TIMEOUT,
  )
})

describe('live reload in vite preview', () => {
  it(
    'applies an env file written while the server runs (preview has no restart of its own)',
    async () => {
      const [a, b] = [await upstreamForTest(), await upstreamForTest()]
      const root = createFixture({
        'sameorigin.config.ts': `export default { routes: { '/api': '\${API_TARGET}' } }\n`,
        '.env': `API_TARGET=${a.url}\n`,
      })
      const { url, lines } = await startPreview(VITE8, { root, plugins: [sameorigin()] })
      expect(await answeredBy(url, a)).toBe(true)

      writeFile(root, '.env.production.local', `API_TARGET=${b.url}\n`)
      await vi.waitFor(() => expect(changeLines(lines)).toHaveLength(1), WAIT)
      expect(changeLines(lines)[0]).toMatch(
        /^\[sameorigin\] \.env\.production\.local changed: routes changed \/api/,
      )
      expect(await answeredBy(url, b)).toBe(true)
    },
    TIMEOUT,
  )

  it(
    'keeps the last good config on a bad edit and prints it once',
    async () => {
      const a = await upstreamForTest()
      const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
      const { url, lines } = await startPreview(VITE8, { root, plugins: [sameorigin()] })

      writeFile(root, 'sameorigin.config.ts', 'export default { routes: { ')
      await vi.waitFor(() => expect(problemLines(lines)).toHaveLength(1), WAIT)
      expect(problemLines(lines)[0]).toContain('ERR_CONFIG_LOAD_FAILED')
      expect(await answeredBy(url, a)).toBe(true)
    },
    TIMEOUT,
  )
})
