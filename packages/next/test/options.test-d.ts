import type { SameOriginOptions } from '@sameorigin/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { WithSameOriginOptions } from '../src/index.ts'

describe('WithSameOriginOptions', () => {
  it('are the options every adapter takes, plus the Next keys', () => {
    expectTypeOf<WithSameOriginOptions>().toExtend<SameOriginOptions>()
    expectTypeOf<WithSameOriginOptions['configFile']>().toEqualTypeOf<string | false | undefined>()
    expectTypeOf<WithSameOriginOptions['mode']>().toEqualTypeOf<'rewrites' | 'route' | undefined>()
    expectTypeOf<WithSameOriginOptions['root']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<WithSameOriginOptions['production']>().toEqualTypeOf<boolean | undefined>()
  })
})
