import type * as core from '@sameorigin/core'
import type { UserConfig } from '@sameorigin/core'
import type { Configuration as RspackConfiguration } from '@rspack/core'
import type { Configuration, WebpackPluginInstance } from 'webpack'
import type { Configuration as Wds5Configuration } from 'webpack-dev-server5'
import type { Configuration as Wds6Configuration } from 'webpack-dev-server6'
import { describe, expectTypeOf, it } from 'vitest'
import { SameOriginPlugin, withSameOrigin } from '../src/index.ts'
import type { SameOriginOptions } from '../src/index.ts'

// A user's own hook, typed by webpack-dev-server 5.
const setupMiddlewares: NonNullable<Wds5Configuration['setupMiddlewares']> = (middlewares) => middlewares

describe('@sameorigin/webpack types', () => {
  it('options are the core UserConfig plus configFile', () => {
    // The options every adapter takes.
    expectTypeOf<SameOriginOptions>().toEqualTypeOf<core.SameOriginOptions>()
    expectTypeOf<SameOriginOptions>().toExtend<UserConfig>()
    expectTypeOf<SameOriginOptions['configFile']>().toEqualTypeOf<string | false | undefined>()
    expectTypeOf(SameOriginPlugin).toBeConstructibleWith({
      configFile: false,
      routes: { '/api': 'http://127.0.0.1:8080' },
    })
    // @ts-expect-error configFile is a path or false
    expectTypeOf(SameOriginPlugin).toBeConstructibleWith({ configFile: true })
    // @ts-expect-error route options are checked
    withSameOrigin({}, { routes: { '/api': { target: 'http://127.0.0.1:8080', changeOrgin: true } } })
  })

  it('fits a webpack config: the plugin in `plugins`, withSameOrigin in `devServer`', () => {
    expectTypeOf(new SameOriginPlugin()).toExtend<WebpackPluginInstance>()
    // An assignment, not toExtend: webpack's Configuration is all optional fields, which toExtend compares strictly.
    const config: Configuration = {
      plugins: [new SameOriginPlugin()],
      devServer: withSameOrigin({ port: 8080, hot: true }),
    }
    expectTypeOf(config).toEqualTypeOf<Configuration>()
    const rspackConfig: RspackConfiguration = {
      plugins: [new SameOriginPlugin()],
      devServer: withSameOrigin({ port: 8080 }),
    }
    expectTypeOf(rspackConfig).toEqualTypeOf<RspackConfiguration>()
  })

  it("fits both webpack-dev-server majors' own devServer types", () => {
    expectTypeOf(withSameOrigin({ port: 8080, setupMiddlewares })).toExtend<Wds5Configuration>()
    expectTypeOf(withSameOrigin({ port: 8080 })).toExtend<Wds6Configuration>()
  })

  it('keeps the fields of the devServer config it is given', () => {
    expectTypeOf(withSameOrigin({ port: 8080, hot: true })).toExtend<{ port: number; hot: boolean }>()
  })
})
