// The app's built files with the SPA fallback, and what is refused before any route, through the
// exported Caddyfile on the real Caddy.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { caddyMissing, request, sendRaw, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportedCaddy } from './_caddy.ts'
import { startExportedCaddy } from './_caddy.ts'

const missing = caddyMissing()

describe.skipIf(missing !== undefined)(
  `static files and refusals through Caddy${missing === undefined ? '' : ` (${missing})`}`,
  () => {
    let upstream: Upstream
    let caddy: ExportedCaddy
    let dist: string

    beforeAll(async () => {
      dist = await mkdtemp(join(tmpdir(), 'sameorigin-dist-'))
      await chmod(dist, 0o755)
      await mkdir(join(dist, 'assets'))
      await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>')
      await writeFile(join(dist, 'assets', 'app.js'), 'console.log(1)')
      upstream = await startUpstream()
      caddy = await startExportedCaddy({ routes: { '/api': `${upstream.url}/v1` } }, { staticDir: dist })
    })
    afterAll(async () => {
      await caddy?.close()
      await upstream?.close()
      if (dist !== undefined) await rm(dist, { recursive: true, force: true })
    })

    it('serves the built files, and index.html for the app routes', async () => {
      expect((await request(`${caddy.url}/assets/app.js`)).body).toBe('console.log(1)')
      const page = await request(`${caddy.url}/settings/profile`)
      expect(page.status).toBe(200)
      expect(page.body).toContain('<title>app</title>')
      expect(upstream.requests).toHaveLength(0)
    })

    it.for([
      '/api/%2e%2e%2fadmin',
      '/api/..%2F..%2Fetc/passwd',
      '/api/..%5cadmin',
      '/api/%252e%252e%252fadmin',
      '/api/file%00.json',
      '/api/../admin',
      '/api/..;/admin',
    ])('refuses %s with 400 ERR_REQUEST_PATH_UNSAFE, nothing forwarded', async (path) => {
      const answer = await sendRaw(
        caddy.port,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${caddy.port}\r\nConnection: close\r\n\r\n`,
      )
      expect(answer).toMatch(/^HTTP\/1\.1 400 /)
      expect(answer).toContain('"code":"ERR_REQUEST_PATH_UNSAFE"')
      expect(upstream.requests).toHaveLength(0)
    })

    it('refuses a Host the app is not served on, TRACE, and CONNECT', async () => {
      const foreign = await request(`${caddy.url}/api/x`, { headers: { host: 'evil.example' } })
      expect(foreign.status).toBe(403)
      expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'ERR_REQUEST_HOST_NOT_ALLOWED' } })
      expect((await request(`${caddy.url}/api/x`, { method: 'TRACE' })).status).toBe(405)
      const connect = await sendRaw(
        caddy.port,
        `CONNECT 127.0.0.1:${upstream.port} HTTP/1.1\r\nHost: 127.0.0.1:${upstream.port}\r\n\r\n`,
      )
      expect(connect).toMatch(/^HTTP\/1\.1 405 /)
      expect(upstream.connections).toBe(0)
    })
  },
)
