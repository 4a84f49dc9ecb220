import { describe, expect, it } from 'vitest'
import { rewriteLocation } from '../../src/rewrite/index.ts'
import type { RewriteLocationContext } from '../../src/rewrite/index.ts'
import { createMatch, createRoute, STAGING } from './_fixtures.ts'
import type { RouteFixtureOptions } from './_fixtures.ts'

/** `/api → https://staging.example.com/v1`, answering `/api/account/session`. */
function contextFor(prefix: string, target: string, url: string): RewriteLocationContext {
  const match = createMatch(createRoute(prefix, target), url)
  return {
    targetOrigin: match.route.target.origin,
    requestUrl: match.upstreamUrl,
    toDevPath: match.route.toDevPath,
  }
}
const api = contextFor('/api', `${STAGING}/v1`, '/api/account/session')

describe('rewriteLocation', () => {
  it.each([
    // On the target, inside the base path: mapped through toDevPath, origin-relative.
    [`${STAGING}/v1/login?next=/x#h`, '/api/login?next=/x#h'],
    [`${STAGING}/v1`, '/api'],
    [`${STAGING}/v1/`, '/api/'],
    [`${STAGING}:443/v1/login`, '/api/login'],
    ['HTTPS://STAGING.EXAMPLE.COM/v1/login', '/api/login'],
    ['//staging.example.com/v1/login', '/api/login'],
    ['/v1/login', '/api/login'],
    ['login', '/api/account/login'],
    ['../me', '/api/me'],
    ['?page=2', '/api/account/session?page=2'],
    ['#top', '/api/account/session#top'],
    ['', ''],
    // On the target, outside the base path: same path on the dev origin.
    [`${STAGING}/dashboard`, '/dashboard'],
    [`${STAGING}/`, '/'],
    [`${STAGING}/v10/x`, '/v10/x'],
    ['/dashboard?tab=1', '/dashboard?tab=1'],
    // A path that would read as a network-path reference keeps its host.
    [`${STAGING}//evil.example/x`, '/.//evil.example/x'],
    // Elsewhere: unchanged.
    ['https://accounts.example.com/v1/login', 'https://accounts.example.com/v1/login'],
    ['http://staging.example.com/v1/login', 'http://staging.example.com/v1/login'],
    [`${STAGING}:8443/v1/login`, `${STAGING}:8443/v1/login`],
    ['//accounts.example.com/login', '//accounts.example.com/login'],
    ['http://localhost:5173/api/login', 'http://localhost:5173/api/login'],
    ['mailto:support@example.com', 'mailto:support@example.com'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    // Malformed: unchanged.
    ['http://[::1', 'http://[::1'],
    ['https://exa mple.com/', 'https://exa mple.com/'],
  ])('%s → %s', (value, expected) => {
    expect(rewriteLocation(value, api)).toBe(expected)
  })

  it.each([
    // A target without a base path: paths under the prefix map to themselves.
    ['/api', 'http://127.0.0.1:8080', '/api/x', 'http://127.0.0.1:8080/api/login', '/api/login'],
    ['/api', 'http://127.0.0.1:8080', '/api/x', 'http://127.0.0.1:8080/home', '/home'],
    ['/api', 'http://127.0.0.1:8080', '/api/x', 'http://127.0.0.1/api/login', 'http://127.0.0.1/api/login'],
    ['/api', 'http://[::1]:8080/v2/', '/api/x', 'http://[::1]:8080/v2/y', '/api/y'],
    ['/', `${STAGING}/v1`, '/x', `${STAGING}/v1/y`, '/y'],
  ])('route %s → %s: %s → %s', (prefix, target, url, value, expected) => {
    expect(rewriteLocation(value, contextFor(prefix, target, url))).toBe(expected)
  })

  it.each<[string, string, RouteFixtureOptions, string, string, string]>([
    // A template rewrite is reversed: the parameters are read back out of the upstream path.
    [
      '/users/:id',
      `${STAGING}/v2`,
      { rewrite: '/people/:id' },
      '/users/7',
      `${STAGING}/v2/people/42`,
      '/users/42',
    ],
    ['/users/:id', `${STAGING}/v2`, { rewrite: '/people/:id' }, '/users/7', '/v2/people/42/', '/users/42/'],
    ['/users/:id', `${STAGING}/v2`, { rewrite: '/people/:id' }, '/users/7', '/v2/teams/1', '/v2/teams/1'],
    [
      '/files/:path*',
      `${STAGING}/s`,
      { rewrite: '/blobs/:path*' },
      '/files/x',
      '/s/blobs/a/b.txt',
      '/files/a/b.txt',
    ],
    // A function rewrite cannot be reversed: origin only.
    ['/api', `${STAGING}/v1`, { rewrite: (p: string) => p.slice(4) }, '/api/x', `${STAGING}/v1/y`, '/v1/y'],
    // A RegExp route with the path unchanged.
    ['^/v\\d+/', 'http://127.0.0.1:8080', {}, '/v1/x', 'http://127.0.0.1:8080/v2/y', '/v2/y'],
  ])('real route %s → %s %o (request %s): %s → %s', (path, target, options, url, value, expected) => {
    const match = createMatch(createRoute(path, target, options), url)
    const context = {
      targetOrigin: match.route.target.origin,
      requestUrl: match.upstreamUrl,
      toDevPath: match.route.toDevPath,
    }
    expect(rewriteLocation(value, context)).toBe(expected)
  })

  it.each<[string, (path: string) => string | undefined, string]>([
    [
      'throws',
      () => {
        throw new URIError('bad')
      },
      '/v1/a',
    ],
    ['returns a path without a leading slash', () => 'api/a', '/v1/a'],
    ['returns a backslash path', () => '/\\evil.example', '/v1/a'],
    ['returns a path with a newline', () => '/a\n/b', '/v1/a'],
  ])('keeps the upstream path when toDevPath %s', (_title, toDevPath, expected) => {
    expect(rewriteLocation(`${STAGING}/v1/a`, { ...api, toDevPath })).toBe(expected)
  })

  it('guards a toDevPath answer starting with //', () => {
    expect(rewriteLocation(`${STAGING}/v1/a`, { ...api, toDevPath: () => '//evil.example/a' })).toBe(
      '/.//evil.example/a',
    )
  })

  it('keeps the value when the request URL itself is malformed', () => {
    expect(rewriteLocation('/v1/a', { ...api, requestUrl: 'not a url' })).toBe('/v1/a')
  })
})
