// The routes init writes must mean what the tool's proxy entries meant: the same requests reach the
// same upstream paths. Each tool's own proxy (Vite's server.proxy, http-proxy-middleware as
// webpack-dev-server runs it, Next's rewrites) is the reference, run for real where it runs in a
// plain Node process; sameorigin's side is the written sameorigin.config.ts, loaded with loadConfig
// and matched with the core's matchRequest.
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { matchRequest } from '@sameorigin/core'
import { translateRoute } from '@sameorigin/next'
import type { Upstream } from '@sameorigin/test-utils'
import { listen, request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planInit } from '../../src/init/plan-init.ts'
import { loadWrittenConfig, makeProject, packageJsonFor, VERSION, writePlan } from './_project.ts'
import { importFromExample, requireFromPackage } from './_tools.ts'

/** The part of Vite's API used here (the CLI does not depend on Vite; the example app does). */
interface ViteModule {
  createServer: (config: Record<string, unknown>) => Promise<{
    middlewares: (req: IncomingMessage, res: ServerResponse, next: () => void) => void
    close: () => Promise<void>
  }>
}

let upstream: Upstream
beforeAll(async () => {
  upstream = await startUpstream()
})
afterAll(() => upstream.close())

/** Where the core sends `path`: the upstream path and query, or `undefined` when no route takes it. */
async function sameoriginPath(root: string, path: string): Promise<string | undefined> {
  const config = await loadWrittenConfig(root)
  const match = matchRequest(config, { method: 'GET', url: path, headers: {} })
  if (match === undefined) return undefined
  const url = new URL(match.upstreamUrl)
  return `${url.pathname}${url.search}`
}

/** Sends `paths` through `url` and returns the path each one reached the upstream with. */
async function upstreamPaths(url: string, paths: readonly string[]): Promise<(string | undefined)[]> {
  const reached: (string | undefined)[] = []
  for (const path of paths) {
    const before = upstream.requests.length
    await request(`${url}${path}`)
    reached.push(upstream.requests.length > before ? upstream.requests.at(-1)?.path : undefined)
  }
  return reached
}

describe("Vite's server.proxy → routes", () => {
  it('sends every path to the same upstream path as Vite itself did', async () => {
    const target = upstream.url
    const root = makeProject({
      'package.json': packageJsonFor('vite', { type: 'module' }),
      'vite.config.mjs': `export default {
  server: {
    proxy: {
      '/api': { target: '${target}', changeOrigin: true, rewrite: (path) => path.replace(/^\\/api/, '') },
      '/v1': '${target}/base',
      '^/items/\\\\d+': { target: '${target}' },
      '/auth': { target: '${target}', rewrite: (p) => p.replace(/^\\/auth/, '/login') },
      '/odd': { target: '${target}', rewrite: (p) => p.replace(/^\\/odd\\/x/, '/y') },
      '/ws': { target: '${target.replace('http:', 'ws:')}', ws: true },
    },
  },
}
`,
    })
    const paths = [
      '/api',
      '/api/users?x=1',
      '/api/a/b/',
      '/v1',
      '/v1/things/1',
      '/items/42',
      '/items/x',
      '/auth/start',
      '/odd/x/z',
      '/odd/q',
      '/ws/socket',
      '/other',
    ]

    // Vite, as `vite dev` runs its proxy (middleware mode: the same middleware stack).
    const vite = await importFromExample<ViteModule>('vite-react', 'vite')
    const server = await vite.createServer({
      root,
      configFile: join(root, 'vite.config.mjs'),
      logLevel: 'silent',
      server: { middlewareMode: true, hmr: false },
    })
    const host = createServer((req: IncomingMessage, res: ServerResponse) =>
      server.middlewares(req, res, () => {
        res.statusCode = 404
        res.end()
      }),
    )
    const listening = await listen(host)
    let viteSent: (string | undefined)[]
    try {
      viteSent = await upstreamPaths(listening.url, paths)
    } finally {
      await listening.close()
      await server.close()
    }

    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(plan.kept).toEqual([])
    writePlan(plan)
    const sameoriginSent = await Promise.all(paths.map((path) => sameoriginPath(root, path)))
    expect(sameoriginSent).toEqual(viteSent)
    // What the paths above show: prefix rewrites, a target's own path, RegExp keys, copied functions.
    expect(viteSent).toEqual([
      '/',
      '/users?x=1',
      '/a/b/',
      '/base/v1',
      '/base/v1/things/1',
      '/items/42',
      undefined,
      '/login/start',
      '/y/z',
      '/odd/q',
      '/ws/socket',
      undefined,
    ])
  })
})

