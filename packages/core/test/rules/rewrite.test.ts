import type { RouteEntry, UserConfig } from '../../src/types.ts'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { matchRequest } from '../../src/rules/match-request.ts'

function route(entry: Omit<RouteEntry, 'path'> & { path: string }) {
  const resolved = resolveConfig({ routes: [entry] } as UserConfig, { env: {} })
  return resolved.routes[0]!
}

function forward(entry: Omit<RouteEntry, 'path'> & { path: string }, url: string): string | undefined {
  const resolved = resolveConfig({ routes: [entry] } as UserConfig, { env: {} })
  return matchRequest(resolved, { method: 'GET', url, headers: {} })?.upstreamPath
}

describe('toUpstreamPath', () => {
  it.each([
    // default: unchanged, below the target's base path
    [{ path: '/api', target: 'http://b:1' }, '/api/users', '/api/users'],
    [{ path: '/api', target: 'http://b:1/' }, '/api/users/', '/api/users/'],
    // a prefix route's prefix stands for the target's base path
    [{ path: '/api', target: 'https://s/v1' }, '/api/users', '/v1/users'],
    [{ path: '/api', target: 'https://s/v1/' }, '/api', '/v1'],
    [{ path: '/api', target: 'https://s/v1' }, '/api/', '/v1/'],
    [{ path: '/', target: 'https://s/v1' }, '/x', '/v1/x'],
    [{ path: '/api', target: 'https://s/%7Ev1' }, '/api/x', '/~v1/x'],
    // patterns and RegExps keep the full path below the base path
    [{ path: '/users/:id', target: 'https://s/v1' }, '/users/1', '/v1/users/1'],
    [{ path: '^/v\\d', target: 'https://s/base' }, '/v2/x', '/base/v2/x'],
    // templates
    [{ path: '/api', target: 'http://b:1', rewrite: '/v2/:path*' }, '/api/users/1', '/v2/users/1'],
    [{ path: '/api', target: 'http://b:1', rewrite: '/v2/:path*' }, '/api', '/v2'],
    [{ path: '/api', target: 'http://b:1', rewrite: '/v2/:path*' }, '/api/', '/v2/'],
    [
      { path: '/users/:id', target: 'http://b:1', rewrite: '/users/:id/profile' },
      '/users/7',
      '/users/7/profile',
    ],
    [{ path: '/users/:id', target: 'http://b:1', rewrite: '/u/:id' }, '/users/7/', '/u/7/'],
    [{ path: '/users/:id', target: 'https://s/v1', rewrite: '/u/:id' }, '/users/7', '/v1/u/7'],
    [
      { path: '/repos/:repo', target: 'http://b:1', rewrite: '/r/:repo' },
      '/repos/group%2Fproject',
      '/r/group%2Fproject',
    ],
    [{ path: '^/(?<v>v\\d)/', target: 'http://b:1', rewrite: '/api/:v' }, '/v3/x', '/api/v3'],
    // functions
    [
      { path: '/api', target: 'http://b:1', rewrite: (p: string) => p.replace(/^\/api/, '') },
      '/api/users',
      '/users',
    ],
    [{ path: '/api', target: 'http://b:1', rewrite: (p: string) => p.replace(/^\/api/, '') }, '/api', '/'],
    [
      { path: '/api', target: 'https://s/v1', rewrite: (p: string) => p.replace(/^\/api/, '/x') },
      '/api/y',
      '/v1/x/y',
    ],
    [
      {
        path: '/api',
        target: 'http://b:1',
        rewrite: (_: string, { params }: { params: Record<string, string | undefined> }) =>
          `/p/${params.path}`,
      },
      '/api/q',
      '/p/q',
    ],
    [{ path: '/api', target: 'http://b:1', rewrite: () => 'relative' }, '/api', '/relative'],
    [{ path: '/api', target: 'https://s/v1', rewrite: () => '' }, '/api/x', '/v1'],
    [{ path: '/api', target: 'https://s/v1', rewrite: () => '/a/../b' }, '/api/x', '/v1/b'],
    // pasted http-proxy-middleware pathRewrite
    [{ path: '/api', target: 'http://b:1', pathRewrite: { '^/api': '' } }, '/api/users', '/users'],
    [{ path: '/api', target: 'http://b:1', pathRewrite: { '^/api/': '/' } }, '/api/users', '/users'],
    [{ path: '/api', target: 'http://b:1', pathRewrite: { '^/api': '/v2' } }, '/api/users', '/v2/users'],
    [{ path: '/api', target: 'https://s/base', pathRewrite: { '^/api': '' } }, '/api/users', '/base/users'],
    [
      { path: '/api', target: 'http://b:1', pathRewrite: { '^/api/old': '/api/new', '^/api': '' } },
      '/api/old/x',
      '/api/new/x',
    ],
    [{ path: '/api', target: 'http://b:1', pathRewrite: { '\\.json$': '' } }, '/api/a.json', '/api/a'],
    [{ path: '/api', target: 'http://b:1', pathRewrite: { '^/ap': '/x' } }, '/api/a', '/xi/a'],
    [{ path: '/api', target: 'http://b:1', pathRewrite: { '^/auth': '' } }, '/api/a', '/api/a'],
  ] as const)('%o: %s → %s', (entry, url, expected) => {
    expect(forward(entry as never, url)).toBe(expected)
  })

  it.each([
    ['a rewrite climbing out of the base path', () => '/../admin'],
    ['a rewrite returning an encoded backslash', () => '/%5Cadmin'],
    ['a rewrite returning a double-encoded dot', () => '/%252e%252e/admin'],
  ])('%s is refused with ERR_REQUEST_PATH_UNSAFE', (_, rewrite) => {
    expect(() => forward({ path: '/api', target: 'https://s/v1', rewrite }, '/api/x')).toThrow(
      expect.objectContaining({ code: 'ERR_REQUEST_PATH_UNSAFE', status: 400 }),
    )
  })

  it.each([
    [
      'throws',
      () => {
        throw new Error('boom')
      },
      'The rewrite function of route /api threw an error.',
    ],
    [
      'returns a Promise',
      async () => '/x',
      'The rewrite function of route /api returned a Promise (rewrite functions must be synchronous) instead of a string.',
    ],
    [
      'returns undefined',
      () => undefined,
      'The rewrite function of route /api returned undefined instead of a string.',
    ],
  ])('a rewrite function that %s fails with ERR_RULE_REWRITE_INVALID', (_, rewrite, message) => {
    expect(() =>
      forward({ path: '/api', target: 'http://b:1', rewrite: rewrite as never }, '/api/x'),
    ).toThrow(expect.objectContaining({ code: 'ERR_RULE_REWRITE_INVALID', message }))
  })

  it('passes the query to rewrite functions as `search` and forwards it unchanged', () => {
    const seen: string[] = []
    const resolved = resolveConfig({
      routes: { '/api': { target: 'http://b:1', rewrite: (p, { search }) => (seen.push(search), p) } },
    })
    expect(matchRequest(resolved, { method: 'GET', url: '/api/x?a=%2F&b', headers: {} })?.upstreamUrl).toBe(
      'http://b:1/api/x?a=%2F&b',
    )
    expect(seen).toEqual(['?a=%2F&b'])
  })
})

