import type { SameOriginOptions, UserConfig } from '@sameorigin/core'
import type { Plugin, PluginOption, UserConfig as ViteUserConfig } from 'vite'
import { describe, expectTypeOf, it } from 'vitest'
import sameoriginDefault, { sameorigin } from '../src/index.ts'
import type { SameoriginOptions } from '../src/index.ts'

describe('@sameorigin/vite types', () => {
  it('default and named exports are the same plugin factory', () => {
    expectTypeOf(sameoriginDefault).toEqualTypeOf(sameorigin)
    expectTypeOf(sameorigin).parameters.toEqualTypeOf<[options?: SameoriginOptions]>()
    expectTypeOf(sameorigin()).toEqualTypeOf<Plugin>()
  })

  it('options are the core UserConfig plus configFile', () => {
    // The options every adapter takes, under this package's name.
    expectTypeOf<SameoriginOptions>().toEqualTypeOf<SameOriginOptions>()
    expectTypeOf<SameoriginOptions>().toExtend<UserConfig>()
    expectTypeOf<SameoriginOptions['configFile']>().toEqualTypeOf<string | false | undefined>()
    sameorigin({
      configFile: 'proxy.config.ts',
      logLevel: 'debug',
      routes: { '/api': 'http://127.0.0.1:8080' },
    })
    sameorigin({
      configFile: false,
      routes: [{ path: /^\/v\d+\//, target: 'http://127.0.0.1:8080', ws: false }],
    })
    // @ts-expect-error configFile is a path or false
    sameorigin({ configFile: true })
    // @ts-expect-error route options are checked
    sameorigin({ routes: { '/api': { target: 'http://127.0.0.1:8080', changeOrgin: true } } })
  })

  // The declarations name `Plugin` from 'vite', which resolves to the user's own Vite (a peer), so a
  // Vite 6 or 7 project checks the plugin against its own types; these tests run against Vite 8.
  it('fits `plugins` in a Vite config', () => {
    expectTypeOf({ plugins: [sameorigin()] }).toExtend<ViteUserConfig>()
    expectTypeOf(sameorigin()).toExtend<PluginOption>()
  })
})
