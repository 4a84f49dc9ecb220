import { describe, expect, it } from 'vitest'
import { toBlockedCallKey } from '../../src/report/to-blocked-call-key.ts'
import type { BlockedCall } from '../../src/report/types.ts'

const call: BlockedCall = {
  kind: 'fetch',
  url: 'http://127.0.0.1:8080/api/me?t=1',
  method: 'GET',
  headers: ['x-b', 'x-a'],
  credentials: 'omit',
  pageOrigin: 'http://127.0.0.1:5173',
}

describe('toBlockedCallKey', () => {
  it('is the same for another query and another header order', () => {
    expect(
      toBlockedCallKey({ ...call, url: 'http://127.0.0.1:8080/api/me?t=2', headers: ['x-a', 'x-b'] }),
    ).toBe(toBlockedCallKey(call))
  })

  it.each<[string, Partial<BlockedCall>]>([
    ['path', { url: 'http://127.0.0.1:8080/api/you' }],
    ['origin', { url: 'http://127.0.0.1:8081/api/me' }],
    ['method', { method: 'POST' }],
    ['kind', { kind: 'xhr' }],
    ['credentials', { credentials: 'include' }],
    ['header names', { headers: ['x-a'] }],
    ['content-type value', { headers: ['x-a', 'x-b', ['content-type', 'application/json']] }],
  ])('differs by %s', (_, change) => {
    expect(toBlockedCallKey({ ...call, ...change })).not.toBe(toBlockedCallKey(call))
  })
})
