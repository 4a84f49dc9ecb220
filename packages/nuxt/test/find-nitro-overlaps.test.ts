import { resolveConfig } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import { findNitroOverlaps } from '../src/find-nitro-overlaps.ts'

const resolved = resolveConfig({ routes: { '/api': 'http://b', '/ws': 'http://c' } })

describe('findNitroOverlaps', () => {
  it.each([
    ['/api', ['/api']],
    ['/api/v1', ['/api']],
    ['/ap', ['/api']],
    ['/apix', []],
    ['/other', []],
  ])('devProxy %s overlaps %j (h3 prefix matching)', (key, routes) => {
    const { devProxy } = findNitroOverlaps(resolved, { devProxy: { [key]: 'http://x' } })
    expect(devProxy).toEqual(routes.length === 0 ? [] : [{ key, routes }])
  })

  it.each([
    ['/api/**', ['/api']],
    ['/api', ['/api']],
    ['/users/:id/**', []],
    ['/**', ['/api', '/ws']],
  ])('a route rule %s with proxy overlaps %j', (key, routes) => {
    const { routeRules } = findNitroOverlaps(resolved, { routeRules: { [key]: { proxy: 'http://x/**' } } })
    expect(routeRules).toEqual(routes.length === 0 ? [] : [{ key, routes }])
  })

  it('leaves route rules without proxy alone', () => {
    expect(
      findNitroOverlaps(resolved, { routeRules: { '/api/**': { headers: { a: 'b' } } } } as never).routeRules,
    ).toEqual([])
  })
})
