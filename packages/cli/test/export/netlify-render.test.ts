import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { UserConfig } from '@sameorigin/core'
import { isProxyError } from '@sameorigin/core'
import { parseAllRedirects } from '@netlify/redirect-parser'
import { describe, expect, it, onTestFinished } from 'vitest'
import { netlifyTarget } from '../../src/export/netlify/netlify-target.ts'
import { exportInput } from './_export-input.ts'

const B = 'https://api.example.com'

/** The rules Netlify's parser reads from `toml`: from, to, status, force and headers. */
async function rules(toml: string): Promise<object[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-netlify-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'netlify.toml'), toml)
  const parsed = await parseAllRedirects({
    redirectsFiles: [],
    netlifyConfigPath: join(dir, 'netlify.toml'),
    configRedirects: [],
    minimal: true,
  })
  expect(parsed.errors).toEqual([])
  return parsed.redirects as object[]
}

const render = (config: UserConfig, existing?: string) =>
  netlifyTarget.render(
    exportInput('netlify', config, existing === undefined ? undefined : { 'netlify.toml': existing }),
  )

describe('sameorigin export netlify: rendering', () => {
  it('writes one forced proxy rule per path, which Netlify parses rule by rule', async () => {
    const config = {
      routes: {
        '/api': { target: `${B}/v1`, headers: { 'x-api-key': 'k' } },
        '/users/:id': { target: B, rewrite: '/accounts/:id' },
        '/files/:path*': B,
      },
    }
    const output = render(config)
    expect(render(config)).toEqual(output)
    const proxy = { status: 200, force: true, query: {}, conditions: {} }
    expect(await rules(output.files[0]!.content)).toEqual([
      { ...proxy, from: '/api', to: `${B}/v1`, headers: { 'x-api-key': 'k' } },
      { ...proxy, from: '/api/*', to: `${B}/v1/:splat`, headers: { 'x-api-key': 'k' } },
      { ...proxy, from: '/users/:id', to: `${B}/accounts/:id`, headers: {} },
      { ...proxy, from: '/files', to: `${B}/files`, headers: {} },
      { ...proxy, from: '/files/*', to: `${B}/files/:splat`, headers: {} },
    ])
    const toml = output.files[0]!.content
    expect(toml).toContain('#   sameorigin export netlify --origin https://app.example.com')
    for (const loss of output.losses) expect(toml).toContain(loss.behaviour)
  })

  it("writes no rule twice: Netlify's parser keeps the last copy, which would reorder the rules", async () => {
    const toml = render({
      routes: [
        { path: '/', target: B },
        { path: '/api/:rest*', target: `${B}/v2` },
        { path: '/', target: B },
      ],
    }).files[0]!.content
    expect((await rules(toml)).map((rule) => (rule as { from: string }).from)).toEqual([
      '/*',
      '/api',
      '/api/*',
    ])
  })

  it('declares what Netlify cannot do, for each route, with the way out', () => {
    const input = exportInput('netlify', {
      routes: [
        { path: '/api', target: B, headers: { cookie: null }, responseHeaders: { 'x-a': '1' } },
        { path: '/admin', target: B, methods: ['POST'] },
        { path: /^\/v\d+\//, target: B },
        { path: '/fn', target: B, rewrite: (path) => path },
        { path: '/mock', target: B, matchHeaders: { 'x-mock': true } },
        { path: '/docs/:page+', target: B },
        { path: '/c/:id', target: B, rewrite: '/x/:id?v=a:b' },
        { path: '/q', target: B, rewrite: '/:path*?legacy=1', ws: false },
      ],
    })
    const { losses } = netlifyTarget.render(input)
    const ids = input.config.routes.map((route) => route.id)
    const by = (route: string | undefined) =>
      losses.filter((loss) => loss.route === route).map((loss) => loss.behaviour)
    expect(by(undefined)).toEqual(['a trailing slash kept apart'])
    expect(by('/api')).toEqual([
      'exact-case matching',
      'Set-Cookie rewriting (cookies)',
      'Location / Refresh rewriting (redirects)',
      'Origin / Referer rewriting (rewriteOrigin)',
      'request headers removed (headers: cookie: null)',
      'response header overrides (responseHeaders: x-a)',
      'timeouts (timeout 120000 ms, connectTimeout 10000 ms)',
      'websockets (ws)',
    ])
    for (const route of ids.slice(1, 7)) expect(by(route)).toEqual(['not forwarded at all'])
    expect(by('/q')).toContain("the rewrite's query merged with the request's (?legacy=1)")
    expect(losses.find((loss) => loss.route === '/mock')?.why).toContain('matchHeaders')
    expect(losses.find((loss) => loss.behaviour.startsWith('timeouts'))?.why).toContain('26 seconds')
    expect(losses.find((loss) => loss.behaviour === 'Set-Cookie rewriting (cookies)')?.instead).toContain(
      "a Netlify Edge Function answering with createFetchProxy(config) from '@sameorigin/core/fetch'",
    )
  })
})

/** The error code rendering over `text` throws, or `undefined`. */
function failure(text: string): unknown {
  try {
    render({ routes: { '/api': B } }, text)
  } catch (error) {
    return isProxyError(error) ? error.code : error
  }
  return undefined
}

describe('sameorigin export netlify: an existing netlify.toml', () => {
  const existing = `[build]
  command = "npm run build"
  publish = "dist"

# the SPA fallback
[[redirects]]
from = "/*"
to = "/index.html"
status = 200
`

  it("puts its block before the user's first rule, keeps the rest, and replaces the block in place later", async () => {
    const merged = render({ routes: { '/api': B } }, existing).files[0]!.content
    expect(merged.startsWith('[build]\n  command = "npm run build"\n')).toBe(true)
    expect(
      merged.endsWith('# the SPA fallback\n[[redirects]]\nfrom = "/*"\nto = "/index.html"\nstatus = 200\n'),
    ).toBe(true)
    expect((await rules(merged)).map((rule) => (rule as { from: string }).from)).toEqual([
      '/api',
      '/api/*',
      '/*',
    ])
    // Current: rendering again changes nothing (what --check relies on).
    expect(render({ routes: { '/api': B } }, merged).files[0]!.content).toBe(merged)
    // Another target: only the block changes.
    const again = render({ routes: { '/api': 'https://api2.example.com' } }, merged).files[0]!.content
    expect(again).toBe(merged.replaceAll('https://api.example.com', 'https://api2.example.com'))
  })

  it('appends its block to a file without rules', () => {
    const merged = render({ routes: { '/api': B } }, '[build]\npublish = "dist"\n').files[0]!.content
    expect(
      merged.startsWith('[build]\npublish = "dist"\n\n# --- sameorigin export netlify: begin ---\n'),
    ).toBe(true)
  })

  it('refuses redirects written as an inline list, and a lone marker line', () => {
    expect(failure('redirects = [{ from = "/*", to = "/index.html", status = 200 }]\n')).toBe(
      'ERR_CLI_CONFIG_EDIT_FAILED',
    )
    expect(failure('# --- sameorigin export netlify: begin ---\n')).toBe('ERR_CLI_CONFIG_EDIT_FAILED')
  })
})
