import { describe, expect, it } from 'vitest'
import { parseBlockedCall } from '../../src/report/parse-blocked-call.ts'

const PAGE = 'http://127.0.0.1:5173'
const good = {
  kind: 'fetch',
  url: 'http://127.0.0.1:8080/api/me?x=1',
  method: 'POST',
  headers: ['x-token', ['content-type', 'application/json']],
  credentials: 'include',
  pageOrigin: PAGE,
}

describe('parseBlockedCall', () => {
  it('reads a good report as the call', () => {
    expect(parseBlockedCall(JSON.stringify(good), PAGE)).toEqual({ call: good })
  })

  it.each(['ws://127.0.0.1:8080/live', 'wss://api.example.com/live', 'https://api.example.com/'])(
    'accepts the scheme of %s',
    (url) => {
      expect(parseBlockedCall(JSON.stringify({ ...good, url }), PAGE).call?.url).toBe(url)
    },
  )

  it.each([
    ['not JSON', '{', 'the body is not JSON'],
    ['an array', '[]', 'the body is not a JSON object'],
    ['an extra field', { ...good, body: 'x' }, '"body" is not a report field'],
    ['a cookie field', { ...good, cookie: 'a=1' }, '"cookie" is not a report field'],
    ['an unknown kind', { ...good, kind: 'beacon' }, 'kind is not a known kind'],
    [
      'another page origin',
      { ...good, pageOrigin: 'http://evil.test' },
      "pageOrigin is not the dev server's origin",
    ],
    ['a file: URL', { ...good, url: 'file:///etc/passwd' }, 'url is not an absolute http(s) or ws(s) URL'],
    [
      'a javascript: URL',
      { ...good, url: 'javascript:alert(1)' },
      'url is not an absolute http(s) or ws(s) URL',
    ],
    ['a relative URL', { ...good, url: '/api/me' }, 'url is not an absolute http(s) or ws(s) URL'],
    [
      'a long URL',
      { ...good, url: `http://a.test/${'x'.repeat(2100)}` },
      'url is not an absolute http(s) or ws(s) URL',
    ],
    ['a user in the URL', { ...good, url: 'http://u:p@a.test/' }, 'url has a user name or password'],
    ['the page origin', { ...good, url: `${PAGE}/api` }, "url has the page's own origin"],
    ['the page origin as ws', { ...good, url: 'ws://127.0.0.1:5173/hmr' }, "url has the page's own origin"],
    ['a method with a space', { ...good, method: 'GE T' }, 'method is not a method token'],
    ['a method number', { ...good, method: 1 }, 'method is not a method token'],
    [
      'a bad credentials mode',
      { ...good, credentials: 'yes' },
      'credentials is not omit, same-origin or include',
    ],
    ['headers not a list', { ...good, headers: 'a' }, 'headers is not a list of at most 64'],
    [
      '65 headers',
      { ...good, headers: Array.from({ length: 65 }, (_, i) => `x-${i}`) },
      'headers is not a list of at most 64',
    ],
    ['a header name with a colon', { ...good, headers: ['a:b'] }, 'a header name is not a token'],
    [
      'a header value',
      { ...good, headers: [['authorization', 'Bearer x']] },
      'only content-type may carry a value',
    ],
    [
      'a content-type with a line break',
      { ...good, headers: [['content-type', 'a\r\nb']] },
      'the content-type value is not a header value',
    ],
    [
      'a header triple',
      { ...good, headers: [['content-type', 'a', 'b']] },
      'a header is neither a name nor [name, value]',
    ],
  ])('refuses %s', (_, body, problem) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    expect(parseBlockedCall(text, PAGE)).toEqual({ problem })
  })
})
