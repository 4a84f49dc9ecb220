// A CORS request following a redirect: https://fetch.spec.whatwg.org/#http-redirect-fetch and the
// redirect-tainted origin, https://fetch.spec.whatwg.org/#concept-request-tainted-origin
import { describe, expect, it } from 'vitest'
import { followRedirect, isRedirect, REDIRECT_LIMIT } from '../../src/doctor/follow-redirect.ts'
import type { RequestState } from '../../src/doctor/follow-redirect.ts'
import type { HeaderList } from '../../src/doctor/types.ts'

const PAGE = 'http://localhost:5173'
const STATE: RequestState = {
  pageOrigin: PAGE,
  origin: PAGE,
  url: 'http://api.test/a',
  method: 'GET',
  headers: [],
  credentials: 'omit',
  redirectCount: 0,
}

function follow(status: number, location: string, state: Partial<RequestState> = {}, preflighted = false) {
  return followRedirect(
    { ...STATE, ...state },
    { status, headers: [['Location', location]] },
    { preflighted },
  )
}

describe('isRedirect', () => {
  it.each<[number, HeaderList, boolean]>([
    [301, [['Location', '/b']], true],
    [302, [['Location', '/b']], true],
    [303, [['Location', '/b']], true],
    [307, [['Location', '/b']], true],
    [308, [['Location', '/b']], true],
    [302, [], false], // no Location: the response itself
    [304, [['Location', '/b']], false],
    [300, [['Location', '/b']], false],
  ])('%i %j → %s', (status, headers, expected) => {
    expect(isRedirect(status, headers)).toBe(expected)
  })
})

describe('followRedirect', () => {
  it('resolves a relative Location and keeps Origin on a same-origin hop', () => {
    const outcome = follow(302, '/b?x=1')
    expect(outcome.kind).toBe('follow')
    if (outcome.kind !== 'follow') return
    expect(outcome.next).toMatchObject({ url: 'http://api.test/b?x=1', origin: PAGE, redirectCount: 1 })
    expect(outcome.reasons).toEqual([])
  })

  it('taints the origin on a cross-origin hop: Origin: null from then on', () => {
    const outcome = follow(302, 'http://other.test/b')
    if (outcome.kind !== 'follow') throw new Error('expected a follow')
    expect(outcome.next.origin).toBe('null')
    expect(outcome.reasons.map((reason) => reason.code)).toEqual(['redirect-origin-null'])
    // Once null, always null, even back on the first origin.
    const back = followRedirect(
      outcome.next,
      { status: 302, headers: [['Location', 'http://api.test/c']] },
      { preflighted: false },
    )
    if (back.kind !== 'follow') throw new Error('expected a follow')
    expect(back.next.origin).toBe('null')
  })

  it('does not taint a hop that starts on the page origin', () => {
    const outcome = follow(302, 'http://api.test/b', { url: `${PAGE}/x` })
    if (outcome.kind !== 'follow') throw new Error('expected a follow')
    expect(outcome.next.origin).toBe(PAGE)
  })

  it('drops Authorization when the origin changes, keeps it otherwise', () => {
    const headers: HeaderList = [
      ['Authorization', 'Bearer x'],
      ['X-A', '1'],
    ]
    const cross = follow(307, 'http://other.test/b', { headers })
    const same = follow(307, '/b', { headers })
    if (cross.kind !== 'follow' || same.kind !== 'follow') throw new Error('expected follows')
    expect(cross.next.headers).toEqual([['X-A', '1']])
    expect(cross.reasons.map((reason) => reason.code)).toContain('redirect-authorization-dropped')
    expect(same.next.headers).toEqual(headers)
  })

  it.each([
    [301, 'POST', 'GET'],
    [302, 'POST', 'GET'],
    [303, 'POST', 'GET'],
    [303, 'PUT', 'GET'],
    [303, 'HEAD', 'HEAD'],
    [302, 'PUT', 'PUT'],
    [307, 'POST', 'POST'],
    [308, 'POST', 'POST'],
  ])('%i turns %s into %s', (status, method, expected) => {
    const outcome = follow(status, '/b', {
      method,
      headers: [
        ['Content-Type', 'text/plain'],
        ['X-A', '1'],
      ],
    })
    if (outcome.kind !== 'follow') throw new Error('expected a follow')
    expect(outcome.next.method).toBe(expected)
    // The body headers go with the body.
    expect(outcome.next.headers.map(([name]) => name)).toEqual(
      expected === method ? ['Content-Type', 'X-A'] : ['X-A'],
    )
  })

  it.each([
    ['http://[bad', 'redirect-location-invalid'],
    ['ftp://api.test/b', 'redirect-scheme'],
    ['http://user:pass@api.test/b', 'redirect-credentials'],
  ])('blocks Location %s (%s)', (location, code) => {
    const outcome = follow(302, location)
    expect(outcome.kind).toBe('blocked')
    expect(outcome.reasons.map((reason) => reason.code)).toEqual([code])
  })

  it(`gives up after ${REDIRECT_LIMIT} redirects`, () => {
    expect(follow(302, '/b', { redirectCount: REDIRECT_LIMIT - 1 }).kind).toBe('follow')
    expect(follow(302, '/b', { redirectCount: REDIRECT_LIMIT }).reasons.map((reason) => reason.code)).toEqual(
      ['redirect-limit'],
    )
  })

  it('notes that a preflighted request is preflighted again after a redirect', () => {
    const outcome = follow(307, '/b', { method: 'PUT' }, true)
    expect(outcome.reasons.map((reason) => reason.code)).toEqual(['redirect-after-preflight'])
    expect(outcome.reasons[0]?.browsers).toMatch(/older W3C CORS/)
  })
})