describe("webpack-dev-server's devServer.proxy → routes", () => {
  it('sends every path to the same upstream path as http-proxy-middleware did', async () => {
    const target = upstream.url
    const root = makeProject({
      'package.json': packageJsonFor('webpack', { type: 'module' }),
      'webpack.config.mjs': `export default {
  devServer: {
    proxy: [
      { context: ['/api', '/auth'], target: '${target}', pathRewrite: { '^/api': '' }, changeOrigin: true },
      { context: '/files/**', target: '${target}/storage' },
      { context: ['/v2'], target: '${target}', pathRewrite: { '^/v2/old': '/v2/new' } },
      { context: ['/legacy'], target: '${target}', pathRewrite: (path) => path.replace('/legacy', '/modern') },
    ],
  },
}
`,
    })
    const paths = [
      '/api/users',
      '/api',
      '/auth/login?next=/',
      '/files/a/b.txt',
      '/v2/old/x',
      '/v2/other',
      '/legacy/page',
      '/nothing',
    ]

    // http-proxy-middleware 2, created per entry exactly as webpack-dev-server 5 does.
    const { default: config } = (await import(pathToFileURL(join(root, 'webpack.config.mjs')).href)) as {
      default: { devServer: { proxy: Record<string, unknown>[] } }
    }
    const { createProxyMiddleware } = requireFromPackage(
      'webpack-react',
      'webpack-dev-server',
    )('http-proxy-middleware') as {
      createProxyMiddleware: (
        context: unknown,
        options: unknown,
      ) => (req: IncomingMessage, res: ServerResponse, next: () => void) => void
    }
    const middlewares = config.devServer.proxy.map((entry) =>
      createProxyMiddleware(entry.context, { ...entry, ws: false, logLevel: 'silent' }),
    )
    const host = createServer((req, res) => {
      const next = (index: number): void => {
        const middleware = middlewares[index]
        if (middleware === undefined) {
          res.statusCode = 404
          res.end()
          return
        }
        middleware(req, res, () => next(index + 1))
      }
      next(0)
    })
    const listening = await listen(host)
    let hpmSent: (string | undefined)[]
    try {
      hpmSent = await upstreamPaths(listening.url, paths)
    } finally {
      await listening.close()
    }

    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(plan.kept).toEqual([])
    writePlan(plan)
    const sameoriginSent = await Promise.all(paths.map((path) => sameoriginPath(root, path)))
    expect(sameoriginSent).toEqual(hpmSent)
    expect(hpmSent).toEqual([
      '/users',
      '/',
      '/auth/login?next=/',
      '/storage/files/a/b.txt',
      '/v2/new/x',
      '/v2/other',
      '/modern/page',
      undefined,
    ])
  })
})

describe("Next's rewrites → routes", () => {
  it('gives back the same rewrites when @sameorigin/next translates the routes for Next', async () => {
    const rewrites = [
      { source: '/api/:path*', destination: 'http://127.0.0.1:8080/api/:path*' },
      { source: '/v1/:path*', destination: 'https://staging.example.com/v1/:path*' },
      { source: '/short/:path*', destination: 'http://127.0.0.1:8080/:path*' },
      { source: '/old/:rest*', destination: 'http://127.0.0.1:8080/new/:rest*' },
      { source: '/users/:id', destination: 'http://127.0.0.1:8080/people/:id' },
      { source: '/env/:path*', destination: '${BACKEND}/:path*' },
    ]
    const root = makeProject({
      'package.json': packageJsonFor('next'),
      'next.config.mjs': `export default {
  async rewrites() {
    return {
      beforeFiles: ${JSON.stringify(rewrites.slice(0, -1), null, 2).replace(/\n/g, '\n      ')},
      afterFiles: [{ source: '/env/:path*', destination: \`\${process.env.BACKEND}/:path*\` }],
    }
  },
}
`,
    })
    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(plan.kept).toEqual([])
    expect(plan.moved).toHaveLength(rewrites.length)
    writePlan(plan)
    const backend = 'http://10.0.0.7:9000'
    writeFileSync(join(root, '.env'), `BACKEND=${backend}\n`)
    const config = await loadWrittenConfig(root)
    expect(config.routes).toHaveLength(rewrites.length)
    config.routes.forEach((route, index) => {
      const original = rewrites[index] as { source: string; destination: string }
      const translated = translateRoute(route)
      expect(translated.skipped).toBeUndefined()
      // Next's form of the route: the rewrite itself (a prefix's parameter is always :path*), and a
      // variant that keeps a trailing slash.
      expect(translated.rewrites?.map(({ source, destination }) => ({ source, destination }))).toContainEqual(
        {
          source: original.source.replace(':rest*', ':path*'),
          destination: original.destination.replace('${BACKEND}', backend).replace(':rest*', ':path*'),
        },
      )
    })
  })
})
