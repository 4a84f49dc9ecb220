import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { findRouteOverlaps } from '../../src/rules/find-route-overlaps.ts'
import type { ProxyKey } from '../../src/rules/find-route-overlaps.ts'

const prefix = (key: string): ProxyKey => ({ key, matches: (path) => path.startsWith(key), paths: [key] })
const routes = resolveConfig(
  {
    routes: {
      '/api': 'http://127.0.0.1:1',
      '/users/:id': 'http://127.0.0.1:2',
      '^/v\\d+/': 'http://127.0.0.1:3',
    },
  },
  { env: {} },
)

describe('findRouteOverlaps', () => {
  it.each([
    { keys: [prefix('/api')], expected: [{ key: '/api', routes: ['/api'] }] },
    // A host prefix is raw (`/ap` takes `/api`), so it overlaps the route below it.
    { keys: [prefix('/ap')], expected: [{ key: '/ap', routes: ['/api'] }] },
    { keys: [prefix('/api/v2')], expected: [{ key: '/api/v2', routes: ['/api'] }] },
    { keys: [prefix('/apix')], expected: [] },
    { keys: [prefix('/users/7')], expected: [{ key: '/users/7', routes: ['/users/:id'] }] },
    { keys: [prefix('/v2/')], expected: [{ key: '/v2/', routes: ['^/v\\d+/'] }] },
    { keys: [prefix('/static')], expected: [] },
    {
      keys: [{ key: '(every path)', matches: () => true, paths: ['/'] }],
      expected: [{ key: '(every path)', routes: ['/api', '/users/:id'] }],
    },
  ])('$keys.0.key → $expected', ({ keys, expected }) => {
    expect(findRouteOverlaps(routes, keys)).toEqual(expected)
  })

  it('never throws on a host key that is not a safe path', () => {
    expect(findRouteOverlaps(routes, [prefix('/a/%2e%2e%2fapi')])).toEqual([])
  })
})
