// Proxy entries that stay in the tool config, each with the reason init gives: options sameorigin
// refuses (in the core's own words), code it cannot copy with certainty, an order it would change,
// and Next rewrites a route cannot reproduce.
import { describe, expect, it } from 'vitest'
import { initConfig, packageJsonFor } from './_project.ts'

describe('entries that stay', () => {
  it('options sameorigin refuses, with the core message, and code that cannot be copied', () => {
    const { plan, config } = initConfig(
      'vite',
      'vite.config.ts',
      `import { defineConfig } from 'vite'

const prefix = /^\\/api/

export default defineConfig({
  server: {
    proxy: {
      '/configured': { target: 'http://localhost:1', configure: (proxy) => proxy.on('error', () => {}) },
      '/bypassed': { target: 'http://localhost:2', bypass: (req) => (req.url === '/' ? '/index.html' : undefined) },
      '/routed': { target: 'http://localhost:3', router: { 'dev.localhost:3000': 'http://localhost:4' } },
      '/closure': { target: 'http://localhost:5', rewrite: (path) => path.replace(prefix, '') },
      '/glob*': 'http://localhost:6',
      '/moved': 'http://localhost:7',
    },
  },
})
`,
    )
    expect(plan.kept).toEqual([
      {
        from: "server.proxy['/configured']",
        reason:
          'configure is not supported: the proxy instance is not exposed; use `headers` and `responseHeaders`',
      },
      {
        from: "server.proxy['/bypassed']",
        reason:
          'bypass is not supported: choose which requests are proxied with `methods` or `matchHeaders` (page loads can stay on the dev server)',
      },
      {
        from: "server.proxy['/routed']",
        reason:
          'router is not supported: a route does not choose its target per request; declare one route per backend',
      },
      {
        from: "server.proxy['/closure']",
        reason:
          "rewrite is a function sameorigin cannot copy with certainty; write a template (rewrite: '/v2/:path*') or a function in sameorigin.config.ts",
      },
      {
        from: "server.proxy['/glob*']",
        reason: "the key '/glob*' would read as a pattern in sameorigin (`:`, `*`, `?` or brackets)",
      },
    ])
    expect(plan.moved).toEqual([
      { from: "server.proxy['/moved']", routes: ["'/moved': 'http://localhost:7'"] },
    ])
    expect(config).toContain(
      "'/closure': { target: 'http://localhost:5', rewrite: (path) => path.replace(prefix, '') },",
    )
    expect(config).not.toContain("'/moved'")
  })

  it('keeps an entry that an earlier entry, which stays, would no longer answer first', () => {
    const { plan } = initConfig(
      'webpack',
      'webpack.config.js',
      `module.exports = {
  devServer: {
    proxy: [
      { context: ['/api/special'], target: 'http://localhost:1', onProxyReq: (req) => req.setHeader('x', '1') },
      { context: ['/api'], target: 'http://localhost:2' },
      { context: ['/other'], target: 'http://localhost:3' },
    ],
  },
}
`,
    )
    expect(plan.kept.map((entry) => entry.from)).toEqual(['devServer.proxy[0]', 'devServer.proxy[1]'])
    expect(plan.kept[1]?.reason).toBe(
      'devServer.proxy[0] comes before it and stays; moved, it would take requests devServer.proxy[0] answers now',
    )
    expect(plan.moved.map((entry) => entry.from)).toEqual(['devServer.proxy[2]'])
  })

  it('keeps a path filter that is a glob or a function (http-proxy-middleware reads it its own way)', () => {
    const { plan } = initConfig(
      'rsbuild',
      'rsbuild.config.ts',
      `export default {
  server: {
    proxy: [
      { pathFilter: '**/*.json', target: 'http://localhost:1' },
      { pathFilter: (path) => path.startsWith('/x'), target: 'http://localhost:2' },
    ],
  },
}
`,
    )
    expect(plan.kept).toEqual([
      {
        from: 'server.proxy[0]',
        reason: "the path filter '**/*.json' is a glob sameorigin reads differently",
      },
      {
        from: 'server.proxy[1]',
        reason:
          'its path filter is not a path or a list of paths (a function or a RegExp decides per request)',
      },
    ])
  })

  it('keeps Next rewrites a route cannot reproduce', () => {
    const { plan } = initConfig(
      'next',
      'next.config.mjs',
      `export default {
  async rewrites() {
    return [
      { source: '/api/:path*', destination: 'http://localhost:8080/api/:path*' },
      { source: '/search', destination: 'http://localhost:8080/find?from=next' },
      { source: '/blog/:slug', destination: 'http://localhost:8080/posts' },
      { source: '/me', has: [{ type: 'cookie', key: 'session' }], destination: 'http://localhost:8080/me' },
      { source: '/post/:id(\\\\d+)', destination: 'http://localhost:8080/post/:id' },
      { source: '/docs/:path*', destination: 'http://localhost:8081/docs/:path*' },
    ]
  },
}
`,
      {
        'app/api/health/route.ts': 'export function GET() { return new Response("ok") }\n',
        'app/page.tsx': 'export default function Page() { return null }\n',
      },
    )
    expect(plan.kept).toEqual([
      {
        from: 'rewrites()[0]',
        reason:
          "Next tries afterFiles rewrites after the app's own app/api, and sameorigin's routes come first: it would take those paths",
      },
      {
        from: 'rewrites()[1]',
        reason: 'the destination has a query or fragment, which a route does not add',
      },
      {
        from: 'rewrites()[2]',
        reason: "Next appends the unused parameter :slug to the destination's query; a route does not",
      },
      { from: 'rewrites()[3]', reason: 'has tests something other than a request header' },
      { from: 'rewrites()[4]', reason: "source '/post/:id(\\d+)' uses Next syntax sameorigin does not read" },
    ])
    expect(plan.moved.map((entry) => entry.from)).toEqual(['rewrites()[5]'])
  })

  it('keeps every entry when the routes would go into a sameorigin.config.json', () => {
    const { plan } = initConfig(
      'vite',
      'vite.config.ts',
      `export default { server: { proxy: { '/api': 'http://localhost:1' } } }\n`,
      {
        'sameorigin.config.json': '{ "routes": {} }\n',
        'package.json': packageJsonFor('vite'),
      },
    )
    expect(plan.kept).toEqual([
      {
        from: "server.proxy['/api']",
        reason: 'init does not edit sameorigin.config.json; add the route to it by hand',
      },
    ])
    expect(plan.files.find((file) => file.path === 'sameorigin.config.json')?.action).toBe('unchanged')
  })
})
