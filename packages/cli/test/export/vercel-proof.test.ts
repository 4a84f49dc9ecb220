import process from 'node:process'
// The vercel.json the export writes is proved, not assumed: Vercel's own compiler
// (`getTransformedRoutes` from @vercel/routing-utils, what its CLI builds vercel.json with) turns it into
// routes, which are applied to every sample request (test/export/_vercel-router.ts) beside the core's
// `matchRequest`: both must send it to the same upstream URL with the same header transforms, or both
// must leave it to the app.
import type { UserConfig } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core'
import { isProxyError } from '@sameorigin/core'
import { matchRequest } from '@sameorigin/core/rules'
import { getTransformedRoutes } from '@vercel/routing-utils'
import { describe, expect, it } from 'vitest'
import { vercelTarget } from '../../src/export/vercel/vercel-target.ts'
import { exportInput } from './_export-input.ts'
import { routeOnVercel } from './_vercel-router.ts'
import type { VercelOutcome } from './_vercel-router.ts'

const B = 'http://127.0.0.1:4000'
const CONFIGS: Record<string, UserConfig> = {
  'prefix, no base path': { routes: { '/api': B } },
  'prefix onto a base path, and the root': { routes: { '/api': `${B}/v1`, '/': `${B}/root` } },
  'root prefix alone': { routes: { '/': B } },
  'patterns and templates': {
    routes: {
      '/users/:id': { target: B, rewrite: '/accounts/:id/profile' },
      '/files/:path*': { target: `${B}/storage`, rewrite: '/blobs/:path*' },
      '/docs/:page+': `${B}/site`,
      '/shop/:item?': B,
    },
  },
  'rewrites with a query': {
    routes: {
      '/api': { target: `${B}/v1`, rewrite: '/:path*?legacy=1&q=fixed' },
      '/users/:id': { target: B, rewrite: '/accounts/:id?view=full' },
    },
  },
  'header conditions and header overrides': {
    routes: [
      { path: '/api', target: `${B}/mock`, matchHeaders: { 'x-mock': true }, headers: { 'x-api-key': 'k' } },
      { path: '/api', target: `${B}/json`, matchHeaders: { accept: /json/, 'x-legacy': false } },
      {
        path: '/api',
        target: `${B}/exact`,
        matchHeaders: { 'x-env': 'staging.1' },
        responseHeaders: { server: null },
      },
      { path: '/api', target: `${B}/rest`, headers: { cookie: null }, responseHeaders: { 'x-from': 'rest' } },
    ],
  },
}
const HEADERS: Record<string, string>[] = [
  {},
  { 'x-mock': '1' },
  { accept: 'application/json' },
  { accept: 'application/json', 'x-legacy': 'yes' },
  { 'x-env': 'staging.1' },
  { 'x-env': 'stagingX1' },
]
const HEADS = ['/api', '/apix', '/API', '/users', '/files', '/docs', '/shop', '/', '/base/api', '/v1']
const TAILS = [
  '',
  '/',
  '/42',
  '/42/',
  '/a/b/c',
  '/a%20b',
  '/%7Euser',
  '/caf%C3%A9',
  '/a+b',
  '/a;b=1',
  '/a:b',
  '/x.json',
  '/a%25b',
]
const QUERIES = ['', '?q=1', '?a=1&a=2', '?x=%20y&z=%C3%A9', '?flag', '?legacy=0', '?view=short&q=2']

