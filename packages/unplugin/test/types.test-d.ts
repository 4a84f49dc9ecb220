import type { SameOriginOptions } from '@sameorigin/core'
import type { SameoriginOptions } from '@sameorigin/vite'
import type { SameOriginOptions as WebpackOptions } from '@sameorigin/webpack'
import type { SameOriginOptions as RsbuildOptions } from '@sameorigin/rsbuild'
import type { UnpluginInstance } from 'unplugin'
import type { Plugin } from 'vite'
import { describe, expectTypeOf, it } from 'vitest'
import sameoriginUnplugin from '../src/index.ts'
import type { Options } from '../src/index.ts'
import sameorigin from '../src/vite.ts'

describe('unplugin-sameorigin types', () => {
  it('takes the options every adapter takes: the core’s SameOriginOptions', () => {
    expectTypeOf<Options>().toEqualTypeOf<SameOriginOptions>()
    // Each bundler entry hands them to its adapter unchanged.
    expectTypeOf<Options>().toEqualTypeOf<SameoriginOptions>()
    expectTypeOf<Options>().toEqualTypeOf<WebpackOptions>()
    expectTypeOf<Options>().toEqualTypeOf<RsbuildOptions>()
    expectTypeOf(sameoriginUnplugin).toEqualTypeOf<UnpluginInstance<Options | undefined, false>>()
  })

  it('the /vite entry is a Vite plugin factory with optional options', () => {
    expectTypeOf(sameorigin).toEqualTypeOf<(options?: Options) => Plugin>()
    expectTypeOf(sameorigin).toBeCallableWith()
    expectTypeOf(sameorigin).toBeCallableWith({
      configFile: false,
      routes: { '/api': 'http://127.0.0.1:8080' },
    })
    // @ts-expect-error routes are checked
    sameorigin({ routes: { '/api': 42 } })
  })
})
