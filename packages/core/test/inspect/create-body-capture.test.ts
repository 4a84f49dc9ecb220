import { describe, expect, it } from 'vitest'
import { createBodyCapture } from '../../src/inspect/index.ts'
import type { HeaderList } from '../../src/inspect/index.ts'

const encode = (text: string) => new TextEncoder().encode(text)
const typed = (type: string, encoding?: string): HeaderList => [
  { name: 'content-type', value: type },
  ...(encoding === undefined ? [] : [{ name: 'content-encoding', value: encoding }]),
]

function capture(chunks: Uint8Array[], headers: HeaderList | undefined, limit?: number) {
  const body = createBodyCapture(limit)
  for (const chunk of chunks) body.push(chunk)
  return body.finish(headers)
}

describe('createBodyCapture', () => {
  it.each<[string, HeaderList | undefined, string | undefined]>([
    ['JSON', typed('application/json; charset=utf-8'), '{"a":1}'],
    ['a +json suffix', typed('application/problem+json'), '{"a":1}'],
    ['text', typed('text/html'), '{"a":1}'],
    ['a form', typed('application/x-www-form-urlencoded'), '{"a":1}'],
    ['bytes', typed('application/octet-stream'), undefined],
    ['an image', typed('image/png'), undefined],
    ['gzip-encoded JSON (the proxy never decodes)', typed('application/json', 'gzip'), undefined],
    ['no Content-Type', undefined, undefined],
  ])('%s', (_title, headers, text) => {
    expect(capture([encode('{"a":1}')], headers).text).toBe(text)
  })

  it('keeps a binary body by its size only, also when its bytes are not UTF-8', () => {
    expect(capture([new Uint8Array([0xff, 0xfe, 0x00])], typed('text/plain'))).toEqual({
      size: 3,
      text: undefined,
      truncated: false,
      mimeType: 'text/plain',
    })
  })

  it('cuts at the limit without breaking a character in two', () => {
    // 'é' is two bytes: the limit falls between them.
    const body = capture([encode('aé'), encode('z')], typed('text/plain'), 2)
    expect(body).toEqual({ size: 4, text: 'a', truncated: true, mimeType: 'text/plain' })
  })

  it('keeps copies: a transport reusing its buffer does not change what was captured', () => {
    const body = createBodyCapture()
    const chunk = encode('abc')
    body.push(chunk)
    chunk.fill(0x78)
    expect(body.finish(typed('text/plain')).text).toBe('abc')
  })
})

describe('createBodyCapture: holding and letting go', () => {
  it('keeps no more than the allowance, and nothing after a byte it did not keep', () => {
    const body = createBodyCapture(8)
    expect(body.wants(10)).toBe(8)
    expect(body.push(encode('abc'), 2)).toBe(2)
    expect(body.wants(1)).toBe(0)
    expect(body.push(encode('d'))).toBe(0)
    expect(body.held).toBe(2)
    expect(body.finish(typed('text/plain'))).toEqual({
      size: 4,
      text: 'ab',
      truncated: true,
      mimeType: 'text/plain',
    })
    expect(body.held).toBe(0)
  })

  it('describes a dropped body by its size only, and keeps counting it', () => {
    const body = createBodyCapture()
    body.push(encode('{"a":'))
    body.drop()
    expect(body.held).toBe(0)
    expect(body.push(encode('1}'))).toBe(0)
    expect(body.finish(typed('application/json'))).toEqual({
      size: 7,
      text: undefined,
      truncated: true,
      mimeType: 'application/json',
    })
  })
})
