import { describe, expect, it } from 'vitest'
import { hasSecureCookiePrefix, rewriteRequestCookie, rewriteSetCookie } from '../../src/rewrite/index.ts'

describe('rewriteRequestCookie', () => {
  it.each([
    ['sameorigin-__Host-sid=1', '__Host-sid=1'],
    ['theme=dark; sameorigin-__Host-sid=1; lang=en', 'theme=dark; __Host-sid=1; lang=en'],
    ['sameorigin-__Secure-a=1;sameorigin-__host-b=2', '__Secure-a=1;__host-b=2'],
    ['sameorigin-__Http-a=1', '__Http-a=1'],
    ['sameorigin-__Host-Http-a=1', '__Host-Http-a=1'],
    // A marker not followed by a reserved prefix is the backend's own name: untouched.
    ['sameorigin-theme=dark', 'sameorigin-theme=dark'],
    ['sameorigin-=1', 'sameorigin-=1'],
    ['x=sameorigin-__Host-sid', 'x=sameorigin-__Host-sid'],
    ['theme=dark', 'theme=dark'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(rewriteRequestCookie(input)).toBe(expected)
  })

  it.each(['__Secure-sid', '__Host-sid', '__Http-sid', '__host-http-sid'])(
    'round-trips %s through a plain-http dev server',
    (name) => {
      const stored = rewriteSetCookie(`${name}=v; Secure; Path=/`, {
        devSecure: false,
        toDevPath: () => undefined,
      })
      const sent = stored.slice(0, stored.indexOf(';'))
      expect(rewriteRequestCookie(`a=1; ${sent}`)).toBe(`a=1; ${name}=v`)
    },
  )
})

describe('hasSecureCookiePrefix', () => {
  it.each<[string, number, boolean]>([
    ['__Secure-a', 0, true],
    ['__secure-a', 0, true],
    ['__Host-a', 0, true],
    ['__HOST-a', 0, true],
    ['__Http-a', 0, true],
    ['__Host-Http-a', 0, true],
    ['x__Host-a', 1, true],
    ['__Secure', 0, false],
    ['__Hosted', 0, false],
    ['_Host-a', 0, false],
    ['Host-a', 0, false],
    ['', 0, false],
  ])('%s at %i → %s', (name, offset, expected) => {
    expect(hasSecureCookiePrefix(name, offset)).toBe(expected)
  })
})
