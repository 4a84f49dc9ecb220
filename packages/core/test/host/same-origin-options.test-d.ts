import { describe, expectTypeOf, it } from 'vitest'
import type { SameOriginOptions } from '../../src/index.ts'
import type { UserConfig } from '../../src/types.ts'

describe('SameOriginOptions', () => {
  it('is the user config plus configFile, and nothing else', () => {
    expectTypeOf<SameOriginOptions>().toExtend<UserConfig>()
    expectTypeOf<SameOriginOptions['configFile']>().toEqualTypeOf<string | false | undefined>()
    expectTypeOf<Omit<SameOriginOptions, 'configFile'>>().toEqualTypeOf<UserConfig>()
  })

  it('checks the config keys it carries', () => {
    const options: SameOriginOptions = { configFile: false, routes: { '/api': 'http://127.0.0.1:8080' } }
    expectTypeOf(options).toEqualTypeOf<SameOriginOptions>()
    // @ts-expect-error configFile is a path or false
    const wrongFile: SameOriginOptions = { configFile: true }
    // @ts-expect-error route options are checked
    const wrongRoute: SameOriginOptions = { routes: { '/api': { target: 'http://b', changeOrgin: true } } }
    expectTypeOf([wrongFile, wrongRoute]).toEqualTypeOf<SameOriginOptions[]>()
  })
})
