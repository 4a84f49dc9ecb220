import { describe, expect, it } from 'vitest'
import { toViteKeyMatcher, toViteProxyKeys } from '../../src/host/to-vite-proxy-keys.ts'

describe('toViteProxyKeys', () => {
  it("reads a key as Vite's proxy does: a raw prefix, or a RegExp from `^`", () => {
    const [prefix, regexp] = toViteProxyKeys({ '/api': 'http://b', '^/v\\d/': { target: 'http://c' } })
    expect(prefix).toMatchObject({ key: '/api', paths: ['/api'] })
    // A raw prefix, as Vite's `startsWith`: `/api` takes `/apix` too.
    expect(['/api/me', '/apix', '/ap'].map((path) => prefix?.matches(path))).toEqual([true, true, false])
    expect(regexp).toMatchObject({ key: '^/v\\d/', paths: [] })
    expect(['/v2/x', '/vx/x'].map((path) => regexp?.matches(path))).toEqual([true, false])
  })

  it('leaves out a RegExp key that does not compile (Vite reports it), and reads no proxy as none', () => {
    expect(toViteKeyMatcher('^/(')).toBeUndefined()
    expect(toViteProxyKeys({ '^/(': 'http://b' })).toEqual([])
    expect(toViteProxyKeys(undefined)).toEqual([])
  })
})
