/*
 * Path traversal and parser-differential attacks on the request path (CWE-22, CWE-444).
 * A dev proxy forwards `/api/...` to a backend under a base path; a hostile page or a crafted link
 * must not reach anything outside that base path, nor make us match one route while the upstream
 * decodes another path. Each row names the trick it tries; `normalizePath` either resolves it to a
 * harmless canonical path or refuses it with ERR_REQUEST_PATH_UNSAFE (answered 400).
 */
import { describe, expect, it } from 'vitest'
import { isProxyError } from '../../src/errors/proxy-error.ts'
import { normalizePath } from '../../src/rules/normalize-path.ts'

function reasonOf(path: string): string | undefined {
  try {
    normalizePath(path)
    return undefined
  } catch (error) {
    if (!isProxyError(error) || error.code !== 'ERR_REQUEST_PATH_UNSAFE') throw error
    return String(error.details.reason)
  }
}

describe('normalizePath: canonical form', () => {
  it.each([
    ['/api/users', '/api/users'],
    ['/', '/'],
    ['/api/', '/api/'],
    ['/%41pi', '/Api'],
    ['/%61%70%69', '/api'],
    ['/api/%7euser', '/api/~user'],
    ['/api/%7Euser', '/api/~user'],
    ['/a%2db%5fc%2E', '/a-b_c.'],
    ['/api/%3a', '/api/%3A'],
    ['/api/a%20b', '/api/a%20b'],
    ['/api/a b', '/api/a%20b'],
    ['/api/café', '/api/caf%E9'],
    ['/api/日本', '/api/%E6%97%A5%E6%9C%AC'],
    ['/api/😀', '/api/%F0%9F%98%80'],
    ['/api/./x', '/api/x'],
    ['/api/x/.', '/api/x/'],
    ['/api/x/..', '/api/'],
    ['/api/../admin', '/admin'],
    ['/../../etc/passwd', '/etc/passwd'],
    ['/api/%2e%2e/admin', '/admin'],
    ['/api/%2E%2e/admin', '/admin'],
    ['/api/.%2e/admin', '/admin'],
    ['/api/%2e/x', '/api/x'],
    ['/api//x', '/api//x'],
    ['/api/...', '/api/...'],
    ['/api/.hidden', '/api/.hidden'],
    ['/api/a;b=c', '/api/a;b=c'],
    ['/api/group%2Fproject', '/api/group%2Fproject'],
    ['/api/group%2fproject', '/api/group%2Fproject'],
    ['/api/%2F', '/api/%2F'],
    ['/api/%25', '/api/%25'],
    ['/api/%2541', '/api/%2541'],
    ["/api/!$&'()*+,;=:@", "/api/!$&'()*+,;=:@"],
    ['/API/Users', '/API/Users'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePath(input)).toBe(expected)
  })

  it('returns the very same string for an already canonical path (no allocation on the hot path)', () => {
    const path = '/api/users/42/profile.json'
    expect(normalizePath(path)).toBe(path)
  })
})

describe('normalizePath: refused', () => {
  it.each([
    ['NUL, raw', '/api/a\u0000b', 'nul'],
    ['NUL, encoded', '/api/a%00b', 'nul'],
    ['line feed (request splitting)', '/api/a\nb', 'control-character'],
    ['carriage return', '/api/a\rb', 'control-character'],
    ['tab', '/api/a\tb', 'control-character'],
    ['DEL', '/api/a\u007fb', 'control-character'],
    ['raw backslash (IIS treats it as /)', '/api/..\\admin', 'backslash'],
    ['encoded backslash', '/api/..%5cadmin', 'encoded-backslash'],
    ['encoded backslash, upper case', '/api/..%5Cadmin', 'encoded-backslash'],
    ['double-encoded dot', '/api/%252e%252e/admin', 'double-encoding'],
    ['double-encoded dot, upper case', '/api/%252E%252E/admin', 'double-encoding'],
    ['double-encoded slash', '/api/..%252fadmin', 'double-encoding'],
    ['double-encoded backslash', '/api/..%255cadmin', 'double-encoding'],
    ['double-encoded NUL', '/api/a%2500', 'double-encoding'],
    ['double encoding hidden behind unreserved escapes', '/api/%25%32%65%25%32%65/admin', 'double-encoding'],
    ['encoded slash around ..', '/api/..%2Fadmin', 'encoded-slash-dot-segment'],
    ['encoded slash, lower case', '/api/..%2fadmin', 'encoded-slash-dot-segment'],
    ['encoded slash with encoded dots', '/api/%2e%2e%2fadmin', 'encoded-slash-dot-segment'],
    ['encoded slash inside a segment, then ..', '/api/a%2F..%2Fb', 'encoded-slash-dot-segment'],
    ['encoded slash with a single dot', '/api/.%2Fb', 'encoded-slash-dot-segment'],
    ['Tomcat path parameter traversal', '/api/..;/admin', 'dot-segment-parameter'],
    ['Tomcat path parameter with value', '/api/..;jsessionid=1/admin', 'dot-segment-parameter'],
    ['dot with parameter', '/api/.;x/admin', 'dot-segment-parameter'],
    ['encoded semicolon parameter', '/api/..%3B/admin', 'dot-segment-parameter'],
    ['parameter behind an encoded slash', '/api/x%2F..;%2Fadmin', 'encoded-slash-dot-segment'],
    ['malformed escape', '/api/100%', 'malformed-escape'],
    ['malformed escape, one digit', '/api/%4', 'malformed-escape'],
    ['malformed escape, not hex', '/api/%zz', 'malformed-escape'],
    ['fragment', '/api/x#y', 'fragment'],
    ['relative path', 'api/x', 'not-absolute'],
    ['empty', '', 'not-absolute'],
    ['lone surrogate', '/api/\ud800', 'control-character'],
  ])('%s: %j', (_, input, reason) => {
    expect(reasonOf(input)).toBe(reason)
  })

  it('throws a ProxyError with status 400 and never echoes the hostile path', () => {
    const path = '/api/%00<script>'
    let caught: unknown
    try {
      normalizePath(path)
    } catch (error) {
      caught = error
    }
    expect(isProxyError(caught)).toBe(true)
    expect(caught).toMatchObject({ code: 'ERR_REQUEST_PATH_UNSAFE', status: 400, details: { reason: 'nul' } })
    expect(JSON.stringify((caught as Error).message)).not.toContain('script')
  })
})
