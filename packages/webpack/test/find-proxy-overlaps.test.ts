import { resolveConfig } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import { findProxyOverlaps } from '../src/find-proxy-overlaps.ts'

const target = 'http://127.0.0.1:8080'

describe('findProxyOverlaps', () => {
  it.each([
    { why: 'same prefix', routes: ['/api'], context: '/api', overlaps: ['/api'] },
    { why: 'entry below a route', routes: ['/api'], context: '/api/v2', overlaps: ['/api'] },
    { why: 'route below an entry', routes: ['/api/users'], context: '/api', overlaps: ['/api/users'] },
    {
      why: "http-proxy-middleware's raw prefix takes /apix",
      routes: ['/apix'],
      context: '/api',
      overlaps: ['/apix'],
    },
    { why: 'segment boundary: /api is not /apix', routes: ['/api'], context: '/apix', overlaps: [] },
    { why: 'a glob entry', routes: ['/api'], context: '/api/**', overlaps: ['/api'] },
    { why: 'pattern route', routes: ['/users/:id'], context: '/users', overlaps: ['/users/:id'] },
    { why: 'RegExp route', routes: ['^/v\\d+/'], context: '/v2/items', overlaps: ['^/v\\d+/'] },
    { why: 'disjoint', routes: ['/api', '/auth'], context: '/legacy', overlaps: [] },
  ])('$why', ({ routes, context, overlaps }) => {
    const resolved = resolveConfig({ routes: Object.fromEntries(routes.map((route) => [route, target])) })
    const found = findProxyOverlaps(resolved, [{ context, target }])
    expect(found).toEqual(overlaps.length > 0 ? [{ key: context, routes: overlaps }] : [])
  })

  it('names each overlapping filter of a list, and every path for an entry without one', () => {
    const resolved = resolveConfig({ routes: { '/api': target } })
    expect(findProxyOverlaps(resolved, [{ context: ['/legacy', '/api/v1'], target }, { target }])).toEqual([
      { key: '/api/v1', routes: ['/api'] },
      { key: '(every path)', routes: ['/api'] },
    ])
  })

  it('reads pathFilter and path too, and skips function entries and a missing proxy', () => {
    const resolved = resolveConfig({ routes: { '/api': target } })
    expect(findProxyOverlaps(resolved, [{ pathFilter: '/api' }, { path: '/api' }])).toHaveLength(2)
    expect(findProxyOverlaps(resolved, [() => ({ context: '/api', target })])).toEqual([])
    expect(findProxyOverlaps(resolved, undefined)).toEqual([])
  })
})
