// What the page can read (https://fetch.spec.whatwg.org/#http-access-control-expose-headers) and
// whether caches know the answer depends on Origin (#cors-protocol-and-http-caches).
import { describe, expect, it } from 'vitest'
import { checkExposeHeaders } from '../../src/doctor/check-expose-headers.ts'
import { checkVary } from '../../src/doctor/check-vary.ts'
import type { HeaderList } from '../../src/doctor/types.ts'

const RESPONSE: HeaderList = [
  ['Content-Type', 'application/json'],
  ['Content-Length', '2'],
  ['Date', 'Sun, 22 Nov 2026 00:00:00 GMT'],
  ['ETag', '"abc"'],
  ['X-Total-Count', '5'],
  ['Set-Cookie', 'a=b'],
  ['Access-Control-Allow-Origin', 'http://localhost:5173'],
]

describe('checkExposeHeaders', () => {
  it('safelisted headers are readable; others are hidden unless exposed', () => {
    const result = checkExposeHeaders(RESPONSE, 'omit')
    expect(result.readable).toEqual(['content-type', 'content-length'])
    expect(result.hidden).toEqual(['ETag', 'X-Total-Count'])
    expect(result.reasons.map((reason) => reason.code)).toEqual(['expose-hidden'])
    expect(result.reasons[0]?.message).toContain('Access-Control-Expose-Headers: ETag, X-Total-Count')
  })

  it('exposes the listed names, case-insensitively', () => {
    const result = checkExposeHeaders(
      [...RESPONSE, ['Access-Control-Expose-Headers', 'x-total-count, etag']],
      'omit',
    )
    expect(result.readable).toEqual(['content-type', 'content-length', 'etag', 'x-total-count'])
    expect(result.reasons).toEqual([])
  })

  it('* exposes everything but Set-Cookie without credentials', () => {
    const result = checkExposeHeaders([...RESPONSE, ['Access-Control-Expose-Headers', '*']], 'omit')
    expect(result.readable).not.toContain('set-cookie')
    expect(result.readable).toContain('date')
    expect(result.hidden).toEqual([])
  })

  it('* is a literal name with credentials', () => {
    const result = checkExposeHeaders([...RESPONSE, ['Access-Control-Expose-Headers', '*']], 'include')
    expect(result.readable).toEqual(['content-type', 'content-length'])
    expect(result.reasons.map((reason) => reason.code)).toEqual([
      'expose-wildcard-credentials',
      'expose-hidden',
    ])
  })
})

describe('checkVary', () => {
  it.each<[string, HeaderList, string[]]>([
    ['one origin, no Vary', [['Access-Control-Allow-Origin', 'http://a.test']], ['vary-missing']],
    [
      'one origin, Vary: Origin',
      [
        ['Access-Control-Allow-Origin', 'http://a.test'],
        ['Vary', 'Accept-Encoding, origin'],
      ],
      [],
    ],
    [
      'one origin, Vary: *',
      [
        ['Access-Control-Allow-Origin', 'http://a.test'],
        ['Vary', '*'],
      ],
      [],
    ],
    ['*', [['Access-Control-Allow-Origin', '*']], []],
    ['no CORS', [], []],
  ])('%s', (_title, headers, expected) => {
    expect(checkVary(headers).map((reason) => `${reason.severity}:${reason.code}`)).toEqual(
      expected.map((code) => `warn:${code}`),
    )
  })
})
