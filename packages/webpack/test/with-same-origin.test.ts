import { describe, expect, it } from 'vitest'
import type { Middleware } from '../src/index.ts'
import { withSameOrigin } from '../src/index.ts'
import { placeProxyMiddleware } from '../src/place-proxy-middleware.ts'

const keep = (middlewares: Middleware[]): Middleware[] => middlewares
const named = (name: string): Middleware => ({ name, middleware: () => {} })
const names = (list: readonly Middleware[]): (string | undefined)[] =>
  list.map((item) => (typeof item === 'function' ? item.name : item.name))

describe('placeProxyMiddleware', () => {
  it("goes after the dev server's host checks and before compression and everything else", () => {
    const list = [
      'host-header-check',
      'cross-origin-header-check',
      'compression',
      'webpack-dev-middleware',
    ].map(named)
    expect(names(placeProxyMiddleware(list, named('sameorigin')))).toEqual([
      'host-header-check',
      'cross-origin-header-check',
      'sameorigin',
      'compression',
      'webpack-dev-middleware',
    ])
    expect(list).toHaveLength(4) // a new list; the dev server's is not changed
  })

  it('goes first when there are no checks', () => {
    expect(names(placeProxyMiddleware([named('compression')], named('sameorigin')))).toEqual([
      'sameorigin',
      'compression',
    ])
  })
})

describe('withSameOrigin', () => {
  it('returns a new config with composed hooks and leaves the input alone', () => {
    const input = Object.freeze({
      port: 8080,
      setupMiddlewares: keep,
      proxy: [{ context: '/x', target: 'http://b' }],
    })
    const output = withSameOrigin(input, { routes: { '/api': 'http://127.0.0.1:9' } })
    expect(output).not.toBe(input)
    expect(output).toMatchObject({ port: 8080, proxy: input.proxy })
    expect(output.setupMiddlewares).not.toBe(keep)
    expect(input.setupMiddlewares).toBe(keep)
    expect(typeof output.onListening).toBe('function')
  })

  it('mounts once when given a config that already has sameorigin (withSameOrigin and the plugin both)', () => {
    const once = withSameOrigin({ port: 8080 })
    const twice = withSameOrigin(once, { routes: { '/other': 'http://127.0.0.1:9' } })
    expect(twice).not.toBe(once)
    expect(twice.setupMiddlewares).toBe(once.setupMiddlewares)
    expect(twice.onListening).toBe(once.onListening)
  })

  it('accepts no config at all', () => {
    expect(Object.keys(withSameOrigin(undefined)).toSorted()).toEqual(['onListening', 'setupMiddlewares'])
  })
})