describe('toDevPath', () => {
  it.each([
    [{ path: '/api', target: 'https://s/v1' }, '/v1/login', '/api/login'],
    [{ path: '/api', target: 'https://s/v1' }, '/v1', '/api'],
    [{ path: '/api', target: 'https://s/v1' }, '/v1/', '/api/'],
    [{ path: '/api', target: 'https://s/v1' }, '/v1/a/./b', '/api/a/b'],
    [{ path: '/api', target: 'https://s/v1' }, '/v2/login', undefined],
    [{ path: '/api', target: 'https://s/v1' }, '/v10', undefined],
    [{ path: '/api', target: 'https://s/v1' }, '/', undefined],
    [{ path: '/api', target: 'http://b:1' }, '/api/login', '/api/login'],
    [{ path: '/api', target: 'http://b:1' }, '/login', undefined],
    [{ path: '/api', target: 'http://b:1', rewrite: '/v2/:path*' }, '/v2/users', '/api/users'],
    [{ path: '/api', target: 'http://b:1', rewrite: '/v2/:path*' }, '/v2', '/api'],
    [{ path: '/api', target: 'http://b:1', rewrite: '/v2/:path*' }, '/v3/users', undefined],
    [{ path: '/users/:id', target: 'http://b:1', rewrite: '/u/:id/profile' }, '/u/7/profile', '/users/7'],
    [{ path: '/users/:id', target: 'http://b:1', rewrite: '/u/:id/profile' }, '/u/7/x', undefined],
    [{ path: '/users/:id/:tab', target: 'http://b:1', rewrite: '/u/:id' }, '/u/7', undefined],
    [{ path: '/users/:id', target: 'https://s/v1' }, '/v1/users/3', '/users/3'],
    [{ path: '^/v\\d/', target: 'https://s/base' }, '/base/v2/x', '/v2/x'],
    [{ path: '^/(?<v>v\\d)/', target: 'http://b:1', rewrite: '/api/:v' }, '/api/v3', undefined],
    [{ path: '/api', target: 'http://b:1', rewrite: (p: string) => p }, '/api/x', undefined],
    [{ path: '/api', target: 'http://b:1', pathRewrite: { '^/api': '' } }, '/login', '/api/login'],
    [{ path: '/api', target: 'http://b:1', pathRewrite: { '^/api': '' } }, '/', '/api/'],
    [{ path: '/api', target: 'https://s/v1' }, '/v1/%2e%2e/admin', undefined],
    [{ path: '/api', target: 'https://s/v1' }, '/v1/login?next=/v1/home#top', '/api/login?next=/v1/home#top'],
    [{ path: '/api', target: 'https://s/v1' }, '/v1#x', '/api#x'],
    [{ path: '/api', target: 'https://s/v1' }, '/v2?x', undefined],
    [{ path: '/api', target: 'https://s/v1' }, '/v1/..%2Fadmin', undefined],
  ] as const)('%o: %s → %s', (entry, upstreamPath, expected) => {
    expect(route(entry as never).toDevPath(upstreamPath)).toBe(expected)
  })
})
