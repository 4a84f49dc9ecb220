import { isProxyError } from '@sameorigin/core'
import { matchRequest } from '@sameorigin/core/rules'
import { getTransformedRoutes, rewritesSchema, transformsSchema } from '@vercel/routing-utils'
import { describe, expect, it } from 'vitest'
import { vercelTarget } from '../../src/export/vercel/vercel-target.ts'
import { exportInput } from './_export-input.ts'
import { routeOnVercel } from './_vercel-router.ts'

const B = 'http://127.0.0.1:4000'

describe('sameorigin export vercel: rendering', () => {
  it('writes vercel.json rewrites and the page of losses; the same input gives the same bytes', () => {
    const config = { routes: { '/api': { target: `${B}/v1`, headers: { 'x-api-key': 'k' } } } }
    const first = vercelTarget.render(exportInput('vercel', config))
    expect(vercelTarget.render(exportInput('vercel', config))).toEqual(first)
    expect(first.files.map((file) => file.path)).toEqual(['vercel.json', 'sameorigin-export-vercel.md'])
    const json = JSON.parse(first.files[0]!.content) as {
      rewrites: { source: string; destination: string }[]
    }
    expect(json.rewrites.map((rewrite) => `${rewrite.source} → ${rewrite.destination}`)).toEqual([
      '/api/ → http://127.0.0.1:4000/v1/',
      '/api/:path*/ → http://127.0.0.1:4000/v1/:path*/',
      '/api → http://127.0.0.1:4000/v1',
      '/api/:path* → http://127.0.0.1:4000/v1/:path*',
    ])
    expect(json.rewrites[0]).toMatchObject({
      transforms: [{ type: 'request.headers', op: 'set', target: { key: 'x-api-key' }, args: 'k' }],
    })
    const notes = first.files[1]!.content
    expect(notes).toContain('sameorigin export vercel --origin https://app.example.com')
    for (const loss of first.losses) expect(notes).toContain(loss.behaviour)
  })

  it("writes only keys Vercel's schema knows (it refuses others, so the losses go in the page)", () => {
    const { files } = vercelTarget.render(
      exportInput('vercel', {
        routes: [
          { path: '/api', target: B, matchHeaders: { 'x-mock': true }, responseHeaders: { server: null } },
        ],
      }),
    )
    const json = JSON.parse(files[0]!.content) as Record<string, { transforms?: object[] }[]>
    expect(Object.keys(json)).toEqual(['rewrites'])
    const known = Object.keys(rewritesSchema.items.properties)
    const knownTransform = Object.keys(transformsSchema.items.properties)
    expect(rewritesSchema.items.additionalProperties).toBe(false)
    for (const rewrite of json.rewrites!) {
      for (const key of Object.keys(rewrite)) expect(known).toContain(key)
      for (const transform of rewrite.transforms ?? [])
        for (const key of Object.keys(transform)) expect(knownTransform).toContain(key)
    }
  })

  it('declares what Vercel cannot do, for each route, with the way out', () => {
    const input = exportInput('vercel', {
      routes: [
        { path: '/api', target: B },
        { path: '/admin', target: B, methods: ['POST'] },
        { path: /^\/v\d+\//, target: B },
        { path: '/fn', target: B, rewrite: (path) => path },
        {
          path: '/quiet',
          target: B,
          cookies: false,
          redirects: false,
          rewriteOrigin: false,
          ws: false,
          secure: false,
        },
      ],
    })
    const { losses } = vercelTarget.render(input)
    const ids = input.config.routes.map((route) => route.id)
    const by = (route: string | undefined) =>
      losses.filter((loss) => loss.route === route).map((loss) => loss.behaviour)
    expect(by(undefined)).toEqual(["routes before the app's own files"])
    expect(by('/api')).toEqual([
      'exact-case matching',
      'Set-Cookie rewriting (cookies)',
      'Location / Refresh rewriting (redirects)',
      'Origin / Referer rewriting (rewriteOrigin)',
      'timeouts (timeout 120000 ms, connectTimeout 10000 ms)',
      'websockets (ws)',
    ])
    for (const route of ids.slice(1, 4)) expect(by(route)).toEqual(['not forwarded at all'])
    expect(by('/quiet')).toEqual([
      'exact-case matching',
      'timeouts (timeout 120000 ms, connectTimeout 10000 ms)',
      'TLS options (secure: false, ca)',
    ])
    for (const loss of losses) expect(loss.why).not.toContain('Next')
    expect(
      losses.find((loss) => loss.route === '/api' && loss.behaviour.startsWith('Set-Cookie'))?.instead,
    ).toContain("createFetchProxy(config) from '@sameorigin/core/fetch'")
  })

  it("declares a rewrite's query, where Vercel lets the request's value win", () => {
    const input = exportInput('vercel', { routes: { '/api': { target: B, rewrite: '/v1/:path*?legacy=1' } } })
    const output = vercelTarget.render(input)
    expect(output.losses.map((loss) => loss.behaviour)).toContain("the rewrite's query winning (?legacy=1)")
    const routes = getTransformedRoutes(JSON.parse(output.files[0]!.content) as object).routes ?? []
    const vercel = routeOnVercel(routes, '/api/x?legacy=0', {})
    const match = matchRequest(input.config, { method: 'GET', url: '/api/x?legacy=0', headers: {} })
    expect('upstream' in vercel && vercel.upstream).toBe(`${B}/v1/x?legacy=0`)
    expect(match?.upstreamUrl).toBe(`${B}/v1/x?legacy=1`)
  })
})

/** The error code rendering `{ '/api': B }` over the vercel.json `text` throws, or `undefined`. */
function failure(text: string): unknown {
  try {
    vercelTarget.render(exportInput('vercel', { routes: { '/api': B } }, { 'vercel.json': text }))
  } catch (error) {
    return isProxyError(error) ? error.code : error
  }
  return undefined
}

describe('sameorigin export vercel: an existing vercel.json', () => {
  const config = { routes: { '/api': B } }
  const existing = `{
  // the user's own settings
  "cleanUrls": true,
  "rewrites": [
    { "source": "/old/:path*", "destination": "https://gone.example.com/:path*" },
    { "source": "/(.*)", "destination": "/index.html" }
  ],
  "headers": [{ "source": "/(.*)", "headers": [{ "key": "x-frame-options", "value": "DENY" }] }]
}
`

  it('replaces the rewrites to external URLs, puts them first and keeps everything else', () => {
    const merged = vercelTarget.render(exportInput('vercel', config, { 'vercel.json': existing })).files[0]!
      .content
    expect(merged).toContain("// the user's own settings")
    expect(merged).toContain('"cleanUrls": true')
    expect(merged).toContain('"x-frame-options"')
    expect(merged).not.toContain('gone.example.com')
    const rewrites = (
      JSON.parse(merged.replace(/^\s*\/\/.*$/m, '')) as { rewrites: { destination: string }[] }
    ).rewrites
    expect(rewrites.map((rewrite) => rewrite.destination)).toEqual([
      `${B}/api/`,
      `${B}/api/:path*/`,
      `${B}/api`,
      `${B}/api/:path*`,
      '/index.html',
    ])
    // Rendering again over the merged file changes nothing: --check finds it current.
    expect(
      vercelTarget.render(exportInput('vercel', config, { 'vercel.json': merged })).files[0]!.content,
    ).toBe(merged)
  })

  it('refuses a vercel.json that does not parse, or routes with "routes", and writes nothing', () => {
    expect(failure('{ "rewrites": [ }')).toBe('ERR_CLI_CONFIG_EDIT_FAILED')
    expect(failure('{ "routes": [{ "src": "/(.*)", "dest": "/index.html" }] }')).toBe(
      'ERR_CLI_CONFIG_EDIT_FAILED',
    )
    expect(failure('{ "cleanUrls": true }')).toBeUndefined()
  })
})
