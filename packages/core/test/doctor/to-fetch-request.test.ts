// A request shape → the request a page makes (what fetch() itself accepts, normalises or refuses).
import { describe, expect, it } from 'vitest'
import { checkRequestShape } from '../../src/doctor/check-request-shape.ts'
import type { RequestShape } from '../../src/doctor/check-request-shape.ts'
import { toFetchRequest } from '../../src/doctor/to-fetch-request.ts'

const BASE: RequestShape = { url: 'http://127.0.0.1:8080/api/me', origin: 'http://localhost:5173' }

describe('toFetchRequest', () => {
  it('normalises the origin and method as browsers do, and drops the fragment', () => {
    const { request, reasons } = toFetchRequest({
      url: 'http://127.0.0.1:8080/api/me#top',
      origin: 'HTTP://LocalHost:80',
      method: 'put',
      credentials: 'include',
    })
    expect(reasons).toEqual([])
    expect(request).toEqual({
      origin: 'http://localhost',
      url: 'http://127.0.0.1:8080/api/me',
      method: 'PUT',
      headers: [],
      credentials: 'include',
    })
  })

  it("sends no credentials cross-origin for fetch's default 'same-origin'", () => {
    expect(toFetchRequest({ ...BASE, credentials: 'same-origin' }).request.credentials).toBe('omit')
  })

  it('combines a repeated header, as Headers.append does; a name alone has an empty value', () => {
    const { request } = toFetchRequest({ ...BASE, headers: [['X-A', '1'], ['x-a', '2'], 'Accept'] })
    expect(request.headers).toEqual([
      ['X-A', '1, 2'],
      ['Accept', ''],
    ])
  })

  it('drops headers a page cannot set, with a warning', () => {
    const { request, reasons } = toFetchRequest({
      ...BASE,
      headers: [
        ['Cookie', 'a=b'],
        ['Origin', 'http://evil.test'],
        ['X-A', '1'],
      ],
    })
    expect(request.headers).toEqual([['X-A', '1']])
    expect(reasons.map((reason) => `${reason.severity}:${reason.code}`)).toEqual([
      'warn:forbidden-header',
      'warn:forbidden-header',
    ])
  })

  it('blocks a forbidden method', () => {
    const { reasons } = toFetchRequest({ ...BASE, method: 'trace' })
    expect(reasons.map((reason) => `${reason.severity}:${reason.code}`)).toEqual(['block:forbidden-method'])
  })

  it.each<[Partial<RequestShape>, string]>([
    [{ url: '/api/me' }, 'url /api/me is not an absolute http(s) URL.'],
    [
      { url: 'http://u:p@x.test/a' },
      'url http://u:p@x.test/a has a user name or password; fetch() refuses it.',
    ],
    [{ origin: 'localhost:5173' }, 'origin localhost:5173 is not an http(s) origin.'],
    [
      { origin: 'http://localhost:5173/app' },
      'origin http://localhost:5173/app is not an origin; use http://localhost:5173.',
    ],
    [{ method: 'P UT' }, 'method P UT is not a method name.'],
    [{ headers: ['Bad Name'] }, 'header name "Bad Name" is not a header name.'],
    [
      { headers: [['X-A', 'a\r\nb']] },
      'header X-A has a value fetch() refuses (line breaks or non-Latin-1 characters).',
    ],
  ])('refuses %j with a TypeError naming the field', (shape, message) => {
    expect(() => toFetchRequest({ ...BASE, ...shape })).toThrow(new TypeError(message))
  })
})

describe('checkRequestShape', () => {
  it('says which field is wrong and how, for each surface to word', () => {
    expect(checkRequestShape({ ...BASE, headers: ['X-A', ['X B', '1']] })).toEqual({
      field: 'header',
      kind: 'not-token',
      index: 1,
      name: 'X B',
      value: '1',
    })
    expect(checkRequestShape(BASE)).toBeUndefined()
  })
})
