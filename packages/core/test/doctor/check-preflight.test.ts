// A preflight answer, checked as https://fetch.spec.whatwg.org/#cors-preflight-fetch says (step 7).
import { describe, expect, it } from 'vitest'
import { checkPreflight } from '../../src/doctor/check-preflight.ts'
import type { PreflightCheckRequest } from '../../src/doctor/check-preflight.ts'
import type { HeaderList } from '../../src/doctor/types.ts'

const ORIGIN = 'http://localhost:5173'
const ALLOW: HeaderList = [
  ['Access-Control-Allow-Origin', ORIGIN],
  ['Access-Control-Max-Age', '600'],
]

function codes(status: number, headers: HeaderList, request: Partial<PreflightCheckRequest>): string[] {
  return checkPreflight(
    { status, headers: [...ALLOW, ...headers] },
    { method: 'GET', headers: [], credentials: 'omit', origin: ORIGIN, ...request },
  ).map((reason) => reason.code)
}

describe('status', () => {
  it.each([
    [204, []],
    [200, []],
    [299, []],
    [404, ['preflight-status']],
    [500, ['preflight-status']],
    [401, ['preflight-status']],
    // Browsers never follow a redirect of the preflight itself.
    [302, ['preflight-redirect']],
    [307, ['preflight-redirect']],
  ])('%i → %j', (status, expected) => {
    expect(codes(status, [['Access-Control-Allow-Methods', 'PUT']], { method: 'PUT' })).toEqual(expected)
  })

  it("also runs the CORS check (with the request's credentials mode)", () => {
    expect(
      checkPreflight(
        { status: 204, headers: [] },
        { method: 'PUT', headers: [], credentials: 'omit', origin: ORIGIN },
      ).map((reason) => reason.code),
    ).toEqual(['acao-missing'])
    expect(
      codes(204, [['Access-Control-Allow-Methods', 'PUT']], { method: 'PUT', credentials: 'include' }),
    ).toEqual(['acac-missing'])
  })
})

describe('Access-Control-Allow-Methods', () => {
  it.each<[string, string | undefined, Partial<PreflightCheckRequest>, string[]]>([
    ['PUT listed', 'GET, PUT', { method: 'PUT' }, []],
    ['PUT missing', 'GET, POST', { method: 'PUT' }, ['method-not-allowed']],
    ['no header, PUT', undefined, { method: 'PUT' }, ['method-not-allowed']],
    // Safelisted methods never need listing (the preflight was for a header).
    ['no header, GET', undefined, { method: 'GET', headers: [['X-A', '1']] }, ['header-not-allowed']],
    ['case-sensitive', 'put', { method: 'PUT' }, ['method-not-allowed']],
    ['patch is not normalised', 'PATCH', { method: 'patch' }, ['method-not-allowed']],
    ['* without credentials', '*', { method: 'DELETE' }, []],
    ['* with credentials', '*', { method: 'DELETE', credentials: 'include' }, ['acac-missing']],
    ['trailing comma', 'PUT,', { method: 'PUT' }, []],
    ['not a token list', 'PUT;', { method: 'PUT' }, ['methods-invalid']],
  ])('%s', (_title, methods, request, expected) => {
    expect(
      codes(204, methods === undefined ? [] : [['Access-Control-Allow-Methods', methods]], request),
    ).toEqual(expected)
  })

  it('* with credentials is a method literally named *', () => {
    expect(
      codes(
        204,
        [
          ['Access-Control-Allow-Methods', '*'],
          ['Access-Control-Allow-Credentials', 'true'],
        ],
        {
          method: 'DELETE',
          credentials: 'include',
        },
      ),
    ).toEqual(['methods-wildcard-credentials'])
  })
})

