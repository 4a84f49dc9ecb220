import type * as core from '@sameorigin/core'
import { describe, expectTypeOf, it } from 'vitest'
import { defineConfig, defineRoute } from '../src/index.ts'
import type { ConfigEnv, RouteEntry, RouteOptions, UserConfig, UserConfigExport } from '../src/index.ts'

// sameorigin.config.ts imports from the one package a project installs: unplugin-sameorigin.
describe('defineConfig and the config types, from unplugin-sameorigin', () => {
  it('are the core’s', () => {
    expectTypeOf<UserConfig>().toEqualTypeOf<core.UserConfig>()
    expectTypeOf<RouteOptions>().toEqualTypeOf<core.RouteOptions>()
    expectTypeOf<RouteEntry>().toEqualTypeOf<core.RouteEntry>()
    expectTypeOf<ConfigEnv>().toEqualTypeOf<core.ConfigEnv>()
    expectTypeOf<UserConfigExport>().toEqualTypeOf<core.UserConfigExport>()
    expectTypeOf(defineConfig).toEqualTypeOf<typeof core.defineConfig>()
    expectTypeOf(defineRoute).toEqualTypeOf<typeof core.defineRoute>()
  })

  it('check the config: a misspelled option is a compile error', () => {
    defineConfig({ routes: { '/api': '${API_TARGET}' }, logLevel: 'debug' })
    defineConfig(({ mode }) => ({
      routes: { '/api': mode === 'test' ? 'http://127.0.0.1:9000' : 'https://example.com' },
    }))
    defineRoute({ path: '/ws', target: 'http://127.0.0.1:8080', ws: true })
    // @ts-expect-error route options are checked
    defineConfig({ routes: { '/api': { target: 'http://127.0.0.1:8080', changeOrgin: true } } })
    // @ts-expect-error not a config option
    defineConfig({ logLevl: 'debug' })
    // @ts-expect-error not a route option
    defineRoute({ target: 'http://127.0.0.1:8080', secur: false })
  })
})
