import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// Random configs and random requests: whatever the routes, the platforms' compiled rules must send
// each request where the core's matchRequest sends it (or leave it to the app), beyond the tables of
// the proof tests. Only the declared differences are allowed: Netlify's trailing-slash folding.
import type { ResolvedConfig, RouteEntry } from '@sameorigin/core'
import { isProxyError } from '@sameorigin/core'
import { matchRequest } from '@sameorigin/core/rules'
import { parseAllRedirects } from '@netlify/redirect-parser'
import { getTransformedRoutes } from '@vercel/routing-utils'
import { array, asyncProperty, assert, boolean, constantFrom, oneof, option, record, tuple } from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { netlifyTarget } from '../../src/export/netlify/netlify-target.ts'
import { vercelTarget } from '../../src/export/vercel/vercel-target.ts'
import { exportInput } from './_export-input.ts'
import type { ParsedRule } from './_netlify-router.ts'
import { routeOnNetlify } from './_netlify-router.ts'
import { routeOnVercel } from './_vercel-router.ts'

// A route's literal is written plainly (the core normalises `%7E` in it to `~`, and matches requests
// after the same normalisation; whether the platforms' edges normalise a request's escapes before
// matching is not known here), while requests also carry escapes, which parameters capture.
const literal = constantFrom('a', 'b', 'api', 'v1', 'x-y', 'caf%C3%A9', 'x.json')
const segment = oneof(literal, constantFrom('%7Eu', 'a%20b', '%41'))
const routePath = oneof(
  literal.map((s) => `/${s}`),
  literal.map((s) => `/${s}/:id`),
  literal.map((s) => `/${s}/:rest*`),
  literal.map((s) => `/${s}/:opt?`),
  tuple(literal, literal).map(([s, t]) => `/${s}/:id/${t}`),
  constantFrom('/'),
)
const route = record({
  path: routePath,
  target: constantFrom('http://127.0.0.1:4000', 'http://127.0.0.1:4000/base', 'https://api.example.com/v2'),
})
const request = tuple(
  array(segment, { maxLength: 4 }),
  boolean(),
  option(constantFrom('?q=1', '?a=1&a=2', '?flag')),
).map(
  ([segments, slash, query]) =>
    `/${segments.join('/')}${slash && segments.length > 0 ? '/' : ''}${query ?? ''}`,
)

function core(config: ResolvedConfig, url: string): string | undefined {
  try {
    return matchRequest(config, { method: 'GET', url, headers: {} })?.upstreamUrl ?? 'app'
  } catch (error) {
    if (isProxyError(error)) return undefined
    throw error
  }
}

/** The URL as an upstream reads it (unreserved escapes decoded: the same URL, RFC 3986 §6.2.2.2). */
function canonical(url: string): string {
  if (url === 'app') return url
  const parsed = new URL(url)
  const raw = url.slice(parsed.origin.length).split('?')[0] ?? ''
  const path = raw.replace(/%(2[DdEe]|5[Ff]|7[Ee]|[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9])/g, (e) =>
    decodeURIComponent(e),
  )
  return JSON.stringify([parsed.origin, path, [...parsed.searchParams]])
}

const dir = mkdtempSync(join(tmpdir(), 'sameorigin-export-properties-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the platforms route random configs as the core does', () => {
  it('vercel.json', async () => {
    await assert(
      asyncProperty(
        array(route, { minLength: 1, maxLength: 4 }),
        array(request, { minLength: 1, maxLength: 12 }),
        async (routes, urls) => {
          const input = exportInput('vercel', { routes: routes as RouteEntry[] })
          const compiled = getTransformedRoutes(
            JSON.parse(vercelTarget.render(input).files[0]!.content) as object,
          )
          expect(compiled.error).toBeNull()
          for (const url of urls) {
            const want = core(input.config, url)
            if (want === undefined) continue
            const got = routeOnVercel(compiled.routes ?? [], url, {})
            expect({ url, to: canonical('upstream' in got ? got.upstream : 'app') }).toEqual({
              url,
              to: canonical(want),
            })
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('netlify.toml', async () => {
    let run = 0
    await assert(
      asyncProperty(
        array(route, { minLength: 1, maxLength: 4 }),
        array(request, { minLength: 1, maxLength: 12 }),
        async (routes, urls) => {
          const input = exportInput('netlify', { routes: routes as RouteEntry[] })
          const file = join(dir, `netlify-${run++}.toml`)
          writeFileSync(file, netlifyTarget.render(input).files[0]!.content)
          const parsed = await parseAllRedirects({
            redirectsFiles: [],
            netlifyConfigPath: file,
            configRedirects: [],
            minimal: false,
          })
          expect(parsed.errors).toEqual([])
          const rules = parsed.redirects as ParsedRule[]
          for (const url of urls) {
            const want = core(input.config, url)
            if (want === undefined) continue
            const outcome = routeOnNetlify(rules, url)
            const got = canonical('upstream' in outcome ? outcome.upstream : 'app')
            if (got === canonical(want)) continue
            // Declared: Netlify matches a rule with or without a trailing slash.
            const [pathname = '', search] = url.split('?')
            const folded = core(
              input.config,
              `${pathname.slice(0, -1)}${search === undefined ? '' : `?${search}`}`,
            )
            const allowed = pathname.endsWith('/') && folded !== undefined ? folded : want
            expect({ url, to: got }).toEqual({ url, to: canonical(allowed) })
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
