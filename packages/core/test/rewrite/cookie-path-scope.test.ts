// Cookie scope widening through Path mapping (found by test/security/fuzz/cookie-scope.test.ts). A
// cookie's Path is a literal prefix to browsers; mapping a Path the backend did not mean as written,
// or through a template that reorders parameters, handed the cookie to dev paths that forward
// outside the backend's own scope.
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { rewriteSetCookie } from '../../src/rewrite/rewrite-set-cookie.ts'
import type { RoutesInput } from '../../src/types.ts'

function cookieFor(routes: RoutesInput, setCookie: string): string {
  const route = resolveConfig({ routes }, { env: {} }).routes[0]
  if (route === undefined) throw new Error('no route')
  return rewriteSetCookie(setCookie, { devSecure: true, toDevPath: route.toDevPath })
}

describe('Set-Cookie Path mapping never widens the scope', () => {
  const staging = { '/api': 'https://staging.example.com/v1' }

  it('maps a Path in normal form', () => {
    expect(cookieFor(staging, 'sid=1; Path=/v1/account')).toBe('sid=1; Path=/api/account')
  })

  it.each(['/v1/.', '/v1/%78', '/v1/a/../b', '/v1//a', '/v1/"', '/v1/a b', '/v1/{x}'])(
    'keeps %s as written (not in normal form)',
    (path) => {
      expect(cookieFor(staging, `sid=1; Path=${path}`)).toBe(`sid=1; Path=${path}`)
    },
  )

  it('keeps the Path when the template reorders parameters', () => {
    const routes = { '/users/:id/:rest*': { target: 'https://s.example.com', rewrite: '/r/:rest*/:id' } }
    expect(cookieFor(routes, 'sid=1; Path=/r/x/42')).toBe('sid=1; Path=/r/x/42')
  })

  it('maps through a template that keeps prefixes, and an exact-path route', () => {
    const prefixed = { '/v1/:rest*': { target: 'https://s.example.com', rewrite: '/v2/:rest*' } }
    expect(cookieFor(prefixed, 'sid=1; Path=/v2/orders')).toBe('sid=1; Path=/v1/orders')
    const exact = { '/users/:id': { target: 'https://s.example.com/v2', rewrite: '/people/:id' } }
    expect(cookieFor(exact, 'sid=1; Path=/v2/people/42')).toBe('sid=1; Path=/users/42')
  })
})
