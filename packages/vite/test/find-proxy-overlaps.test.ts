import { resolveConfig } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import { findProxyOverlaps } from '../src/find-proxy-overlaps.ts'

const target = 'http://127.0.0.1:8080'

describe('findProxyOverlaps', () => {
  it.each([
    { why: 'same prefix', routes: ['/api'], key: '/api', overlaps: ['/api'] },
    { why: 'key below a route', routes: ['/api'], key: '/api/v2', overlaps: ['/api'] },
    { why: 'route below a key', routes: ['/api/users'], key: '/api', overlaps: ['/api/users'] },
    { why: "Vite's raw prefix takes /apix too", routes: ['/apix'], key: '/api', overlaps: ['/apix'] },
    { why: 'segment boundary: /api is not /apix', routes: ['/api'], key: '/apix', overlaps: [] },
    { why: 'RegExp key over a prefix route', routes: ['/v1'], key: '^/v1/.*', overlaps: ['/v1'] },
    { why: 'pattern route', routes: ['/users/:id'], key: '/users', overlaps: ['/users/:id'] },
    { why: 'RegExp route', routes: ['^/v\\d+/'], key: '/v2/items', overlaps: ['^/v\\d+/'] },
    { why: 'disjoint', routes: ['/api', '/auth'], key: '/legacy', overlaps: [] },
    { why: 'a key Vite cannot compile', routes: ['/api'], key: '^/api(', overlaps: [] },
  ])('$why', ({ routes, key, overlaps }) => {
    const resolved = resolveConfig({ routes: Object.fromEntries(routes.map((route) => [route, target])) })
    const found = findProxyOverlaps(resolved, { [key]: target })
    expect(found.flatMap((overlap) => overlap.routes)).toEqual(overlaps)
    expect(found.map((overlap) => overlap.key)).toEqual(overlaps.length > 0 ? [key] : [])
  })

  it('finds nothing without server.proxy', () => {
    expect(findProxyOverlaps(resolveConfig({ routes: { '/api': target } }), undefined)).toEqual([])
  })
})
