import type { SameoriginOptions } from '@sameorigin/vite'
import type { UnpluginInstance } from 'unplugin'
import type { Plugin } from 'vite'
import { describe, expectTypeOf, it } from 'vitest'
import sameoriginUnplugin from '../src/index.ts'
import type { Options } from '../src/index.ts'
import sameorigin from '../src/vite.ts'

describe('unplugin-sameorigin types', () => {
  it('takes the Vite adapter’s options', () => {
    expectTypeOf<Options>().toEqualTypeOf<SameoriginOptions>()
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
