// The shared translation of routes into PCRE/RE2 expressions is checked against the engine itself:
// for each route and request path, the expression must match exactly when the route does, and the
// upstream path built from its parts must be the one `toUpstreamPath` computes.
import type { ResolvedRoute, UserConfig } from '@sameorigin/core'
import { resolveConfig } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import type { RouteRegex } from '../../src/export/route-regex.ts'
import { routeRegex } from '../../src/export/route-regex.ts'

function route(routes: UserConfig['routes']): ResolvedRoute {
  return resolveConfig({ routes }, { env: {} }).routes[0] as ResolvedRoute
}

/** The expression run by JavaScript: `(?P<` is `(?<` there, and a leading `(?i)` is the `i` flag. */
function run(regex: RouteRegex, path: string): string | undefined {
  const flags = /^\(\?([ims]+)\)/.exec(regex.regex)?.[1] ?? ''
  const source = regex.regex.slice(flags === '' ? 0 : flags.length + 3).replaceAll('(?P<', '(?<')
  const match = new RegExp(source, flags).exec(path)
  if (match === null) return undefined
  expect(match.length - 1).toBe(regex.groupCount)
  return regex.upstream
    .map((part) =>
      part.type === 'text' ? part.value : part.type === 'path' ? path : (match[part.index] ?? ''),
    )
    .join('')
}

const PATHS = [
  '/',
  '/api',
  '/api/',
  '/api/x',
  '/api/x/',
  '/api//x',
  '/apix',
  '/users/42',
  '/users/42/',
  '/users/',
  '/files',
  '/files/',
  '/files/a/b',
  '/files/a/b/',
  '/v2/x',
  '/V2/x',
  '/other/api/x',
]

const ROUTES: [string, UserConfig['routes']][] = [
  ['a prefix', { '/api': 'http://b:1' }],
  ['a prefix with a base path', { '/api': 'http://b:1/v1' }],
  ['the root prefix with a base path', { '/': 'http://b:1/v1' }],
  ['a prefix with a template', { '/api': { target: 'http://b:1/v1', rewrite: '/v2/:path*' } }],
  ['a prefix with a fixed template', { '/api': { target: 'http://b:1', rewrite: '/login' } }],
  ['a pattern', { '/users/:id': 'http://b:1/v1' }],
  ['a pattern with a template', { '/users/:id': { target: 'http://b:1', rewrite: '/u/:id/profile' } }],
  ['a pattern with an optional segment', { '/users/:id?': { target: 'http://b:1', rewrite: '/u/:id?' } }],
  ['a rest pattern', { '/files/:path*': { target: 'http://b:1', rewrite: '/static/:path*' } }],
  ['a one-or-more pattern', { '/files/:path+': { target: 'http://b:1/s', rewrite: '/:path+' } }],
  ['a RegExp', [{ path: /^\/v(?<n>\d+)\//i, target: 'http://b:1/base' }]],
  [
    'a RegExp with a template',
    [{ path: /^\/v(?<n>\d+)\/(?<rest>.*)$/, target: 'http://b:1', rewrite: '/version-:n/:rest' }],
  ],
]

function reverse(routes: UserConfig['routes']): RouteRegex['reversePrefix'] {
  return routeRegex(route(routes))?.reversePrefix
}

describe('routeRegex', () => {
  for (const [what, routes] of ROUTES) {
    it(`matches and rewrites as the engine does: ${what}`, () => {
      const resolved = route(routes)
      const regex = routeRegex(resolved)
      expect(regex).toBeDefined()
      for (const path of PATHS) {
        const params = resolved.matchPath(path)
        const expected =
          params === undefined ? undefined : resolved.toUpstreamPath(path, { params, search: '' })
        expect([path, run(regex as RouteRegex, path)]).toEqual([path, expected])
      }
    })
  }

  it('decodes literal text, as servers match decoded paths', () => {
    const regex = routeRegex(route({ '/café': 'http://b:1' })) as RouteRegex
    expect(regex.regex.startsWith('^/café(')).toBe(true)
  })

  it("keeps the template's query apart", () => {
    const regex = routeRegex(route({ '/api': { target: 'http://b:1', rewrite: '/v1/:path*?legacy=1' } }))
    expect(regex?.query).toBe('?legacy=1')
    expect(regex?.upstream[0]).toEqual({ type: 'text', value: '/v1' })
  })

  it('gives the reverse prefix of plain prefix swaps only', () => {
    expect(reverse({ '/api': 'http://b:1' })).toEqual({ upstream: '', app: '' })
    expect(reverse({ '/api': 'http://b:1/v1' })).toEqual({ upstream: '/v1', app: '/api' })
    expect(reverse({ '/api': { target: 'http://b:1/v1', rewrite: '/v2/:path*' } })).toEqual({
      upstream: '/v1/v2',
      app: '/api',
    })
    expect(reverse({ '/files/:rest*': { target: 'http://b:1', rewrite: '/s/:rest*' } })).toEqual({
      upstream: '/s',
      app: '/files',
    })
    expect(reverse({ '/users/:id': 'http://b:1' })).toEqual({ upstream: '', app: '' })
    expect(reverse({ '/users/:id': 'http://b:1/v1' })).toBeUndefined()
    expect(reverse({ '/users/:id': { target: 'http://b:1', rewrite: '/u/:id' } })).toBeUndefined()
    expect(reverse({ '/api': { target: 'http://b:1', rewrite: '/login' } })).toBeUndefined()
  })

  it('refuses what it cannot translate', () => {
    expect(routeRegex(route({ '/api': { target: 'http://b:1', rewrite: (path) => path } }))).toBeUndefined()
    expect(routeRegex(route([{ path: /^\/(?=api)/, target: 'http://b:1' }]))).toBeUndefined()
    expect(routeRegex(route([{ path: /^\/(a)\1/, target: 'http://b:1' }]))).toBeUndefined()
    expect(routeRegex(route([{ path: /^\/\u00e9/, target: 'http://b:1' }]))).toBeUndefined()
    expect(
      routeRegex(route([{ path: /^\/v(?<n>\d*)/, target: 'http://b:1', rewrite: '/x/:n*' }])),
    ).toBeUndefined()
  })
})
