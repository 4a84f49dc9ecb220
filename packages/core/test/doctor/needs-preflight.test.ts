// The Fetch standard's "does this request need a preflight?" rules, one table row per rule.
// https://fetch.spec.whatwg.org/#cors-safelisted-method, #cors-safelisted-request-header,
// #cors-unsafe-request-header-names, #forbidden-request-header, #forbidden-method
import { describe, expect, it } from 'vitest'
import {
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedMethod,
  isCorsSafelistedRequestHeader,
  isForbiddenMethod,
  isForbiddenRequestHeader,
  needsPreflight,
  normalizeMethod,
} from '../../src/doctor/needs-preflight.ts'

describe('methods', () => {
  it.each([
    ['get', 'GET'],
    ['Put', 'PUT'],
    ['delete', 'DELETE'],
    ['options', 'OPTIONS'],
    // Not one of the six normalised methods: sent (and compared) exactly as written.
    ['patch', 'patch'],
    ['PATCH', 'PATCH'],
    ['purge', 'purge'],
  ])('fetch normalises %s to %s', (method, expected) => {
    expect(normalizeMethod(method)).toBe(expected)
  })

  it.each([
    ['GET', true],
    ['HEAD', true],
    ['POST', true],
    ['PUT', false],
    ['DELETE', false],
    ['PATCH', false],
    // Safelisting is case-sensitive; normalisation runs first for the six standard methods.
    ['post', false],
  ])('%s safelisted: %s', (method, expected) => {
    expect(isCorsSafelistedMethod(method)).toBe(expected)
  })

  it.each([
    ['CONNECT', true],
    ['trace', true],
    ['Track', true],
    ['GET', false],
  ])('%s forbidden: %s', (method, expected) => {
    expect(isForbiddenMethod(method)).toBe(expected)
  })
})

describe('safelisted request headers', () => {
  const at128 = `text/plain;a=${'x'.repeat(128 - 'text/plain;a='.length)}`
  it.each([
    ['Accept', 'application/json', true],
    ['Accept', '*/*', true],
    ['Accept', 'text/html; q="0.9"', false], // '"' is a CORS-unsafe request-header byte
    ['Accept', 'a(b)', false],
    ['Accept', 'x'.repeat(128), true],
    ['Accept', 'x'.repeat(129), false], // the 128-byte limit
    ['Accept-Language', 'en-US,en;q=0.9', true],
    ['Accept-Language', 'en_US', false], // only 0-9 A-Z a-z space * , - . ; =
    ['Content-Language', 'de-CH', true],
    ['Content-Language', 'de/CH', false],
    ['Content-Type', 'text/plain', true],
    ['Content-Type', 'text/plain;charset=UTF-8', true],
    ['Content-Type', ' Text/Plain ; charset=utf-8', true],
    ['Content-Type', 'application/x-www-form-urlencoded', true],
    ['Content-Type', 'multipart/form-data; boundary=x', true],
    ['Content-Type', 'application/json', false],
    ['Content-Type', 'text/plain; charset="utf-8"', false], // '"' is unsafe even in a parameter
    ['Content-Type', 'text', false], // not a MIME type
    ['Content-Type', '', false],
    ['Content-Type', at128, true],
    ['Content-Type', `${at128}x`, false],
    ['Range', 'bytes=0-10', true],
    ['Range', 'bytes=5-', true],
    ['Range', 'bytes=-5', false], // suffix ranges are not safelisted
    ['Range', 'bytes=10-5', false],
    ['Range', 'bytes=0-1,3-4', false],
    ['Authorization', 'Bearer x', false],
    ['X-Requested-With', 'XMLHttpRequest', false],
  ])('%s: %s → %s', (name, value, expected) => {
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(expected)
  })
})

describe('CORS-unsafe request-header names (Access-Control-Request-Headers)', () => {
  it('lower-cases, de-duplicates and sorts, as Chromium sends them', () => {
    expect(
      corsUnsafeRequestHeaderNames([
        ['X-B', '1'],
        ['Content-Type', 'application/json'],
        ['x-a', '2'],
        ['X-b', '3'],
        ['Accept', 'application/json'],
      ]),
    ).toEqual(['content-type', 'x-a', 'x-b'])
  })

  it('makes every safelisted header unsafe once their values pass 1024 bytes together', () => {
    const headers: [string, string][] = [
      ['Accept', 'a'.repeat(128)],
      ['Accept-Language', 'b'.repeat(128)],
      ['Content-Language', 'c'.repeat(128)],
      ['Content-Type', 'text/plain'],
    ]
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual([])
    const over: [string, string][] = Array.from({ length: 9 }, (_, index) => [
      `Accept-Language`,
      `${index}`.repeat(120),
    ])
    // Nine values of 120 bytes: 1080 > 1024, each one still under 128.
    expect(corsUnsafeRequestHeaderNames([...over, ['Content-Type', 'text/plain']])).toEqual([
      'accept-language',
      'content-type',
    ])
  })
})

describe('needsPreflight', () => {
  it.each([
    ['GET', [], false],
    ['POST', [['Content-Type', 'text/plain']], false],
    ['POST', [['Content-Type', 'application/json']], true],
    ['GET', [['Authorization', 'Bearer x']], true],
    ['PUT', [], true],
    ['patch', [], true],
    ['HEAD', [['Range', 'bytes=0-1']], false],
  ] as const)('%s %j → %s', (method, headers, expected) => {
    expect(needsPreflight({ method, headers })).toBe(expected)
  })
})

describe('forbidden request headers', () => {
  it.each([
    ['Cookie', 'a=b', true],
    ['Origin', 'http://evil.test', true],
    ['Host', 'x', true],
    ['Content-Length', '3', true],
    ['Referer', 'x', true],
    ['Sec-Fetch-Site', 'none', true],
    ['Proxy-Authorization', 'x', true],
    ['X-HTTP-Method-Override', 'TRACE', true],
    ['X-HTTP-Method-Override', 'PUT', false],
    ['Authorization', 'Bearer x', false],
    ['Content-Type', 'application/json', false],
  ])('%s: %s → %s', (name, value, expected) => {
    expect(isForbiddenRequestHeader(name, value)).toBe(expected)
  })
})
