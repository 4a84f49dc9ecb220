import type { RsbuildPlugin } from '@rsbuild/core'
import type * as core from '@sameorigin/core'
import { describe, expectTypeOf, it } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import type { SameOriginOptions } from '../src/index.ts'

describe('pluginSameOrigin', () => {
  it('returns an Rsbuild plugin and takes the core config plus configFile', () => {
    expectTypeOf(pluginSameOrigin()).toEqualTypeOf<RsbuildPlugin>()
    // The options every adapter takes.
    expectTypeOf<SameOriginOptions>().toEqualTypeOf<core.SameOriginOptions>()
    expectTypeOf<SameOriginOptions>().toHaveProperty('configFile').toEqualTypeOf<string | false | undefined>()
    expectTypeOf(pluginSameOrigin).toBeCallableWith({
      routes: { '/api': 'http://127.0.0.1:8080' },
      logLevel: 'warn',
    })
    // @ts-expect-error not a sameorigin option
    pluginSameOrigin({ rootDir: '.' })
  })
})
