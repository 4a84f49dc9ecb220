// The command line → the request a page makes (what fetch() itself accepts or refuses).
import { isProxyError } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import { parseDoctorInput, parseHeaderArgument } from '../../src/doctor/parse-doctor-input.ts'
import type { DoctorInput } from '../../src/doctor/parse-doctor-input.ts'

const BASE: DoctorInput = { url: 'http://127.0.0.1:8080/api/me', origin: 'http://localhost:5173' }

function errorOf(input: Partial<DoctorInput>): string {
  try {
    parseDoctorInput({ ...BASE, ...input })
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

describe('parseDoctorInput', () => {
  it('normalises the origin and method as browsers do', () => {
    const { request } = parseDoctorInput({
      ...BASE,
      origin: 'HTTP://LocalHost:80/',
      method: 'put',
      credentials: true,
    })
    expect(request).toEqual({
      origin: 'http://localhost',
      url: 'http://127.0.0.1:8080/api/me',
      method: 'PUT',
      headers: [],
      credentials: 'include',
    })
  })

  it('combines a repeated header, as Headers.append does', () => {
    const { request } = parseDoctorInput({ ...BASE, headers: ['X-A: 1', 'x-a: 2', 'Accept'] })
    expect(request.headers).toEqual([
      ['X-A', '1, 2'],
      ['Accept', ''],
    ])
  })

  it('drops headers a page cannot set, with a warning', () => {
    const { request, reasons } = parseDoctorInput({
      ...BASE,
      headers: ['Cookie: a=b', 'Origin: http://evil.test', 'X-A: 1'],
    })
    expect(request.headers).toEqual([['X-A', '1']])
    expect(reasons.map((reason) => `${reason.severity}:${reason.code}`)).toEqual([
      'warn:forbidden-header',
      'warn:forbidden-header',
    ])
  })

  it('blocks a forbidden method', () => {
    const { reasons } = parseDoctorInput({ ...BASE, method: 'trace' })
    expect(reasons.map((reason) => `${reason.severity}:${reason.code}`)).toEqual(['block:forbidden-method'])
  })

  it.each<[Partial<DoctorInput>, RegExp]>([
    [{ url: '/api/me' }, /not an absolute URL/],
    [{ url: 'ftp://x.test/a' }, /not an http\(s\) URL/],
    [{ url: 'http://u:p@x.test/a' }, /user name or password/],
    [{ origin: 'localhost:5173' }, /not an http\(s\) origin/],
    [{ origin: 'http://localhost:5173/app' }, /only scheme, host and port/],
    [{ method: 'P UT' }, /not a method name/],
    [{ headers: ['Bad Name: x'] }, /does not start with a header name/],
    [{ headers: ['X-A: é€'] }, /fetch\(\) refuses/],
  ])('refuses %j', (input, message) => {
    expect(errorOf(input)).toMatch(/^ERR_CLI_ARGUMENT_INVALID: /)
    expect(errorOf(input)).toMatch(message)
  })
})
