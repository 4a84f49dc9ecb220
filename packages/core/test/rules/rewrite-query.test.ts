// A `?` in a rewrite's result is a query, merged with the request's, never part of the path: before,
// `pathRewrite: { '^/old/(.*)$': '/v1/$1?legacy=1' }` sent `/old/me?a=1` to `/v1/me%3Flegacy=1?a=1`.
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { matchRequest } from '../../src/rules/match-request.ts'
import { mergeQuery, splitRewriteQuery } from '../../src/rules/rewrite-query.ts'
import type { RewriteContext, UserConfig } from '../../src/types.ts'

/** A route entry as a config file holds it (pasted `pathRewrite` included). */
type Entry = { readonly path: string; readonly [option: string]: unknown }

function upstreamUrl(entry: Entry, url: string): string | undefined {
  const resolved = resolveConfig({ routes: [entry] } as unknown as UserConfig, { env: {} })
  return matchRequest(resolved, { method: 'GET', url, headers: {} })?.upstreamUrl
}

describe('a query in a rewrite', () => {
  it.each<[string, Entry, string, string]>([
    [
      'pathRewrite object (the issue)',
      { path: '/old', target: 'http://b:1', pathRewrite: { '^/old/(.*)$': '/v1/$1?legacy=1' } },
      '/old/me?a=1',
      'http://b:1/v1/me?a=1&legacy=1',
    ],
    [
      'template',
      { path: '/api', target: 'http://b:1', rewrite: '/v2/:path*?legacy=1' },
      '/api/users?a=1',
      'http://b:1/v2/users?a=1&legacy=1',
    ],
    [
      'template, no request query',
      { path: '/api', target: 'http://b:1', rewrite: '/v2/:path*?legacy=1' },
      '/api/users',
      'http://b:1/v2/users?legacy=1',
    ],
    [
      'template with an optional parameter before the query',
      { path: '/shop/:item?', target: 'http://b:1', rewrite: '/store/:item??src=dev' },
      '/shop/7',
      'http://b:1/store/7?src=dev',
    ],
    [
      'function appending a query',
      { path: '/api', target: 'http://b:1/base', rewrite: (p: string) => `${p}?legacy=1` },
      '/api/x?a=1',
      'http://b:1/base/api/x?a=1&legacy=1',
    ],
    [
      'function appending the request query itself (sent once)',
      { path: '/api', target: 'http://b:1', rewrite: (p: string, { search }: RewriteContext) => p + search },
      '/api/x?a=1&b=2',
      'http://b:1/api/x?a=1&b=2',
    ],
    [
      'pathRewrite function (Vite / http-proxy-middleware shape)',
      { path: '/api', target: 'http://b:1', pathRewrite: (p: string) => p.replace(/^\/api/, '/v1') + '?k=v' },
      '/api/x',
      'http://b:1/v1/x?k=v',
    ],
    [
      "the rewrite's value wins for a name it sets",
      { path: '/api', target: 'http://b:1', rewrite: '/:path*?v=2&legacy=1' },
      '/api/x?v=9&a=1&v=8',
      'http://b:1/x?v=2&a=1&legacy=1',
    ],
    [
      'a `?` the path itself carried stays encoded in the path',
      { path: '/api', target: 'http://b:1' },
      '/api/a%3Fb?c=1',
      'http://b:1/api/a%3Fb?c=1',
    ],
  ])('%s', (_title, entry, url, expected) => {
    expect(upstreamUrl(entry, url)).toBe(expected)
  })

  it('keeps the path part inside the base path, whatever the query says', () => {
    const entry = { path: '/api', target: 'https://s/v1', rewrite: () => '/../admin?x=/../../' }
    expect(() => upstreamUrl(entry, '/api/x')).toThrow(
      expect.objectContaining({ code: 'ERR_REQUEST_PATH_UNSAFE' }),
    )
    const safe = { path: '/api', target: 'https://s/v1', rewrite: () => '/ok?next=/../../admin' }
    expect(upstreamUrl(safe, '/api/x')).toBe('https://s/v1/ok?next=/../../admin')
  })

  it('maps redirects back through a template with a query', () => {
    const resolved = resolveConfig({
      routes: { '/api': { target: 'http://b:1', rewrite: '/v2/:path*?legacy=1' } },
    })
    expect(resolved.routes[0]?.toDevPath('/v2/login?next=1')).toBe('/api/login?next=1')
  })
})

describe('splitRewriteQuery', () => {
  it.each([
    ['/v1/:path*?legacy=1', '/v1/:path*', '?legacy=1'],
    ['/u/:id?', '/u/:id?', ''],
    ['/u/:id?/x?y=1', '/u/:id?/x', '?y=1'],
    ['/u/:id??y=1', '/u/:id?', '?y=1'],
    ['/v1?', '/v1', '?'],
    ['/v1', '/v1', ''],
  ])('%s', (template, path, query) => {
    expect(splitRewriteQuery(template)).toEqual({ path, query })
  })
})

describe('mergeQuery', () => {
  it.each([
    ['', '?a=1', '?a=1'],
    ['?', '?a=1', '?a=1'],
    ['?x=1', '', '?x=1'],
    ['?x=1', '?', '?x=1'],
    ['?x=1', '?a=1', '?a=1&x=1'],
    ['?x=1&x=2', '?x=0&a=1&x=9', '?x=1&x=2&a=1'],
    ['?a%20b=1', '?a+b=2&c', '?a%20b=1&c'],
    ['?x=1', '?&&a=%2F&', '?a=%2F&x=1'],
  ])('rewrite %s, request %s → %s', (rewrite, search, expected) => {
    expect(mergeQuery(rewrite, search)).toBe(expected)
  })
})
