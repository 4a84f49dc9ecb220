import type { ConfigEnv } from '../src/config/load-config.ts'
import type { HeadersRequest, RewriteContext, RouteEntry, RouteOptions, UserConfig } from '../src/types.ts'
import { describe, expectTypeOf, it } from 'vitest'
import { defineConfig, defineRoute } from '../src/config/define-config.ts'

describe('defineConfig', () => {
  it('returns the config typed as UserConfig', () => {
    const config = defineConfig({ routes: { '/api': 'http://127.0.0.1:8080' }, logLevel: 'debug' })
    expectTypeOf(config).toEqualTypeOf<UserConfig>()
  })

  it('rejects a misspelled option at compile time (excess property check)', () => {
    // @ts-expect-error `changeOrgin` is not an option (did you mean `changeOrigin`?)
    defineConfig({ routes: { '/api': { target: 'http://127.0.0.1:8080', changeOrgin: true } } })
    // @ts-expect-error `route` is not a top-level key
    defineConfig({ route: {} })
  })

  it('accepts the object form with options and the array form with RegExp and path lists', () => {
    const config = defineConfig({
      routes: [
        { path: /^\/v\d+\//, target: 'http://127.0.0.1:8080' },
        {
          path: ['/api', '/auth'],
          target: 'https://staging.example.com/v1',
          methods: ['GET'],
          matchHeaders: { accept: /json/, 'x-mock': false },
        },
      ],
    })
    expectTypeOf(config).toEqualTypeOf<UserConfig>()
  })

  it('accepts a headers function, sync or async, and types its request', () => {
    defineConfig({
      routes: {
        '/api': {
          target: 'http://127.0.0.1:8080',
          headers: (request) => {
            expectTypeOf(request).toEqualTypeOf<HeadersRequest>()
            return { 'x-path': request.path, cookie: null }
          },
        },
        '/auth': { target: 'http://127.0.0.1:8080', headers: async () => ({ authorization: 'Bearer t' }) },
      },
    })
    // @ts-expect-error a header value is a string or null
    defineConfig({ routes: { '/api': { target: 'http://127.0.0.1:8080', headers: () => ({ 'x-n': 1 }) } } })
  })

  it('types the parameters of a rewrite function', () => {
    defineConfig({
      routes: {
        '/api': {
          target: 'http://127.0.0.1:8080',
          rewrite: (path, context) => {
            expectTypeOf(path).toEqualTypeOf<string>()
            expectTypeOf(context).toEqualTypeOf<RewriteContext>()
            expectTypeOf(context.params.path).toEqualTypeOf<string | undefined>()
            return path.replace(/^\/api/, '')
          },
        },
      },
    })
  })

  it('accepts a function of the mode and command', () => {
    const config = defineConfig(({ mode, command }) => {
      expectTypeOf(mode).toEqualTypeOf<string>()
      expectTypeOf(command).toEqualTypeOf<'serve' | 'build' | undefined>()
      return { routes: { '/api': mode === 'test' ? 'http://127.0.0.1:9000' : 'https://staging.example.com' } }
    })
    expectTypeOf(config).parameter(0).toEqualTypeOf<ConfigEnv>()
  })

  it('rejects wrong option types at compile time', () => {
    expectTypeOf<{ target: number }>().not.toExtend<RouteOptions>()
    expectTypeOf<{ changeOrigin: true }>().not.toExtend<RouteOptions>()
    expectTypeOf<{ target: string; timeout: string }>().not.toExtend<RouteOptions>()
    expectTypeOf<{ target: string; headers: { 'x-retry': number } }>().not.toExtend<RouteOptions>()
    expectTypeOf<{ logLevel: 'verbose' }>().not.toExtend<UserConfig>()
    // @ts-expect-error: a target is a URL string
    defineConfig({ routes: { '/api': { target: 8080 } } })
    // @ts-expect-error: every route needs a target
    defineConfig({ routes: { '/api': { changeOrigin: true } } })
    // @ts-expect-error: timeouts are numbers
    defineConfig({ routes: { '/api': { target: 'http://b', timeout: '5000' } } })
    // @ts-expect-error: unknown log level
    defineConfig({ logLevel: 'verbose' })
    // @ts-expect-error: header values are strings (or null to remove)
    defineConfig({ routes: { '/api': { target: 'http://b', headers: { 'x-retry': 3 } } } })
  })
})

describe('defineRoute', () => {
  it('types one route and fits where routes go', () => {
    const route = defineRoute({ target: 'http://127.0.0.1:8080', ws: false })
    expectTypeOf(route).toEqualTypeOf<RouteOptions>()
    defineConfig({ routes: { '/api': route } })
    const entry = defineRoute({ path: /^\/v\d+\//, target: 'http://127.0.0.1:8080' })
    expectTypeOf(entry).toEqualTypeOf<RouteEntry>()
    defineConfig({ routes: [entry] })
    // @ts-expect-error `rewite` is not an option
    defineRoute({ target: 'http://127.0.0.1:8080', rewite: '/x' })
  })
})
