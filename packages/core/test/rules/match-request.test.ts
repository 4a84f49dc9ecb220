import type { RequestInfo, UserConfig } from '../../src/types.ts'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { matchRequest } from '../../src/rules/match-request.ts'

function upstream(config: UserConfig, url: string, request: Partial<RequestInfo> = {}): string | undefined {
  const resolved = resolveConfig(config, { env: {} })
  return matchRequest(resolved, { method: 'GET', headers: {}, ...request, url })?.upstreamUrl
}

describe('matchRequest: which route, in declaration order', () => {
  const config: UserConfig = {
    routes: {
      '/api/users/:id': 'http://users:1',
      '/api': 'http://api:2',
      '^/v\\d+/': 'http://versioned:3',
      '/files/:path*': 'http://files:4',
    },
  }
  it.each([
    ['/api/users/42', 'http://users:1/api/users/42'],
    ['/api/users', 'http://api:2/api/users'],
    ['/api/users/42/x', 'http://api:2/api/users/42/x'],
    ['/api', 'http://api:2/api'],
    ['/api?x=1&y=%2F', 'http://api:2/api?x=1&y=%2F'],
    ['/apix', undefined],
    ['/v2/x', 'http://versioned:3/v2/x'],
    ['/v/x', undefined],
    ['/files', 'http://files:4/files'],
    ['/files/a/b', 'http://files:4/files/a/b'],
    ['/', undefined],
    ['/api/%2e%2e/v2/x', 'http://versioned:3/v2/x'],
    ['/%61pi/x', 'http://api:2/api/x'],
    ['http://evil.example/api/x', 'http://api:2/api/x'],
    ['*', undefined],
    ['api.example.com:443', undefined],
  ])('%s → %s', (url, expected) => {
    expect(upstream(config, url)).toBe(expected)
  })

  it('returns the match details', () => {
    const resolved = resolveConfig({ routes: { '/api': 'https://s.example.com/v1' } })
    const match = matchRequest(resolved, { method: 'GET', url: '/api/./users?page=2', headers: {} })
    expect(match).toMatchObject({
      params: { path: 'users' },
      path: '/api/users',
      search: '?page=2',
      upstreamPath: '/v1/users',
      upstreamUrl: 'https://s.example.com/v1/users?page=2',
    })
    expect(match?.route).toBe(resolved.routes[0])
  })

  it('throws ERR_REQUEST_PATH_UNSAFE for a hostile path even when no route would match it', () => {
    const resolved = resolveConfig({ routes: { '/api': 'http://a:1' } })
    expect(() => matchRequest(resolved, { method: 'GET', url: '/other/..%2F..%2Fetc', headers: {} })).toThrow(
      expect.objectContaining({ code: 'ERR_REQUEST_PATH_UNSAFE' }),
    )
  })
})

describe('matchRequest: conditions skip to the next route', () => {
  const config: UserConfig = {
    routes: [
      { path: '/api', target: 'http://writes:1', methods: ['post', 'PUT'] },
      { path: '/api', target: 'http://json:2', matchHeaders: { Accept: /json/ } },
      { path: '/api', target: 'http://mock:3', matchHeaders: { 'x-mock': true, 'x-real': false } },
      { path: '/api', target: 'http://exact:4', matchHeaders: { 'x-env': 'staging' } },
      { path: '/api', target: 'http://fallback:5' },
    ],
  }
  it.each([
    ['POST', {}, 'writes'],
    ['post', {}, 'writes'],
    ['Put', {}, 'writes'],
    ['GET', {}, 'fallback'],
    ['GET', { accept: 'application/json' }, 'json'],
    ['GET', { accept: 'text/html' }, 'fallback'],
    ['GET', { accept: ['text/html', 'application/json'] }, 'json'],
    ['GET', { 'x-mock': '' }, 'mock'],
    ['GET', { 'x-mock': '1', 'x-real': '1' }, 'fallback'],
    ['GET', { 'x-env': 'staging' }, 'exact'],
    ['GET', { 'x-env': 'Staging' }, 'fallback'],
    ['DELETE', { accept: 'application/json' }, 'json'],
  ] as const)('%s %j → %s', (method, headers, host) => {
    expect(upstream(config, '/api/x', { method, headers })).toBe(
      `http://${host}:${host === 'writes' ? 1 : host === 'json' ? 2 : host === 'mock' ? 3 : host === 'exact' ? 4 : 5}/api/x`,
    )
  })

  it('a RegExp condition with the g flag matches every time (no lastIndex state)', () => {
    const resolved = resolveConfig({
      routes: { '/api': { target: 'http://a:1', matchHeaders: { accept: /json/g } } },
    })
    const request = { method: 'GET', url: '/api', headers: { accept: 'application/json' } }
    expect([1, 2, 3].map(() => matchRequest(resolved, request)?.route.index)).toEqual([0, 0, 0])
  })
})
