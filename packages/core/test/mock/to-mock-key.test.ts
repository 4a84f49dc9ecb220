import { describe, expect, it } from 'vitest'
import { isSafeName, toMockFileNames } from '../../src/pipeline/mock/mock-file-names.ts'
import { toMockKey } from '../../src/pipeline/mock/to-mock-key.ts'
import { normalizePath } from '../../src/rules/normalize-path.ts'

describe('toMockKey', () => {
  it.each([
    ['/api/users/42', '', ['api', 'users', '42'], undefined],
    ['/', '', [], undefined],
    ['/api/users/', '', ['api', 'users'], undefined],
    ['/api//users', '', ['api', 'users'], undefined],
    ['/api/users', '?sort=name&page=2', ['api', 'users'], 'page=2&sort=name'],
    ['/api/users', '?b=2&a=1&a=0', ['api', 'users'], 'a=1&a=0&b=2'],
    ['/api/s', '?q=a+b&flag', ['api', 's'], 'flag=&q=a%20b'],
    ['/api/s', '?q=%2F..%2F&x=%26', ['api', 's'], 'q=%2F..%2F&x=%26'],
    ['/api/s', '?', ['api', 's'], undefined],
    ['/api/caf%C3%A9', '', ['api', 'caf%C3%A9'], undefined],
    ['/api/a%2Fb', '', ['api', 'a%2Fb'], undefined],
    ['/api/a%5Cb', '', ['api', 'a%5Cb'], undefined],
    ['/api/[id]', '', ['api', '%5Bid%5D'], undefined],
    ['/api/GET.json', '', ['api', 'GET%2Ejson'], undefined],
    ['/api/get.json', '', ['api', 'get%2Ejson'], undefined],
    ['/api/users.json', '', ['api', 'users.json'], undefined],
    ['/api/CON', '', ['api', '%43ON'], undefined],
    ['/api/nul.txt', '', ['api', '%6Eul.txt'], undefined],
    ['/api/a.', '', ['api', 'a%2E'], undefined],
    ['/api/%E2%80%AEgnp.exe', '', ['api', '%E2%80%AEgnp.exe'], undefined],
    ['/api/%EF%BC%8E%EF%BC%8E', '', ['api', '%EF%BC%8E%EF%BC%8E'], undefined],
    ['/api/a b:c*d?', '', ['api', 'a%20b%3Ac%2Ad%3F'], undefined],
  ])('%s%s', (path, search, segments, query) => {
    expect(toMockKey('GET', path, search)).toEqual({ segments, method: 'GET', query })
  })

  it('refuses dot segments, CONNECT, unknown methods and very deep paths', () => {
    expect(toMockKey('GET', '/api/../x', '')).toBeUndefined()
    expect(toMockKey('GET', '/api/./x', '')).toBeUndefined()
    expect(toMockKey('CONNECT', '/api', '')).toBeUndefined()
    expect(toMockKey('get', '/api', '')).toBeUndefined()
    expect(toMockKey('FOO', '/api', '')).toBeUndefined()
    expect(toMockKey('GET', '/a'.repeat(33), '')).toBeUndefined()
  })

  it('cuts long names with a stable hash, never inside an escape', () => {
    const key = toMockKey('GET', `/api/${'%C3%A9'.repeat(60)}`, `?q=${'x'.repeat(500)}`)
    const [, segment] = key?.segments ?? []
    expect(segment?.length).toBeLessThan(80)
    expect(segment).toMatch(/^(?:%C3%A9)+~[0-9a-f]{14}$/)
    expect(key?.query).toMatch(/^q=x+~[0-9a-f]{14}$/)
    expect(toMockKey('GET', `/api/${'%C3%A9'.repeat(60)}`, '')?.segments).toEqual(key?.segments)
  })

  it('gives only safe names for every normalised hostile path', () => {
    const hostile = [
      '/api/%2e%2e/x',
      '/api/.%2e/x',
      '/api/..%2f..',
      '/api/%00',
      '/api/\\..\\x',
      '/api/%c0%ae%c0%ae/x',
      '/api/x/%2e',
    ]
    for (const raw of hostile) {
      let path: string
      try {
        path = normalizePath(raw)
      } catch {
        continue
      }
      const key = toMockKey('GET', path, '?a=../../b')
      for (const name of [...(key?.segments ?? []), ...(key === undefined ? [] : toMockFileNames(key))])
        expect(isSafeName(name), `${raw}: ${name}`).toBe(true)
    }
  })
})

describe('toMockFileNames', () => {
  it('puts the query file first, and lets GET answer HEAD', () => {
    expect(toMockFileNames({ segments: [], method: 'HEAD', query: 'a=1' })).toEqual([
      'HEAD.a=1.json',
      'HEAD.json',
      'GET.a=1.json',
      'GET.json',
    ])
  })
})
