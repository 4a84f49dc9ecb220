import process from 'node:process'
// The translation is proved, not assumed: every sample request goes through Next's own router (the
// real `next` package, test/next-matcher.ts) with the rewrites `toNextRewrites` produced, and through
// the core's `matchRequest`; both must send it to the same upstream URL, or both must leave it alone.
import type { UserConfig } from '@sameorigin/core'
import { isProxyError, resolveConfig } from '@sameorigin/core'
import { matchRequest } from '@sameorigin/core/rules'
import { describe, expect, it } from 'vitest'
import { toNextRewrites } from '../src/to-next-rewrites.ts'
import type { NextOutcome, NextSettings } from './next-matcher.ts'
import { createNextRouter } from './next-matcher.ts'

const B = 'http://127.0.0.1:4000'
const CONFIGS: Record<string, UserConfig> = {
  'prefix, no base path': { routes: { '/api': B } },
  'prefix onto a base path': { routes: { '/api': `${B}/v1`, '/': `${B}/root` } },
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
      '/shop/:item?': { target: B, rewrite: '/store/:item??src=dev' },
    },
  },
  'header conditions': {
    routes: [
      { path: '/api', target: `${B}/mock`, matchHeaders: { 'x-mock': true } },
      { path: '/api', target: `${B}/json`, matchHeaders: { accept: /json/, 'x-legacy': false } },
      { path: '/api', target: `${B}/exact`, matchHeaders: { 'x-env': 'staging.1' } },
      { path: '/api', target: `${B}/rest` },
    ],
  },
}
const SETTINGS: Record<string, NextSettings> = {
  'no trailing-slash redirect': { skipTrailingSlashRedirect: true },
  default: {},
  basePath: { basePath: '/base', skipTrailingSlashRedirect: true },
  i18n: { i18n: { locales: ['en', 'fr'], defaultLocale: 'en' }, skipTrailingSlashRedirect: true },
}
const HEADERS: Record<string, string>[] = [
  {},
  { 'x-mock': '1' },
  { accept: 'application/json' },
  { accept: 'application/json', 'x-legacy': 'yes' },
  { 'x-env': 'staging.1' },
  { 'x-env': 'stagingX1' },
]

/** Generated paths under every route's prefix, plus the tricky ones. */
function samplePaths(): string[] {
  const heads = [
    '/api',
    '/apix',
    '/API',
    '/users',
    '/files',
    '/docs',
    '/shop',
    '/',
    '/fr/api',
    '/base/api',
    '/base',
    '/en/users',
  ]
  const tails = [
    '',
    '/',
    '/42',
    '/42/',
    '/a/b/c',
    '/a b',
    '/a%20b',
    '/%7Euser',
    '/caf%C3%A9',
    '/a+b',
    '/a;b=1',
    '/a:b',
    '/a@b',
    '/x.json',
    '/a%25b',
  ]
  const queries = ['', '?q=1', '?a=1&a=2', '?x=%20y&z=%C3%A9', '?flag', '?']
  const paths = new Set<string>()
  for (const head of heads) for (const tail of tails) paths.add(`${head}${tail}`.replace(/^\/\//, '/'))
  const withQuery: string[] = []
  let i = 0
  // Every path once without a query, and cycling through the queries, so each shape meets each query.
  for (const path of paths) withQuery.push(path, `${path}${queries[i++ % queries.length]}`)
  return [...new Set(withQuery)]
}

type CoreOutcome = { readonly upstream: string } | { readonly none: true } | { readonly refused: string }

function core(
  config: ReturnType<typeof resolveConfig>,
  url: string,
  headers: Record<string, string>,
): CoreOutcome {
  try {
    const match = matchRequest(config, { method: 'GET', url, headers })
    return match === undefined ? { none: true } : { upstream: match.upstreamUrl }
  } catch (error) {
    if (isProxyError(error)) return { refused: error.code }
    throw error
  }
}

/** The URL as an upstream reads it: origin and raw path exactly, the query as decoded pairs in order. */
function canonical(outcome: CoreOutcome | NextOutcome): unknown {
  if (!('upstream' in outcome)) return outcome
  const url = new URL(outcome.upstream)
  // Percent-encoded unreserved characters are the same URL (RFC 3986 §6.2.2.2): the core decodes
  // them while normalising, Next passes them on.
  const raw = outcome.upstream
    .slice(url.origin.length)
    .split('?')[0]
    ?.replace(/%(2[DdEe]|5[Ff]|7[Ee]|[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9])/g, (escape) =>
      decodeURIComponent(escape),
    )
  return { origin: url.origin, path: raw, query: [...url.searchParams] }
}

describe('Next rewrites send every sample request where the core sends it', () => {
  const paths = samplePaths()
  for (const [configName, userConfig] of Object.entries(CONFIGS)) {
    for (const [settingsName, settings] of Object.entries(SETTINGS)) {
      it(`${configName} · ${settingsName}`, async () => {
        const resolved = resolveConfig(userConfig)
        const plan = toNextRewrites(resolved)
        expect(plan.lost.filter((item) => item.skipped)).toEqual([])
        const next = await createNextRouter(plan.beforeFiles, settings)
        const mismatches: string[] = []
        let compared = 0
        let redirected = 0
        let caseFolded = 0
        for (const path of paths) {
          for (const headers of HEADERS) {
            // Next's built-in trailing-slash redirect (unless skipTrailingSlashRedirect) runs before
            // any rewrite; the browser follows it, so the upstream sees the path it redirects to.
            const first = next(path, headers)
            const finalPath = 'redirect' in first ? first.redirect : path
            const outcome = 'redirect' in first ? next(finalPath, headers) : first
            let want = core(resolved, finalPath, headers)
            if ('redirect' in first) redirected++
            // The core refuses unsafe paths with 400 before any route; Next has no such check.
            if ('refused' in want) continue
            // Declared: Next matches rewrite sources case-insensitively (beforeFiles rewrites ignore
            // caseSensitiveRoutes), so `/API/x` is forwarded as the core forwards `/api/x`.
            const same = (a: unknown, b: unknown): boolean =>
              JSON.stringify(canonical(a as CoreOutcome)) === JSON.stringify(canonical(b as CoreOutcome))
            if (!same(outcome, want) && finalPath !== finalPath.toLowerCase()) {
              const lower = core(resolved, finalPath.toLowerCase(), headers)
              if (same(outcome, lower)) {
                caseFolded++
                want = lower
              }
            }
            compared++
            if (JSON.stringify(canonical(outcome)) !== JSON.stringify(canonical(want))) {
              mismatches.push(
                `${path} ${JSON.stringify(headers)}: next ${JSON.stringify(outcome)} core ${JSON.stringify(want)}`,
              )
            }
          }
        }
        expect(mismatches).toEqual([])
        expect(compared).toBeGreaterThan(500)
        expect(redirected === 0).toBe(settings.skipTrailingSlashRedirect === true)
        process.stdout.write(
          `${configName} · ${settingsName}: ${compared} of ${paths.length} request targets × ${HEADERS.length} header sets (the others the core refuses as unsafe): same upstream URL (${redirected} after Next's trailing-slash redirect, ${caseFolded} case-folded by Next)\n`,
        )
      })
    }
  }
})
