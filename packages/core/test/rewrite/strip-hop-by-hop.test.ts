import { describe, expect, it } from 'vitest'
import { HOP_BY_HOP_HEADERS, stripHopByHop } from '../../src/rewrite/index.ts'
import type { ReadonlyHeaderRecord } from '../../src/rewrite/index.ts'

describe('stripHopByHop', () => {
  it.each([...HOP_BY_HOP_HEADERS])('removes %s', (name) => {
    expect(stripHopByHop({ [name]: 'x', accept: 'text/html' })).toEqual({ accept: 'text/html' })
  })

  it.each<[string, ReadonlyHeaderRecord, Record<string, unknown>]>([
    ['names listed in Connection', { connection: 'keep-alive, X-Trace', 'x-trace': '1', a: 'b' }, { a: 'b' }],
    ['Connection as an array', { connection: ['close', 'x-one'], 'x-one': '1', a: 'b' }, { a: 'b' }],
    ['Connection with empty items', { connection: ' ,, x-one ,', 'x-one': '1', a: 'b' }, { a: 'b' }],
    ['HTTP/2 pseudo-headers', { ':method': 'GET', ':path': '/x', ':authority': 'h', a: 'b' }, { a: 'b' }],
    ['undefined values', { a: undefined, b: 'c' }, { b: 'c' }],
    [
      'Content-Length beside Transfer-Encoding',
      { 'transfer-encoding': 'chunked', 'content-length': '5' },
      {},
    ],
    [
      'nothing else',
      { 'content-length': '5', vary: 'origin', 'set-cookie': ['a=1', 'b=2'] },
      {
        'content-length': '5',
        vary: 'origin',
        'set-cookie': ['a=1', 'b=2'],
      },
    ],
  ])('removes %s', (_title, input, expected) => {
    expect(stripHopByHop(input)).toEqual(expected)
  })

  it.each<[string, ReadonlyHeaderRecord, Record<string, unknown>]>([
    [
      'a WebSocket handshake',
      { connection: 'Upgrade', upgrade: 'websocket', a: 'b' },
      {
        connection: 'upgrade',
        upgrade: 'websocket',
        a: 'b',
      },
    ],
    [
      'Firefox\'s "keep-alive, Upgrade"',
      { connection: 'keep-alive, Upgrade', upgrade: 'websocket', 'keep-alive': '5' },
      {
        connection: 'upgrade',
        upgrade: 'websocket',
      },
    ],
  ])('keeps the upgrade pair of %s with keepUpgrade', (_title, input, expected) => {
    expect(stripHopByHop(input, { keepUpgrade: true })).toEqual(expected)
  })

  it.each<[string, ReadonlyHeaderRecord]>([
    [
      'Upgrade without the upgrade connection option (RFC 9110 §7.8)',
      { connection: 'keep-alive', upgrade: 'websocket' },
    ],
    ['the option without an Upgrade field', { connection: 'upgrade' }],
    ['no Connection at all', { upgrade: 'websocket' }],
  ])('drops the pair for %s even with keepUpgrade', (_title, input) => {
    expect(stripHopByHop(input, { keepUpgrade: true })).toEqual({})
  })

  it('never mutates its input and copies arrays', () => {
    const cookies = ['a=1']
    const input = Object.freeze({ connection: 'x', x: '1', 'set-cookie': cookies })
    const output = stripHopByHop(input)
    expect(input).toEqual({ connection: 'x', x: '1', 'set-cookie': ['a=1'] })
    expect(output['set-cookie']).not.toBe(cookies)
  })

  it('treats a header named __proto__ as a header', () => {
    const input = JSON.parse('{"__proto__": ["x"], "a": "b"}') as ReadonlyHeaderRecord
    const output = stripHopByHop(input)
    expect(Object.getPrototypeOf(output)).toBe(null)
    expect(Object.keys(output)).toEqual(['__proto__', 'a'])
  })
})
