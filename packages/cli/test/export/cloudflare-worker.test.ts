import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { findClosedLoopbackPort, request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BinResult } from '../_bin.ts'
import { runBin } from '../_bin.ts'
import type { RunningWorker } from './_worker.ts'
import { writeProject } from './_project.ts'
import { startWorker } from './_worker.ts'

// The real `sameorigin export cloudflare` on a project (a config read in production mode, whose
// targets come from .env.production, and a built app in dist), then the Worker it wrote, bundled as
// wrangler bundles it, running under workerd (miniflare) on 127.0.0.1 against real backends.

const ORIGIN = 'https://app.example.com'
const APP = { host: 'app.example.com' }

const CONFIG = `export default {
  routes: {
    '/api': { target: '\${API_TARGET}', headers: { 'x-api-key': 'prod-key', cookie: null }, responseHeaders: { 'x-served-by': 'worker' } },
    '/slow': { target: '\${SLOW_TARGET}', timeout: 300 },
    '/down': '\${DOWN_TARGET}',
    '/forms': { target: '\${API_TARGET}', methods: ['POST'], matchHeaders: { 'content-type': /json/ } },
  },
}
`

let dir: string
let backend: Upstream
let silent: Upstream
let worker: RunningWorker
let exported: BinResult

beforeAll(async () => {
  backend = await startUpstream({
    handle: (req, res, recorded) => {
      if (req.url === '/v1/login') {
        res.writeHead(303, {
          location: `${backend.url}/v1/home`,
          'set-cookie': 'sid=abc; Domain=127.0.0.1; Path=/v1; HttpOnly',
        })
        return void res.end()
      }
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ path: recorded.path, headers: recorded.headers }))
    },
  })
  // Accepts the connection and never answers: the route's timeout must end the request.
  silent = await startUpstream({ handle: () => {} })
  const down = await findClosedLoopbackPort()
  dir = writeProject('cloudflare', {
    'sameorigin.config.mjs': CONFIG,
    '.env.production': `API_TARGET=${backend.url}/v1\nSLOW_TARGET=${silent.url}\nDOWN_TARGET=http://127.0.0.1:${down}\n`,
    // Development targets that must not be used by the export.
    '.env': 'API_TARGET=http://127.0.0.1:1\n',
    'dist/index.html': '<!doctype html><title>app</title>\n',
    'dist/assets/app.js': 'console.log("app")\n',
  })
  exported = await runBin(['export', 'cloudflare', '--origin', ORIGIN, '--static', 'dist'], { cwd: dir })
  worker = await startWorker(dir)
}, 60_000)

afterAll(async () => {
  await worker?.close()
  await backend?.close()
  await silent?.close()
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
})

describe('sameorigin export cloudflare: the Worker under workerd', () => {
  it('writes worker.mjs and wrangler.jsonc and prints what a Worker cannot do', () => {
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain('✓ wrote worker.mjs')
    expect(exported.stdout).toContain('✓ wrote wrangler.jsonc')
    expect(exported.stderr).toContain('websocket upgrades (ws, on for /api, /slow, /down, /forms)')
    expect(readFileSync(join(dir, 'worker.mjs'), 'utf8')).toContain(`"target": "${backend.url}/v1"`)
  })

  it('keeps a login on the app origin: the redirect and the cookie (Domain dropped, Path mapped)', async () => {
    const response = await request(`${worker.url}/api/login`, { method: 'POST', headers: APP })
    expect(response.status).toBe(303)
    expect(new URL(String(response.headers.location), 'http://app.example.com').href).toBe(
      'http://app.example.com/api/home',
    )
    expect(response.headers['set-cookie']).toEqual(['sid=abc; Path=/api; HttpOnly'])
  })

  it("rewrites the app's Origin to the target's and applies the route's header overrides", async () => {
    const response = await request(`${worker.url}/api/me`, {
      headers: { ...APP, origin: 'http://app.example.com', cookie: 'sid=abc' },
    })
    expect(response.status).toBe(200)
    const seen = JSON.parse(response.body) as { path: string; headers: Record<string, string> }
    expect(seen.path).toBe('/v1/me')
    expect(seen.headers.origin).toBe(backend.url)
    expect(seen.headers['x-api-key']).toBe('prod-key')
    expect(seen.headers.cookie).toBeUndefined()
    expect(response.headers['x-served-by']).toBe('worker')
  })

  it('refuses a foreign Host with 403 before any backend', async () => {
    const before = backend.requests.length
    const response = await request(`${worker.url}/api/me`, { headers: { host: 'evil.example' } })
    expect(response.status).toBe(403)
    expect(backend.requests.length).toBe(before)
  })

  it("answers 504 when the backend stays silent past the route's timeout", async () => {
    const response = await request(`${worker.url}/slow/x`, { headers: APP })
    expect(response.status).toBe(504)
    expect(response.body).toContain('ERR_UPSTREAM_TIMEOUT')
  })

  it('answers 502 when the backend is down', async () => {
    const response = await request(`${worker.url}/down/x`, { headers: APP })
    expect(response.status).toBe(502)
    expect(response.body).toMatch(/ERR_UPSTREAM_/)
  })

  it('refuses an unsafe path with 400 before any backend', async () => {
    const before = backend.requests.length
    const response = await request(`${worker.url}/api/..%2fsecret`, { headers: APP })
    expect(response.status).toBe(400)
    expect(response.body).toContain('ERR_REQUEST_PATH_UNSAFE')
    expect(backend.requests.length).toBe(before)
  })

  it("serves the app's files, with index.html for any other path (the SPA fallback)", async () => {
    const script = await request(`${worker.url}/assets/app.js`, { headers: APP })
    expect(script.body).toBe('console.log("app")\n')
    const page = await request(`${worker.url}/settings/profile`, { headers: APP })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>app</title>')
  })
})

describe('sameorigin export cloudflare: what no route takes', () => {
  it("forwards a request meeting the route's conditions (a method, a RegExp on a header)", async () => {
    const response = await request(`${worker.url}/forms/signup`, {
      method: 'POST',
      headers: { ...APP, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(200)
    expect((JSON.parse(response.body) as { path: string }).path).toBe('/v1/signup')
  })

  it('hands a request on a route path that no route takes to the app (the Worker ran first)', async () => {
    const before = backend.requests.length
    const page = await request(`${worker.url}/forms/signup`, { headers: APP })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>app</title>')
    expect(backend.requests.length).toBe(before)
  })
})

describe('sameorigin export cloudflare --check', () => {
  it('says the files are current, then that they differ once the production targets change', async () => {
    const args = ['export', 'cloudflare', '--origin', ORIGIN, '--static', 'dist', '--check']
    const current = await runBin(args, { cwd: dir })
    expect(current.code).toBe(0)
    expect(current.stdout).toContain('✓ worker.mjs is what the config gives')
    const env = readFileSync(join(dir, '.env.production'), 'utf8')
    writeFileSync(
      join(dir, '.env.production'),
      env.replace(/^API_TARGET=.*$/m, 'API_TARGET=https://api.example.com'),
    )
    try {
      const stale = await runBin(args, { cwd: dir })
      expect(stale.code).toBe(1)
      expect(stale.stdout).toContain('✗ worker.mjs differs from what the config gives')
      expect(stale.stdout).toContain('✓ wrangler.jsonc is what the config gives')
    } finally {
      writeFileSync(join(dir, '.env.production'), env)
    }
  })
})
