// The inspector in `rsbuild dev` and `rsbuild preview` (the oldest and newest Rsbuild 2): the engine
// answers `/__sameorigin/` after its own Host check and records every proxied exchange; the startup
// output names it; `inspector: false` leaves the path to Rsbuild. The report client is bundled for
// `rsbuild dev` only: see report-client.test.ts.
import { request, sendRaw, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { RSBUILDS, SERVERS } from './_rsbuild.ts'

const status = (raw: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1])

describe.each(RSBUILDS)('$name', ({ rsbuild }) => {
  describe.each(SERVERS)('rsbuild $name', ({ start, name }) => {
    it('serves the inspector at /__sameorigin/, lists a proxied exchange and prints its address', async () => {
      const upstream = await startUpstream()
      onTestFinished(() => upstream.close())
      const plugins = [pluginSameOrigin({ configFile: false, routes: { '/api': upstream.url } })]
      const { url, port, lines } = await start({ rsbuild, root: createFixture(), plugins })

      const page = await request(`${url}/__sameorigin/`)
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
      expect((await request(`${url}/api/users?page=2`)).status).toBe(200)
      const listed = async (): Promise<unknown> =>
        JSON.parse((await request(`${url}/__sameorigin/api/exchanges`)).body)
      await expect.poll(listed).toMatchObject({
        exchanges: [{ method: 'GET', url: '/api/users?page=2', route: '/api', status: 200, state: 'done' }],
      })
      expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/api/users?page=2'])

      // Right under the route table, on the server's own URL. Rsbuild 2.0 prints a `port: 0` as 0 in its
      // URLs; its dev server prints them, and the table, before it listens: there the URL is as Rsbuild's.
      const at = (text: string): number => lines.findIndex((line) => line.message.includes(text))
      await expect.poll(() => at('[sameorigin] inspector: ')).toBeGreaterThan(0)
      expect(at('[sameorigin] inspector: ')).toBe(at('[sameorigin] routes (first match wins):') + 1)
      const own = rsbuild.version.startsWith('2.0.') && name === 'dev' ? 'http://127.0.0.1:0' : url
      expect(lines[at('[sameorigin] inspector: ')]?.message).toBe(
        `[sameorigin] inspector: ${own}/__sameorigin/`,
      )

      // A foreign Host gets the engine's 403, as on the routes (DNS rebinding).
      const foreign = `GET /__sameorigin/api/exchanges HTTP/1.1\r\nHost: evil.example:${port}\r\nConnection: close\r\n\r\n`
      expect(status(await sendRaw(port, foreign))).toBe(403)
    })

    it('leaves /__sameorigin/ to Rsbuild with inspector: false, and prints no address', async () => {
      const options = {
        configFile: false,
        inspector: false,
        routes: { '/api': 'http://127.0.0.1:9' },
      } as const
      const plugins = [pluginSameOrigin(options)]
      const { url, text } = await start({ rsbuild, root: createFixture(), plugins })

      // Rsbuild answers it as any other path it does not know.
      const answer = async (path: string): Promise<[number, string]> => {
        const got = await request(`${url}${path}`, { headers: { accept: 'text/html' } })
        return [got.status, got.body]
      }
      expect(await answer('/__sameorigin/')).toEqual(await answer('/__elsewhere/'))
      expect((await answer('/__sameorigin/api/exchanges'))[1]).not.toContain('exchanges')
      await expect.poll(text).toContain('routes (first match wins)')
      expect(text()).not.toContain('inspector:')
    })
  })
})
