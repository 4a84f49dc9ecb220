import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
// The netlify.toml the export writes is read back with Netlify's own parser (@netlify/redirect-parser,
// which its build and CLI use), checked rule by rule, and its rules applied to every sample request
// as Netlify documents them (test/export/_netlify-router.ts) beside the core's `matchRequest`: both
// must send it to the same upstream URL with the same request headers, or both leave it to the app.
import type { ResolvedConfig, UserConfig } from '@sameorigin/core'
import { isProxyError } from '@sameorigin/core'
import { matchRequest } from '@sameorigin/core/rules'
import { parseAllRedirects } from '@netlify/redirect-parser'
import { describe, expect, it, onTestFinished } from 'vitest'
import { netlifyTarget } from '../../src/export/netlify/netlify-target.ts'
import { exportInput } from './_export-input.ts'
import type { NetlifyOutcome, ParsedRule } from './_netlify-router.ts'
import { routeOnNetlify } from './_netlify-router.ts'

const B = 'http://127.0.0.1:4000'
const CONFIGS: Record<string, UserConfig> = {
  'prefix, no base path': { routes: { '/api': B } },
  'prefix onto a base path, and the root': { routes: { '/api': `${B}/v1`, '/': `${B}/root` } },
  'root prefix alone': { routes: { '/': B } },
  'patterns and templates': {
    routes: {
      '/users/:id': { target: B, rewrite: '/accounts/:id/profile' },
      '/files/:path*': { target: `${B}/storage`, rewrite: '/blobs/:path*' },
      '/shop/:item?': B,
      '/orgs/:org/repos/:repo': { target: B, rewrite: '/r/:org-:repo' },
    },
  },
  'request headers': {
    routes: { '/api': { target: B, headers: { 'x-api-key': 'k', 'x-env': 'prod' } }, '/auth': { target: B } },
  },
}
const HEADS = ['/api', '/apix', '/API', '/users', '/files', '/shop', '/orgs/o/repos', '/auth', '/', '/v1']
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
  '/a:b',
  '/x.json',
  '/a%25b',
]
const QUERIES = ['', '?q=1', '?a=1&a=2', '?x=%20y&z=%C3%A9', '?flag']

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

/** The rules Netlify reads from `toml`, as its parser gives them. */
async function parseToml(toml: string): Promise<ParsedRule[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-netlify-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'netlify.toml')
  writeFileSync(file, toml)
  const { redirects, errors } = await parseAllRedirects({
    redirectsFiles: [],
    netlifyConfigPath: file,
    configRedirects: [],
    minimal: false,
  })
  expect(errors).toEqual([])
  return redirects as ParsedRule[]
}

type View = string

/** An outcome as compared: the upstream URL (unreserved escapes decoded, RFC 3986 §6.2.2.2) and headers set. */
function view(upstream: string | undefined, headers: unknown): View {
  if (upstream === undefined) return 'app'
  const url = new URL(upstream)
  const path = upstream
    .slice(url.origin.length)
    .split('?')[0]
    ?.replace(/%(2[DdEe]|5[Ff]|7[Ee]|[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9])/g, (escape) =>
      decodeURIComponent(escape),
    )
  return JSON.stringify([url.origin, path, [...url.searchParams], headers])
}

function core(config: ResolvedConfig, url: string): View | undefined {
  try {
    const match = matchRequest(config, { method: 'GET', url, headers: {} })
    return view(match?.upstreamUrl, match === undefined ? undefined : match.route.headers)
  } catch (error) {
    if (isProxyError(error)) return undefined
    throw error
  }
}

const netlifyView = (outcome: NetlifyOutcome): View =>
  'upstream' in outcome ? view(outcome.upstream, outcome.rule.headers ?? {}) : 'app'

describe('netlify.toml rules send every sample request where the core sends it', () => {
  const paths = samplePaths()
  for (const [name, userConfig] of Object.entries(CONFIGS)) {
    it(`${name}`, async () => {
      const input = exportInput('netlify', userConfig)
      const output = netlifyTarget.render(input)
      expect(output.losses.filter((loss) => loss.behaviour === 'not forwarded at all')).toEqual([])
      const rules = await parseToml(output.files[0]!.content)
      for (const rule of rules) expect(rule).toMatchObject({ status: 200, force: true, proxy: true })
      const mismatches: string[] = []
      let compared = 0
      let forwarded = 0
      let slashFolded = 0
      for (const url of paths) {
        const want = core(input.config, url)
        if (want === undefined) continue
        const got = netlifyView(routeOnNetlify(rules, url))
        compared++
        if (got !== 'app') forwarded++
        if (got === want) continue
        // Declared: Netlify matches a rule with or without a trailing slash (`/api/` as `/api`).
        const [path = '', search] = url.split('?')
        if (
          path.length > 1 &&
          path.endsWith('/') &&
          got === core(input.config, `${path.slice(0, -1)}${search === undefined ? '' : `?${search}`}`)
        ) {
          slashFolded++
          continue
        }
        mismatches.push(`${url}: netlify ${got} core ${want}`)
      }
      expect(mismatches).toEqual([])
      expect(compared).toBeGreaterThan(150)
      expect(forwarded).toBeGreaterThan(20)
      process.stdout.write(
        `${name}: ${compared} requests, ${forwarded} forwarded, the same upstream URL and headers (${slashFolded} with the trailing slash dropped by Netlify)\n`,
      )
    })
  }
})
