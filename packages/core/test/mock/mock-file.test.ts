import { describe, expect, it } from 'vitest'
import { parseMockFile } from '../../src/pipeline/mock/parse-mock-file.ts'
import { toMockRecording, toRecordSkip } from '../../src/pipeline/mock/to-mock-recording.ts'
import { resolveMock } from '../../src/rules/resolve-mock.ts'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const text = (data: Uint8Array | null): string => new TextDecoder().decode(data ?? new Uint8Array())

describe('parseMockFile', () => {
  it('serialises a JSON body, sends text as text, and fills in the content type', () => {
    const json = parseMockFile(bytes('{ "body": { "a": 1 } }'), 'GET.json')
    expect(json).toMatchObject({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    expect(text((json as { body: Uint8Array }).body)).toBe('{"a":1}')
    const str = parseMockFile(
      bytes('{ "headers": { "content-type": "application/json" }, "body": "hi" }'),
      'f',
    )
    expect(text((str as { body: Uint8Array }).body)).toBe('"hi"')
    const plain = parseMockFile(
      bytes('{ "status": 201, "body": "hi", "headers": { "Content-Length": "99" } }'),
      'f',
    )
    expect(plain).toMatchObject({ status: 201, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    expect((plain as { headers: Record<string, string> }).headers['content-length']).toBeUndefined()
  })

  it.each([
    ['not JSON', '{', /is not valid JSON/],
    ['an array', '[]', /must hold a JSON object/],
    ['a bad status', '{ "status": 99 }', /"status": 99/],
    ['a bad header name', '{ "headers": { "a b": "1" } }', /not a valid name/],
    ['a header line break', '{ "headers": { "x": "a\\r\\nb: c" } }', /not a string on one line/],
    ['body and bodyFile', '{ "body": 1, "bodyFile": "x.bin" }', /both "body" and "bodyFile"/],
    ['a bodyFile in another folder', '{ "bodyFile": "../x.bin" }', /not a file name beside it/],
    [
      'a text body that is not a string',
      '{ "headers": { "content-type": "text/plain" }, "body": 1 }',
      /not a string/,
    ],
  ])('refuses %s', (_, source, message) => {
    const result = parseMockFile(bytes(source), 'api/GET.json')
    expect(result).toBeInstanceOf(Error)
    expect((result as Error).message).toMatch(message)
    expect((result as Error & { code: string }).code).toBe('ERR_MOCK_FILE_INVALID')
  })
})

describe('toMockRecording', () => {
  const key = { segments: ['api'], method: 'GET', query: undefined }
  it('leaves secrets, transfer fields and hop-by-hop fields out unless asked', () => {
    const headers = {
      'content-type': 'text/plain',
      'set-cookie': ['a=1'],
      'x-csrf-token': 't',
      'x-api-key': 'k',
      authorization: 'Bearer x',
      'www-authenticate': 'Basic',
      'content-length': '2',
      'content-encoding': 'gzip',
      connection: 'close',
      date: 'now',
      etag: '"1"',
    }
    const [file] = toMockRecording(key, { status: 200, headers, body: bytes('hi') }, false)
    expect(JSON.parse(text(file?.bytes ?? null))).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain', 'www-authenticate': 'Basic', etag: '"1"' },
      body: 'hi',
    })
    const [kept] = toMockRecording(key, { status: 200, headers, body: bytes('hi') }, true)
    expect(JSON.parse(text(kept?.bytes ?? null)).headers).toMatchObject({
      'set-cookie': ['a=1'],
      authorization: 'Bearer x',
    })
  })

  it('keeps text that is not UTF-8 as bytes', () => {
    const files = toMockRecording(
      key,
      { status: 200, headers: { 'content-type': 'text/plain' }, body: new Uint8Array([0xff]) },
      false,
    )
    expect(files.map((file) => file.name)).toEqual(['GET.body.bin', 'GET.json'])
  })

  it('skips failure statuses, 206, 304 and event streams', () => {
    const mock = resolveMock({ dir: 'm', mode: 'record' }, undefined)
    if (mock === undefined) throw new Error('no mock')
    expect(toRecordSkip(mock, 503, false)).toMatch(/failure statuses/)
    expect(toRecordSkip(mock, 304, false)).toMatch(/cache or range/)
    expect(toRecordSkip(mock, 206, false)).toMatch(/cache or range/)
    expect(toRecordSkip(mock, 200, true)).toMatch(/event streams/)
    expect(toRecordSkip(mock, 200, false)).toBeUndefined()
  })
})
