// The Fetch standard's CORS check, rule by rule: https://fetch.spec.whatwg.org/#cors-check
import { describe, expect, it } from 'vitest'
import { checkCors } from '../../src/doctor/check-cors.ts'
import type { CredentialsMode, HeaderList } from '../../src/doctor/types.ts'

const ORIGIN = 'http://localhost:5173'

function codes(headers: HeaderList, credentials: CredentialsMode = 'omit', origin = ORIGIN): string[] {
  return checkCors(headers, { origin, credentials, on: 'the response' }).map((reason) => reason.code)
}

describe('checkCors', () => {
  it.each<[string, HeaderList, CredentialsMode, string[]]>([
    // 1. No Access-Control-Allow-Origin: failure.
    ['no header', [], 'omit', ['acao-missing']],
    // 2. `*` without credentials: success.
    ['*', [['Access-Control-Allow-Origin', '*']], 'omit', []],
    // 3. `*` with credentials is compared as an origin, and fails.
    [
      '* with credentials',
      [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
      'include',
      ['acao-wildcard-credentials'],
    ],
    // 4. Byte-for-byte equality with the serialized origin.
    ['exact origin', [['Access-Control-Allow-Origin', ORIGIN]], 'omit', []],
    ['another origin', [['Access-Control-Allow-Origin', 'http://localhost:3000']], 'omit', ['acao-mismatch']],
    ['trailing slash', [['Access-Control-Allow-Origin', `${ORIGIN}/`]], 'omit', ['acao-mismatch']],
    ['other case', [['Access-Control-Allow-Origin', 'HTTP://LOCALHOST:5173']], 'omit', ['acao-mismatch']],
    ['null', [['Access-Control-Allow-Origin', 'null']], 'omit', ['acao-null']],
    // "get" joins repeated headers with ", ": never an origin.
    [
      'sent twice',
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['access-control-allow-origin', ORIGIN],
      ],
      'omit',
      ['acao-multiple'],
    ],
    [
      'a list in one header',
      [['Access-Control-Allow-Origin', `${ORIGIN}, http://x.test`]],
      'omit',
      ['acao-multiple'],
    ],
    // 5./6. With credentials, Access-Control-Allow-Credentials must be exactly `true`.
    [
      'credentials, exact, true',
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
      'include',
      [],
    ],
    ['credentials, no ACAC', [['Access-Control-Allow-Origin', ORIGIN]], 'include', ['acac-missing']],
    [
      'credentials, ACAC TRUE',
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Credentials', 'TRUE'],
      ],
      'include',
      ['acac-invalid'],
    ],
    [
      'credentials, ACAC twice',
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Credentials', 'true'],
        ['Access-Control-Allow-Credentials', 'true'],
      ],
      'include',
      ['acac-invalid'],
    ],
    // Without credentials ACAC does not matter.
    [
      'no credentials, ACAC false',
      [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Credentials', 'false'],
      ],
      'omit',
      [],
    ],
  ])('%s', (_title, headers, credentials, expected) => {
    expect(codes(headers, credentials)).toEqual(expected)
  })

  it("after a cross-origin redirect (Origin: null) only '*' or 'null' pass", () => {
    expect(codes([['Access-Control-Allow-Origin', ORIGIN]], 'omit', 'null')).toEqual(['acao-mismatch'])
    expect(codes([['Access-Control-Allow-Origin', '*']], 'omit', 'null')).toEqual([])
    expect(codes([['Access-Control-Allow-Origin', 'null']], 'omit', 'null')).toEqual([])
    expect(
      codes(
        [
          ['Access-Control-Allow-Origin', 'null'],
          ['Access-Control-Allow-Credentials', 'true'],
        ],
        'include',
        'null',
      ),
    ).toEqual([])
  })

  it('names the near miss and links the section', () => {
    const [reason] = checkCors([['Access-Control-Allow-Origin', `${ORIGIN}/`]], {
      origin: ORIGIN,
      credentials: 'omit',
      on: 'the response',
    })
    expect(reason?.message).toContain('trailing slash')
    expect(reason?.standard).toBe('https://fetch.spec.whatwg.org/#cors-check')
    const [port] = checkCors([['Access-Control-Allow-Origin', 'http://localhost:3000']], {
      origin: ORIGIN,
      credentials: 'omit',
      on: 'the response',
    })
    expect(port?.message).toContain('port differs')
  })
})
