import { resolveConfig } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import { findProxyOverlaps } from '../src/find-proxy-overlaps.ts'

const target = 'http://127.0.0.1:8080'
const resolve = (routes: string[]) =>
  resolveConfig({ routes: Object.fromEntries(routes.map((route) => [route, target])) })

describe('findProxyOverlaps', () => {
  it.each([
    { why: 'same prefix', routes: ['/api'], key: '/api', overlaps: ['/api'] },
    { why: 'key below a route', routes: ['/api'], key: '/api/v2', overlaps: ['/api'] },
    { why: 'route below a key', routes: ['/api/users'], key: '/api', overlaps: ['/api/users'] },
    { why: "HPM's raw prefix takes /apix too", routes: ['/apix'], key: '/api', overlaps: ['/apix'] },
    { why: 'segment boundary: /api is not /apix', routes: ['/api'], key: '/apix', overlaps: [] },
    { why: 'glob key by its literal part', routes: ['/v1'], key: '/v1/**', overlaps: ['/v1'] },
    { why: 'pattern route', routes: ['/users/:id'], key: '/users', overlaps: ['/users/:id'] },
    { why: 'RegExp route', routes: ['^/v\\d+/'], key: '/v2/items', overlaps: ['^/v\\d+/'] },
    { why: 'disjoint', routes: ['/api', '/auth'], key: '/legacy', overlaps: [] },
  ])('record key: $why', ({ routes, key, overlaps }) => {
    const found = findProxyOverlaps(resolve(routes), { [key]: target })
    expect(found.flatMap((overlap) => overlap.routes)).toEqual(overlaps)
    expect(found.map((overlap) => overlap.key)).toEqual(overlaps.length > 0 ? [key] : [])
  })

  it('reads the array form: pathFilter strings and lists; no filter is every path; a function is skipped', () => {
    const resolved = resolve(['/api', '/auth'])
    const found = findProxyOverlaps(resolved, [
      { pathFilter: ['/auth', '/legacy'], target },
      { pathFilter: (path: string) => path.startsWith('/api'), target },
      { target },
    ])
    expect(found).toEqual([
      { key: '["/auth","/legacy"]', routes: ['/auth'] },
      { key: '"/"', routes: ['/api', '/auth'] },
    ])
  })

  it('finds nothing without server.proxy', () => {
    expect(findProxyOverlaps(resolve(['/api']), undefined)).toEqual([])
  })
})
