import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../src/rules/compile-matcher.ts'

describe('compileMatcher: prefixes match on segment boundaries', () => {
  it.each([
    ['/api', '/api', { path: '' }],
    ['/api', '/api/', { path: '' }],
    ['/api', '/api/x', { path: 'x' }],
    ['/api', '/api/x/y/', { path: 'x/y/' }],
    ['/api', '/api//x', { path: '/x' }],
    ['/api', '/apix', undefined],
    ['/api', '/ap', undefined],
    ['/api', '/API', undefined],
    ['/api', '/', undefined],
    ['/api/', '/api', { path: '' }],
    ['/api/v1', '/api/v1/users', { path: 'users' }],
    ['/api/v1', '/api/v10', undefined],
    ['/', '/', { path: '' }],
    ['/', '/anything/at/all', { path: 'anything/at/all' }],
    ['/%7euser', '/~user/x', { path: 'x' }],
    ['/café', '/caf%C3%A9', { path: '' }],
    ['/v1/things\\:batchGet', '/v1/things:batchGet', { path: '' }],
  ])('%s on %s', (source, path, expected) => {
    const matcher = compileMatcher(source)
    expect(matcher.kind).toBe('prefix')
    expect(matcher.matchPath(path)).toEqual(expected)
  })
})

describe('compileMatcher: patterns match the whole path', () => {
  it.each([
    ['/users/:id', '/users/42', { id: '42' }],
    ['/users/:id', '/users/42/', { id: '42' }],
    ['/users/:id', '/users/42/x', undefined],
    ['/users/:id', '/users', undefined],
    ['/users/:id', '/users/', undefined],
    ['/users/:id/posts/:post', '/users/1/posts/2', { id: '1', post: '2' }],
    ['/files/:path*', '/files', { path: undefined }],
    ['/files/:path*', '/files/', { path: '' }],
    ['/files/:path*', '/files/a/b.txt', { path: 'a/b.txt' }],
    ['/files/:path*', '/filesx', undefined],
    ['/files/:path+', '/files', undefined],
    ['/files/:path+', '/files/', undefined],
    ['/files/:path+', '/files/a/b', { path: 'a/b' }],
    ['/users/:id?', '/users', { id: undefined }],
    ['/users/:id?', '/users/7', { id: '7' }],
    ['/users/:id?', '/users/7/8', undefined],
    ['/:path*', '/', { path: '' }],
    ['/:path*', '/a//b', { path: 'a//b' }],
    ['/file-:id.json', '/file-12.json', { id: '12' }],
    ['/file-:id.json', '/file-12.xml', undefined],
    ['/:from-:to', '/a-b', { from: 'a', to: 'b' }],
    ['/repos/:repo', '/repos/group%2Fproject', { repo: 'group%2Fproject' }],
    ['/a.b/:id', '/aXb/1', undefined],
  ])('%s on %s', (source, path, expected) => {
    const matcher = compileMatcher(source)
    expect(matcher.kind).toBe('pattern')
    expect(matcher.matchPath(path)).toEqual(expected)
  })
})

describe('compileMatcher: regular expressions', () => {
  it.each([
    ['^/v\\d+/', '/v2/x', {}],
    ['^/v\\d+/', '/api/v2/x', undefined],
    ['^/(?<version>v\\d+)/(?<rest>.*)', '/v2/x/y', { version: 'v2', rest: 'x/y' }],
    [/^\/api\/.*\.json$/, '/api/a.json', {}],
    [/^\/api\/.*\.json$/, '/api/a.json.bak', undefined],
  ] as const)('%s on %s', (source, path, expected) => {
    const matcher = compileMatcher(source)
    expect(matcher.kind).toBe('regexp')
    expect(matcher.matchPath(path)).toEqual(expected)
  })

  it('drops g and y so repeated matches agree, and leaves the caller RegExp untouched', () => {
    const source = /^\/api/gy
    const matcher = compileMatcher(source)
    expect([1, 2, 3, 4].map(() => matcher.matchPath('/api/x') !== undefined)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(source.flags).toBe('gy')
    expect(matcher.regexp?.flags).toBe('')
  })

  it('lists named groups as parameters, matched or not', () => {
    expect(compileMatcher('^/(?<a>x)|/(?<b>y)').params).toEqual(['a', 'b'])
  })
})

describe('compileMatcher: invalid paths', () => {
  it.each([
    ['api', "must start with '/'", "'/api'"],
    [
      '/users/:',
      "':' must be followed by a parameter name (write '\\\\:' for a literal colon)",
      "'/users/:id'",
    ],
    [
      '/users/:1',
      "':' must be followed by a parameter name (write '\\\\:' for a literal colon)",
      "'/users/:id'",
    ],
    ['/:id/:id', "the parameter ':id' appears twice", 'give each parameter its own name'],
    ['/:a:b', "':b' directly follows another parameter", "separate parameters with text: '/:from-:to'"],
    ['/files-:path*', "':path*' must be a whole segment", "'/files/:path*'"],
    ['/files/:path*.json', "':path*' must be a whole segment", "'/files/:path*'"],
    [
      '/api/*',
      "'*' is not a wildcard here",
      "'/api' (a prefix also matches everything below it) or '/api/:path*'",
    ],
    [
      '/api?x=1',
      "'?' would start a query string; routes match the path only (the query is forwarded)",
      "'/api'",
    ],
    ['/api#x', "'#' starts a fragment, which browsers never send", "'/api'"],
    [
      '/users/(\\d+)',
      "'(' is regular expression syntax",
      "start the key with '^' for a regular expression: '^/users/(\\\\d+)'",
    ],
    [
      '/users{/:id}',
      "'{' is regular expression syntax",
      "start the key with '^' for a regular expression: '^/users{/:id}'",
    ],
    ['/api/../x', "contains a '.' or '..' segment", "'/api/x'"],
    ['/api\\', 'ends with a lone backslash', "'/api'"],
    [
      '^/api(',
      'is not a valid regular expression (Invalid regular expression: /^/api(/: Unterminated group)',
      "'^/api/v\\\\d+/'",
    ],
  ])('%j', (source, message, fix) => {
    expect(() => compileMatcher(source)).toThrow(
      expect.objectContaining({ code: 'ERR_RULE_PATH_INVALID', message, hint: fix }),
    )
  })
})