describe('Access-Control-Allow-Headers', () => {
  const creds: HeaderList = [['Access-Control-Allow-Credentials', 'true']]
  it.each<[string, HeaderList, Partial<PreflightCheckRequest>, string[]]>([
    [
      'listed, any case',
      [['Access-Control-Allow-Headers', 'Content-Type, X-Api-Key']],
      {
        headers: [
          ['content-type', 'application/json'],
          ['x-api-key', 'k'],
        ],
      },
      [],
    ],
    [
      'one missing',
      [['Access-Control-Allow-Headers', 'content-type']],
      {
        headers: [
          ['content-type', 'application/json'],
          ['x-api-key', 'k'],
        ],
      },
      ['header-not-allowed'],
    ],
    ['no header', [], { headers: [['X-Requested-With', 'XMLHttpRequest']] }, ['header-not-allowed']],
    [
      '* covers custom headers',
      [['Access-Control-Allow-Headers', '*']],
      { headers: [['X-Requested-With', 'XMLHttpRequest']] },
      [],
    ],
    // The CORS non-wildcard request-header name: * never covers Authorization in the standard.
    [
      '* and Authorization',
      [['Access-Control-Allow-Headers', '*']],
      { headers: [['Authorization', 'Bearer x']] },
      ['headers-wildcard-authorization'],
    ],
    [
      '*, authorization',
      [['Access-Control-Allow-Headers', '*, authorization']],
      {
        headers: [
          ['Authorization', 'Bearer x'],
          ['X-A', '1'],
        ],
      },
      [],
    ],
    [
      '* with credentials',
      [['Access-Control-Allow-Headers', '*'], ...creds],
      { headers: [['X-A', '1']], credentials: 'include' },
      ['headers-wildcard-credentials'],
    ],
    [
      '* with credentials and Authorization',
      [['Access-Control-Allow-Headers', '*'], ...creds],
      { headers: [['Authorization', 'x']], credentials: 'include' },
      ['headers-wildcard-credentials'],
    ],
    // Safelisted headers need no listing, unless over a limit.
    [
      'safelisted only',
      [],
      { method: 'PUT', headers: [['Accept', 'application/json']] },
      ['method-not-allowed'],
    ],
    [
      'Accept over 128 bytes',
      [['Access-Control-Allow-Methods', 'PUT']],
      { method: 'PUT', headers: [['Accept', 'a'.repeat(129)]] },
      ['header-not-allowed'],
    ],
    [
      'not a token list',
      [['Access-Control-Allow-Headers', 'x-a x-b']],
      { headers: [['X-A', '1']] },
      ['headers-invalid'],
    ],
  ])('%s', (_title, headers, request, expected) => {
    expect(codes(204, headers, request)).toEqual(expected)
  })

  it('notes the Chromium difference on the Authorization exception', () => {
    const [reason] = checkPreflight(
      { status: 204, headers: [...ALLOW, ['Access-Control-Allow-Headers', '*']] },
      { method: 'GET', headers: [['Authorization', 'x']], credentials: 'omit', origin: ORIGIN },
    )
    expect(reason?.severity).toBe('block')
    expect(reason?.browsers).toMatch(/Chromium 156 still lets '\*' cover Authorization/)
    expect(reason?.standard).toBe('https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name')
  })
})

function maxAge(value: string | undefined): string[] {
  return checkPreflight(
    {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', ORIGIN],
        ['Access-Control-Allow-Methods', 'PUT'],
        ...(value === undefined ? [] : ([['Access-Control-Max-Age', value]] as const)),
      ],
    },
    { method: 'PUT', headers: [], credentials: 'omit', origin: ORIGIN },
  ).map((reason) => `${reason.severity}:${reason.code}`)
}
describe('Access-Control-Max-Age (warnings only)', () => {
  it.each([
    [undefined, ['warn:max-age-missing']],
    ['600', []],
    ['7200', []],
    ['86400', ['warn:max-age-capped']],
    ['ten', ['warn:max-age-invalid']],
  ])('%s → %j', (value, expected) => {
    expect(maxAge(value)).toEqual(expected)
  })
})
