import { createServer } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'
import { emptyFolder, startServe as serve } from '../_serve.ts'

const STORYBOOK = 'http://localhost:6006'

describe('sameorigin serve', () => {
  it('proxies every path to --target on 127.0.0.1, and Ctrl-C stops it with exit 0', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const { url, running } = await serve(['--target', upstream.url])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await request(`${url}/users/1?x=1`)
    expect(res.status).toBe(200)
    expect(upstream.requests[0]?.path).toBe('/users/1?x=1')
    const ended = await running.stop()
    expect(ended.code).toBe(0)
    expect(ended.stdout).toMatch(/\/\s+→ http:\/\/127\.0\.0\.1:\d+\//)
  })

  it('serves the inspector at /__sameorigin/ (before the catch-all --target) and prints its address', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const { url, running } = await serve(['--target', upstream.url])
    expect((await request(`${url}/users/1`)).status).toBe(200)
    const list = await request(`${url}/__sameorigin/api/exchanges`)
    expect(list.status).toBe(200)
    const { exchanges } = JSON.parse(list.body) as { exchanges: { url: string; route: string }[] }
    expect(exchanges.map(({ url: path, route }) => [path, route])).toEqual([['/users/1', '/']])
    expect(upstream.requests.map((r) => r.path)).toEqual(['/users/1'])
    expect((await running.stop()).stdout).toContain(`inspector: ${url}/__sameorigin/`)
  })

  it('uses the config file of the folder when there is no --target', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const cwd = emptyFolder()
    writeFileSync(
      join(cwd, 'sameorigin.config.mjs'),
      `export default { routes: { '/api': '${upstream.url}' } }\n`,
    )
    const { url } = await serve([], cwd)
    expect((await request(`${url}/api/me`)).status).toBe(200)
    expect((await request(`${url}/other`)).status).toBe(404)
    expect(upstream.requests.map((r) => r.path)).toEqual(['/api/me'])
  })

  it('CORS mode: answers preflights, echoes a listed origin with credentials, refuses others with 403', async () => {
    const upstream = await startUpstream({
      handle: (_req, res) => {
        // A backend that sends `*` itself: with credentials a browser would refuse it.
        res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' })
        res.end('{"ok":true}')
      },
    })
    onTestFinished(() => upstream.close())
    const { url, running } = await serve([
      '--target',
      upstream.url,
      '--allow-origin',
      STORYBOOK,
      '--credentials',
    ])
    const preflight = await request(`${url}/api/items`, {
      method: 'OPTIONS',
      headers: { origin: STORYBOOK, 'access-control-request-method': 'DELETE' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-methods']).toBe('DELETE')
    const res = await request(`${url}/api/items`, { headers: { origin: STORYBOOK, cookie: 'sid=1' } })
    expect(res.headers['access-control-allow-origin']).toBe(STORYBOOK)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(res.headers.vary).toBe('Origin')
    const refused = await request(`${url}/api/items`, {
      headers: { origin: 'http://localhost:3000', accept: 'application/json' },
    })
    expect(refused.status).toBe(403)
    expect(refused.body).toContain('ERR_REQUEST_ORIGIN_NOT_ALLOWED')
    expect(upstream.requests).toHaveLength(1)
    expect((await running.stop()).stdout).toContain(
      'CORS mode: pages at http://localhost:6006 may call it, with credentials; other origins get 403.',
    )
  })

  it("refuses '*' with --credentials, and --credentials without --allow-origin (exit 2)", async () => {
    const star = await runBin(
      ['serve', '--target', 'http://127.0.0.1:1', '--allow-origin', '*', '--credentials'],
      {
        cwd: emptyFolder(),
      },
    )
    expect(star.code).toBe(2)
    expect(star.stderr).toContain('ERR_CLI_ARGUMENT_INVALID')
    expect(star.stderr).toContain("--allow-origin '*' cannot go with --credentials")
    expect(star.stderr).not.toContain('cors.origins')
    const alone = await runBin(['serve', '--target', 'http://127.0.0.1:1', '--credentials'], {
      cwd: emptyFolder(),
    })
    expect(alone.code).toBe(2)
    expect(alone.stderr).toContain('--credentials only applies in CORS mode')
  })

  it('explains a port in use, a bad --target and nothing to proxy (exit 2)', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())))
    const port = (blocker.address() as { port: number }).port
    const busy = await runBin(['serve', '--target', 'http://127.0.0.1:1', '--port', String(port)], {
      cwd: emptyFolder(),
    })
    expect(busy.code).toBe(2)
    expect(busy.stderr).toContain(`Cannot listen on 127.0.0.1:${port}: the port is in use.`)
    const bad = await runBin(['serve', '--target', 'localhost:8080'], { cwd: emptyFolder() })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--target must be an http(s) URL (got "localhost:8080")')
    const nothing = await runBin(['serve'], { cwd: emptyFolder() })
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('Nothing to proxy')
  })
})
