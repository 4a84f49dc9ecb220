// The command line → the request shape the doctor checks; what fetch() refuses is worded with the
// command's options. (How the shape becomes the page's request is tested in the core.)
import { isProxyError } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import { parseHeaderArgument, toRequestShape } from '../../src/doctor/to-request-shape.ts'
import type { DoctorInput } from '../../src/doctor/to-request-shape.ts'

const BASE: DoctorInput = { url: 'http://127.0.0.1:8080/api/me', origin: 'http://localhost:5173' }

function errorOf(input: Partial<DoctorInput>): string {
  try {
    toRequestShape({ ...BASE, ...input })
  } catch (error) {
    if (isProxyError(error)) return `${error.code}: ${error.message}`
    throw error
  }
  return 'no error'
}

describe('parseHeaderArgument', () => {
  it.each([
    ['Authorization', ['Authorization', '']],
    ['Content-Type: application/json', ['Content-Type', 'application/json']],
    ['X-A:b:c', ['X-A', 'b:c']],
    ['  X-A :  v  ', ['X-A', 'v']],
  ])('%j → %j', (argument, expected) => {
    expect(parseHeaderArgument(argument)).toEqual(expected)
  })
})

describe('toRequestShape', () => {
  it('passes the arguments on, headers split and credentials as fetch names them', () => {
    expect(
      toRequestShape({ ...BASE, method: 'put', headers: ['X-A: 1', 'Accept'], credentials: true }),
    ).toEqual({
      url: BASE.url,
      origin: BASE.origin,
      method: 'put',
      headers: [
        ['X-A', '1'],
        ['Accept', ''],
      ],
      credentials: 'include',
    })
  })

  it.each<[Partial<DoctorInput>, string]>([
    [{ url: '/api/me' }, '/api/me is not an absolute URL.'],
    [{ url: 'ftp://x.test/a' }, 'ftp://x.test/a is not an http(s) URL.'],
    [
      { url: 'http://u:p@x.test/a' },
      'http://u:p@x.test/a has a user name or password in it; fetch() refuses such URLs.',
    ],
    [{ origin: 'nothing' }, '--origin nothing is not an origin.'],
    [{ origin: 'localhost:5173' }, '--origin localhost:5173 is not an http(s) origin.'],
    [
      { origin: 'http://localhost:5173/app' },
      '--origin http://localhost:5173/app has a path, query or user name; an origin is only scheme, host and port.',
    ],
    [{ method: 'P UT' }, '--method P UT is not a method name.'],
    [{ headers: ['Bad Name: x'] }, '--header "Bad Name: x" does not start with a header name.'],
    [
      { headers: ['X-A: 1', 'X-A: é€'] },
      '--header "X-A: é€" has a value fetch() refuses (line breaks or non-Latin-1 characters).',
    ],
  ])('refuses %j', (input, message) => {
    expect(errorOf(input)).toBe(`ERR_CLI_ARGUMENT_INVALID: ${message}`)
  })

  it('names the first problem, in the order of the command line', () => {
    expect(errorOf({ url: '/api/me', origin: 'nothing', method: 'P UT' })).toMatch(/not an absolute URL/)
  })
})