/** Every head with every tail, each once bare and once with a query (cycling through them). */
function samplePaths(): string[] {
  const paths = new Set<string>()
  let i = 0
  for (const head of HEADS)
    for (const tail of TAILS) {
      const path = `${head}${tail}`.replace(/^\/\//, '/')
      paths.add(path).add(`${path}${QUERIES[i++ % QUERIES.length]}`)
    }
  return [...paths]
}

type CoreOutcome = { readonly upstream: string; readonly transforms: unknown[] } | { readonly none: true }

/** A route's header overrides as `[scope, name, value]` (`null`: removed). */
function ops(type: string, record: Readonly<Record<string, string | null>>): unknown[] {
  return Object.entries(record).map(([key, value]) => [type, key, value])
}

/** The core's decision, with the route's headers as the transforms Vercel should apply; `undefined`: refused (400). */
function core(config: ResolvedConfig, url: string, headers: Record<string, string>) {
  try {
    const match = matchRequest(config, { method: 'GET', url, headers })
    if (match === undefined) return { none: true } as CoreOutcome
    const transforms = [
      ...ops('request.headers', match.route.headers),
      ...ops('response.headers', match.route.responseHeaders),
    ]
    return { upstream: match.upstreamUrl, transforms } as CoreOutcome
  } catch (error) {
    if (isProxyError(error)) return undefined
    throw error
  }
}

function vercelTransforms(outcome: VercelOutcome): unknown[] {
  if (!('route' in outcome)) return []
  return (outcome.route.transforms ?? []).map((t) => {
    const transform = t as { type: string; op: string; target: { key: string }; args?: string }
    return [transform.type, transform.target.key, transform.op === 'delete' ? null : transform.args]
  })
}

/**
 * The URL as an upstream reads it: origin and raw path (percent-encoded unreserved characters being
 * the same URL, RFC 3986 §6.2.2.2: the core decodes them, Vercel passes them on), and the query as
 * decoded pairs, sorted when `unordered` (Vercel puts the destination's parameters first).
 */
function canonical(upstream: string, unordered: boolean): unknown {
  const url = new URL(upstream)
  const path = upstream
    .slice(url.origin.length)
    .split('?')[0]
    ?.replace(/%(2[DdEe]|5[Ff]|7[Ee]|[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9])/g, (escape) =>
      decodeURIComponent(escape),
    )
  const query = [...url.searchParams].map((pair) => pair.join('='))
  return { origin: url.origin, path, query: unordered ? query.toSorted() : query }
}

describe('vercel.json rewrites send every sample request where the core sends it', () => {
  const paths = samplePaths()
  for (const [name, userConfig] of Object.entries(CONFIGS)) {
    it(`${name}`, () => {
      const input = exportInput('vercel', userConfig)
      const config = input.config
      const output = vercelTarget.render(input)
      expect(output.losses.filter((loss) => loss.behaviour === 'not forwarded at all')).toEqual([])
      const vercelJson = JSON.parse(output.files[0]!.content) as { rewrites: never[] }
      const compiled = getTransformedRoutes(vercelJson)
      expect(compiled.error).toBeNull()
      // A template with a query: Vercel lets the request's value win; declared, and left out here.
      const templateNames = new Set(
        config.routes.flatMap((route) => [
          ...new URLSearchParams(route.rewriteTemplate?.split('?')[1] ?? '').keys(),
        ]),
      )
      const mismatches: string[] = []
      let compared = 0
      let forwarded = 0
      let caseFolded = 0
      for (const url of paths)
        for (const headers of HEADERS) {
          const query = new URLSearchParams(url.split('?')[1] ?? '')
          if ([...query.keys()].some((key) => templateNames.has(key))) continue
          let want = core(config, url, headers)
          if (want === undefined) continue
          const got = routeOnVercel(compiled.routes ?? [], url, headers)
          const view = (outcome: CoreOutcome | VercelOutcome, transforms: unknown[]) =>
            JSON.stringify(
              'upstream' in outcome
                ? [canonical(outcome.upstream, templateNames.size > 0), transforms]
                : 'app',
            )
          const gotView = view(got, vercelTransforms(got))
          const wantView = (outcome: CoreOutcome) =>
            view(outcome, 'transforms' in outcome ? outcome.transforms : [])
          // Declared: Vercel matches sources in any case, so `/API/x` goes where the core sends `/api/x`.
          if (gotView !== wantView(want) && url !== url.toLowerCase()) {
            const lower = core(
              config,
              url.toLowerCase().replace(/%[0-9a-f]{2}/g, (e) => e.toUpperCase()),
              headers,
            )
            if (lower !== undefined && gotView === wantView(lower)) {
              caseFolded++
              want = lower
            }
          }
          compared++
          if ('upstream' in got) forwarded++
          if (gotView !== wantView(want))
            mismatches.push(`${url} ${JSON.stringify(headers)}: vercel ${gotView} core ${wantView(want)}`)
        }
      expect(mismatches).toEqual([])
      expect(compared).toBeGreaterThan(400)
      expect(forwarded).toBeGreaterThan(50)
      process.stdout.write(
        `${name}: ${compared} requests, ${forwarded} forwarded, the same upstream URL and headers (${caseFolded} case-folded by Vercel)\n`,
      )
    })
  }
})
