import { describe, expectTypeOf, it } from 'vitest'
import { withSameOrigin } from '../src/index.ts'
import type { NextConfigLike } from '../src/index.ts'

// Next's `NextConfig` in the shape that matters here: an interface (no index signature) whose rewrites
// may carry a `host` condition, which has a value and no key. (`next`'s own types are not imported:
// they declare globals that change `process.env` for every test file.)
type HostHas = { type: 'host'; key?: undefined; value: string }
type HeaderHas = { type: 'header' | 'cookie' | 'query'; key: string; value?: string }
interface InterfaceConfig {
  reactStrictMode?: boolean
  basePath?: string
  rewrites?: () => Promise<{ source: string; destination: string; has?: (HostHas | HeaderHas)[] }[]>
}

describe('withSameOrigin types', () => {
  it('takes a config typed with an interface, as create-next-app types it (`const nextConfig: NextConfig`)', () => {
    const nextConfig: InterfaceConfig = {
      rewrites: async () => [{ source: '/a', destination: '/b', has: [{ type: 'host', value: 'a.test' }] }],
    }
    expectTypeOf(withSameOrigin(nextConfig)).returns.resolves.toEqualTypeOf<
      InterfaceConfig & NextConfigLike
    >()
  })

  it('takes keys it does not read, from an object or a function, and still checks those it reads', () => {
    expectTypeOf(withSameOrigin({ reactStrictMode: true })).returns.resolves.toHaveProperty('reactStrictMode')
    expectTypeOf(withSameOrigin(async () => ({ poweredByHeader: false }))).returns.resolves.toHaveProperty(
      'poweredByHeader',
    )
    // @ts-expect-error basePath is a string
    withSameOrigin({ basePath: 1 })
  })
})
