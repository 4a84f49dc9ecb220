import { describe, expect, it } from 'vitest'
import { parseRequestTarget } from '../../src/rules/parse-request-target.ts'

describe('parseRequestTarget', () => {
  it.each([
    ['/api/x?y=1', { path: '/api/x', search: '?y=1' }],
    ['/api/x', { path: '/api/x', search: '' }],
    ['/api/x?', { path: '/api/x', search: '?' }],
    ['/api/x?a=1?b=/c', { path: '/api/x', search: '?a=1?b=/c' }],
    ['/?q', { path: '/', search: '?q' }],
    ['http://other.host/api/x?y=1', { path: '/api/x', search: '?y=1' }],
    ['HTTPS://other.host:8443/api', { path: '/api', search: '' }],
    ['http://other.host', { path: '/', search: '' }],
    ['http://other.host?q=1', { path: '/', search: '?q=1' }],
    ['http://user@evil/x', { path: '/x', search: '' }],
    ['//evil.example/api', { path: '//evil.example/api', search: '' }],
  ])('%s', (url, expected) => {
    expect(parseRequestTarget(url)).toEqual(expected)
  })

  it.each(['*', 'example.com:443', 'localhost:5173', '', 'api/x', 'http:/x'])(
    '%j matches no route',
    (url) => {
      expect(parseRequestTarget(url)).toBeUndefined()
    },
  )

  it.each(['/api/x?a=\r\nHost: evil', '/api\n', '/api?\u0000'])(
    'refuses control characters anywhere: %j',
    (url) => {
      expect(() => parseRequestTarget(url)).toThrow(
        expect.objectContaining({ code: 'ERR_REQUEST_PATH_UNSAFE' }),
      )
    },
  )
})
