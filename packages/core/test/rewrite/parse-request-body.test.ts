import { describe, expect, it } from 'vitest'
import { isProxyError } from '../../src/errors/proxy-error.ts'
import type { ReadonlyHeaderRecord, RequestBody } from '../../src/rewrite/index.ts'
import { FORWARDED_METHODS, parseRequestBody } from '../../src/rewrite/index.ts'

const HTTP1 = { undeclared: false }
const HTTP2 = { undeclared: true }

/** The code `parseRequestBody` throws, or `undefined` when it answers. */
function refusal(method: string, headers: ReadonlyHeaderRecord, options = HTTP1): string | undefined {
  try {
    parseRequestBody(method, headers, options)
    return undefined
  } catch (error) {
    if (!isProxyError(error)) throw error
    return `${error.status} ${error.code}`
  }
}

describe('parseRequestBody', () => {
  it.each<[string, string, ReadonlyHeaderRecord, { undeclared: boolean }, RequestBody]>([
    ['HTTP/1.1 without framing fields', 'DELETE', {}, HTTP1, { kind: 'none' }],
    ['Content-Length: 0', 'POST', { 'content-length': '0' }, HTTP1, { kind: 'none' }],
    ['a Content-Length', 'DELETE', { 'content-length': '12' }, HTTP1, { kind: 'length', length: 12 }],
    ['chunked', 'OPTIONS', { 'transfer-encoding': 'chunked' }, HTTP1, { kind: 'stream' }],
    ['chunked last in a list', 'PUT', { 'transfer-encoding': 'gzip, chunked' }, HTTP1, { kind: 'stream' }],
    ['HTTP/2 DATA without content-length', 'DELETE', {}, HTTP2, { kind: 'stream' }],
    ['HTTP/2 with content-length', 'PATCH', { 'content-length': '3' }, HTTP2, { kind: 'length', length: 3 }],
    ['a GET without a body', 'GET', {}, HTTP1, { kind: 'none' }],
    ['a GET with Content-Length: 0', 'GET', { 'content-length': '0' }, HTTP1, { kind: 'none' }],
    ['a HEAD ending its HTTP/2 stream', 'HEAD', {}, HTTP1, { kind: 'none' }],
  ])('%s: %s → %j', (_title, method, headers, options, expected) => {
    expect(parseRequestBody(method, headers, options)).toEqual(expected)
  })

  it.each<[string, string, ReadonlyHeaderRecord, { undeclared: boolean }, string]>([
    ['TRACE, with or without a body', 'TRACE', {}, HTTP1, '405 ERR_REQUEST_METHOD_NOT_ALLOWED'],
    [
      'a GET with a Content-Length body',
      'GET',
      { 'content-length': '5' },
      HTTP1,
      '400 ERR_REQUEST_BODY_NOT_ALLOWED',
    ],
    [
      'a GET with a chunked body',
      'GET',
      { 'transfer-encoding': 'chunked' },
      HTTP1,
      '400 ERR_REQUEST_BODY_NOT_ALLOWED',
    ],
    ['a HEAD with HTTP/2 DATA', 'HEAD', {}, HTTP2, '400 ERR_REQUEST_BODY_NOT_ALLOWED'],
    [
      'a Content-Length that is not a number',
      'POST',
      { 'content-length': '5x' },
      HTTP2,
      '400 ERR_REQUEST_FRAMING_INVALID',
    ],
    ['a signed Content-Length', 'POST', { 'content-length': '+5' }, HTTP2, '400 ERR_REQUEST_FRAMING_INVALID'],
    [
      'two Content-Length values',
      'POST',
      { 'content-length': ['5', '5'] },
      HTTP2,
      '400 ERR_REQUEST_FRAMING_INVALID',
    ],
    [
      'a Content-Length past 2^53',
      'POST',
      { 'content-length': '9'.repeat(16) },
      HTTP2,
      '400 ERR_REQUEST_FRAMING_INVALID',
    ],
    [
      'Content-Length beside Transfer-Encoding',
      'POST',
      { 'content-length': '5', 'transfer-encoding': 'chunked' },
      HTTP2,
      '400 ERR_REQUEST_FRAMING_INVALID',
    ],
    [
      'a Transfer-Encoding not ending in chunked',
      'POST',
      { 'transfer-encoding': 'chunked, gzip' },
      HTTP2,
      '400 ERR_REQUEST_FRAMING_INVALID',
    ],
  ])('refuses %s', (_title, method, headers, options, expected) => {
    expect(refusal(method, headers, options)).toBe(expected)
  })

  it('names the forwarded methods for the 405 answer', () => {
    expect(() => parseRequestBody('TRACE', {}, HTTP1)).toThrow(
      expect.objectContaining({ details: { method: 'TRACE', allow: FORWARDED_METHODS } }),
    )
  })
})
