import type { UserConfig } from '@sameorigin/core'
import { resolveConfig } from '@sameorigin/core'
import { TEST_CA } from '@sameorigin/test-utils'
import { parse } from 'jsonc-parser'
import { describe, expect, it } from 'vitest'
import { cloudflareTarget } from '../../src/export/cloudflare/cloudflare-target.ts'
import { EXPORT_TARGETS } from '../../src/export/targets.ts'
import type { ExportInput, ExportOutput } from '../../src/export/types.ts'

/** Renders `user` for https://app.example.com, with the app's files in `dist` unless told otherwise. */
function render(user: UserConfig, overrides: Partial<ExportInput> = {}): ExportOutput {
  return cloudflareTarget.render({
    config: resolveConfig(user, { env: {} }),
    origin: new URL('https://app.example.com'),
    staticDir: 'dist',
    listen: undefined,
    mode: 'production',
    command: 'sameorigin export cloudflare --origin https://app.example.com --static dist',
    ...overrides,
  })
}

function file(output: ExportOutput, path: string): string {
  return output.files.find((entry) => entry.path === path)?.content ?? ''
}

function wrangler(output: ExportOutput): Record<string, unknown> & { assets?: Record<string, unknown> } {
  return parse(file(output, 'wrangler.jsonc')) as Record<string, unknown>
}

describe('the cloudflare export target', () => {
  it('is registered as `cloudflare`', () => {
    expect(EXPORT_TARGETS.cloudflare).toBe(cloudflareTarget)
  })

  it('writes worker.mjs then wrangler.jsonc, each opening with the header, the same bytes every time', () => {
    const config = { routes: { '/api': 'http://127.0.0.1:8080' } }
    const output = render(config)
    expect(output.files.map((entry) => entry.path)).toEqual(['worker.mjs', 'wrangler.jsonc'])
    for (const entry of output.files) {
      expect(entry.content).toMatch(
        /^\/\/ Generated from the inline config \(mode production\) for https:\/\/app\.example\.com by:\n/,
      )
    }
    expect(render(config)).toEqual(output)
  })

  it('writes the routes as data: templates, RegExps, conditions, headers and changed options only', () => {
    const worker = file(
      render({
        routes: [
          { path: '/users/:id', target: 'https://api.example.com/v1', rewrite: '/u/:id', methods: ['get'] },
          { path: /^\/v\d+\//, target: 'https://api.example.com', matchHeaders: { accept: /json/ } },
          {
            path: '/auth',
            target: 'https://id.example.com',
            headers: { 'x-key': 'k', cookie: null },
            timeout: 5000,
            cookies: false,
          },
        ],
      }),
      'worker.mjs',
    )
    expect(worker).toContain("import { createFetchProxy } from '@sameorigin/core/fetch'")
    expect(worker).toContain(
      '"path": "/users/:id",\n      "target": "https://api.example.com/v1",\n      "rewrite": "/u/:id"',
    )
    expect(worker).toContain('"methods": [\n        "GET",\n      ]')
    expect(worker).toContain('"path": /^\\/v\\d+\\//')
    expect(worker).toContain('"accept": /json/')
    expect(worker).toContain('"x-key": "k",\n        "cookie": null')
    expect(worker).toContain('"timeout": 5000,\n      "cookies": false,\n    }')
    expect(worker).not.toContain('"changeOrigin"')
    expect(worker).toContain('allowedHosts: ["app.example.com"]')
    expect(worker).toContain('return env.ASSETS.fetch(request)')
  })

  it('answers 404 itself when there are no app files to hand requests to', () => {
    const output = render({ routes: { '/api': 'http://127.0.0.1:8080' } }, { staticDir: undefined })
    expect(file(output, 'worker.mjs')).toContain("return new Response('Not Found\\n', { status: 404 })")
    expect(wrangler(output).assets).toBeUndefined()
  })

  it('serves the app files as assets with the SPA fallback, the Worker first on the route paths', () => {
    const config = wrangler(
      render({ routes: { '/api/': 'http://127.0.0.1:8080', '/users/:id': 'http://127.0.0.1:8081' } }),
    )
    expect(config).toMatchObject({
      main: 'worker.mjs',
      compatibility_date: '2025-09-01',
      name: 'app-example-com',
      routes: [{ pattern: 'app.example.com', custom_domain: true }],
      workers_dev: false,
    })
    expect(config.assets).toEqual({
      directory: 'dist',
      binding: 'ASSETS',
      not_found_handling: 'single-page-application',
      run_worker_first: ['/api', '/api/*', '/users*'],
    })
  })

  it('runs the Worker first on every path when a route is no path glob (a RegExp, a catch-all)', () => {
    expect(
      wrangler(render({ routes: { '^/v\\d+/': 'http://127.0.0.1:8080' } })).assets?.run_worker_first,
    ).toBe(true)
    expect(wrangler(render({ routes: { '/': 'http://127.0.0.1:8080' } })).assets?.run_worker_first).toBe(true)
  })

  it('adds no custom domain for a local origin', () => {
    const config = wrangler(render({ routes: {} }, { origin: new URL('http://localhost:8787') }))
    expect(config.routes).toBeUndefined()
    expect(config.workers_dev).toBeUndefined()
  })

  it('declares what a Worker cannot do, per route and for the whole config, in the files too', () => {
    const output = render({
      routes: {
        '/fn': { target: 'https://a.example.com', rewrite: (path) => path, headers: () => ({}) },
        '/mocked': {
          target: 'https://b.example.com',
          mock: { handler: () => undefined, mode: 'always' },
          ws: false,
        },
        '/tls': {
          target: 'https://c.example.com',
          secure: false,
          ca: TEST_CA,
          changeOrigin: false,
          ws: false,
        },
      },
    })
    expect(output.losses.map((loss) => [loss.route, loss.behaviour])).toEqual([
      ['/fn', 'a function rewrite (rewrite)'],
      ['/fn', 'computed request headers (headers as a function)'],
      ['/mocked', 'mock answers (mock)'],
      ['/tls', 'certificate verification off (secure: false)'],
      ['/tls', 'extra certificate authorities (ca)'],
      ['/tls', "the browser's Host kept (changeOrigin: false)"],
      [undefined, 'websocket upgrades (ws, on for /fn)'],
      [undefined, 'the connect clock (connectTimeout)'],
    ])
    for (const entry of output.files)
      expect(entry.content).toContain('// - /fn: a function rewrite (rewrite): ')
  })

  it('declares nothing for a config without routes', () => {
    expect(render({ routes: {} }).losses).toEqual([])
  })
})
