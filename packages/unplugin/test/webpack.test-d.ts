import type { RspackPluginInstance, WebpackPluginInstance } from 'unplugin'
import type { Configuration } from 'webpack'
import { describe, expectTypeOf, it } from 'vitest'
import type { Options } from '../src/index.ts'
import sameoriginRspack from '../src/rspack.ts'
import sameoriginWebpack from '../src/webpack.ts'

describe('unplugin-sameorigin/webpack and /rspack types', () => {
  it('are plugin factories with optional options', () => {
    expectTypeOf(sameoriginWebpack).toEqualTypeOf<(options?: Options) => WebpackPluginInstance>()
    expectTypeOf(sameoriginRspack).toEqualTypeOf<(options?: Options) => RspackPluginInstance>()
    // @ts-expect-error routes are checked
    sameoriginWebpack({ routes: { '/api': 42 } })
  })

  it('fits `plugins` in a webpack config', () => {
    // An assignment, not toExtend: webpack's Configuration is all optional fields, which toExtend compares strictly.
    const config: Configuration = { plugins: [sameoriginWebpack()] }
    expectTypeOf(config).toEqualTypeOf<Configuration>()
  })
})
