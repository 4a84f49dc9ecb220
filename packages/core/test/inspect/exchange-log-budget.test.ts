import { describe, expect, it } from 'vitest'
import { createExchangeLog, DEFAULT_BODY_BUDGET } from '../../src/inspect/create-exchange-log.ts'
import type { ExchangeLog } from '../../src/inspect/index.ts'
import type { ReadonlyHeaderRecord } from '../../src/rewrite/types.ts'

const encode = (text: string) => new TextEncoder().encode(text)
const TEXT: ReadonlyHeaderRecord = { 'content-type': 'text/plain' }

/** One exchange, start to end, with a text answer (and a text request body when given). */
function exchange(log: ExchangeLog, answer: string | Uint8Array, type = TEXT, request?: string): number {
  const { id } = log.start({ method: 'POST', url: '/api', headers: TEXT })
  if (request !== undefined) log.body(id, 'request', encode(request))
  log.update(id, { status: 200, clientResponseHeaders: type })
  log.body(id, 'response', typeof answer === 'string' ? encode(answer) : answer)
  log.end(id)
  return id
}

const answerText = (log: ExchangeLog, id: number) => log.get(id)?.response.body?.text

describe('the body budget of createExchangeLog', () => {
  it('is 16 MiB by default, and never less than two bodies', () => {
    expect(DEFAULT_BODY_BUDGET).toBe(16 * 1024 * 1024)
    expect(createExchangeLog().bodyBudget).toBe(DEFAULT_BODY_BUDGET)
    expect(createExchangeLog({ bodyLimit: 10 * 1024 * 1024 }).bodyBudget).toBe(20 * 1024 * 1024)
    expect(createExchangeLog({ bodyLimit: 4, bodyBudget: 1 }).bodyBudget).toBe(8)
  })

  it("lets go of the oldest exchanges' body text first; their sizes stay", () => {
    const log = createExchangeLog({ bodyLimit: 4, bodyBudget: 8 })
    const [a, b] = [exchange(log, 'aaaa'), exchange(log, 'bbbb')]
    expect([answerText(log, a), answerText(log, b)]).toEqual(['aaaa', 'bbbb'])
    const c = exchange(log, 'cccc')
    expect(log.get(a)?.response.body).toEqual({
      size: 4,
      text: undefined,
      truncated: true,
      mimeType: 'text/plain',
    })
    expect(log.get(a)?.size).toBe(4)
    expect([answerText(log, b), answerText(log, c)]).toEqual(['bbbb', 'cccc'])
  })

  it('drops both bodies of an exchange together', () => {
    const log = createExchangeLog({ bodyLimit: 4, bodyBudget: 8 })
    const a = exchange(log, 'aa', TEXT, 'AA')
    exchange(log, 'bbbb')
    expect(log.get(a)?.request.body?.text).toBe('AA')
    exchange(log, 'cc')
    expect(log.get(a)?.request.body).toMatchObject({ size: 2, text: undefined, truncated: true })
    expect(log.get(a)?.response.body).toMatchObject({ size: 2, text: undefined, truncated: true })
  })

  it('never takes bytes from a newer exchange for an older one still in flight', () => {
    const log = createExchangeLog({ bodyLimit: 4, bodyBudget: 8 })
    const { id: old } = log.start({ method: 'POST', url: '/api/upload', headers: TEXT })
    const newer = [exchange(log, 'bbbb'), exchange(log, 'cccc')]
    log.body(old, 'request', encode('late'))
    expect(log.end(old)?.request.body).toEqual({
      size: 4,
      text: undefined,
      truncated: true,
      mimeType: 'text/plain',
    })
    expect(newer.map((id) => answerText(log, id))).toEqual(['bbbb', 'cccc'])
  })

  it('keeps counting a body whose bytes were let go while it passed, and keeps none of the rest', () => {
    const log = createExchangeLog({ bodyLimit: 4, bodyBudget: 8 })
    const { id: old } = log.start({ method: 'POST', url: '/api/upload', headers: TEXT })
    log.body(old, 'request', encode('ab'))
    exchange(log, 'bbbb')
    exchange(log, 'cccc')
    exchange(log, 'dd')
    log.body(old, 'request', encode('cd'))
    expect(log.end(old)?.request.body).toMatchObject({ size: 4, text: undefined, truncated: true })
    expect(log.list().map((record) => record.response.body?.text)).toEqual([
      undefined,
      undefined,
      'cccc',
      'dd',
    ])
  })

  it('holds no bytes for a body shown by its size only (binary, compressed)', () => {
    const log = createExchangeLog({ bodyLimit: 4, bodyBudget: 8 })
    const a = exchange(log, 'aaaa')
    const binary = exchange(log, new Uint8Array(4), { 'content-type': 'application/octet-stream' })
    const gzip = exchange(log, 'zzzz', { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
    const b = exchange(log, 'bbbb')
    expect([answerText(log, a), answerText(log, b)]).toEqual(['aaaa', 'bbbb'])
    expect(log.get(binary)?.response.body).toMatchObject({ size: 4, text: undefined, truncated: false })
    expect(log.get(gzip)?.response.body).toMatchObject({ size: 4, text: undefined, truncated: false })
  })

  it('counts text beyond ASCII at two bytes a character, as it sits in memory', () => {
    const log = createExchangeLog({ bodyLimit: 4, bodyBudget: 8 })
    // 'aéa' is 4 bytes and 3 characters: 6 bytes in memory, so two of them do not fit in 8.
    const a = exchange(log, 'aéa')
    const b = exchange(log, 'bée')
    expect([answerText(log, a), answerText(log, b)]).toEqual([undefined, 'bée'])
  })

  it('gets back the bytes of exchanges that leave the log', () => {
    const log = createExchangeLog({ capacity: 2, bodyLimit: 4, bodyBudget: 8 })
    exchange(log, 'aaaa')
    const b = exchange(log, 'bbbb')
    const c = exchange(log, 'cccc')
    expect([answerText(log, b), answerText(log, c)]).toEqual(['bbbb', 'cccc'])
    log.clear()
    const d = exchange(log, 'dddd')
    const e = exchange(log, 'eeee')
    expect([answerText(log, d), answerText(log, e)]).toEqual(['dddd', 'eeee'])
  })

  it('keeps 500 exchanges of 64 KiB each way within 16 MiB, the newest whole', () => {
    const log = createExchangeLog()
    const body = 'x'.repeat(64 * 1024)
    for (let i = 0; i < 500; i++) exchange(log, body, TEXT, body)
    const records = log.list()
    const kept = records
      .flatMap((record) => [record.request.body?.text, record.response.body?.text])
      .reduce((sum, text) => sum + (text?.length ?? 0), 0)
    expect(records).toHaveLength(500)
    expect(kept).toBeLessThanOrEqual(DEFAULT_BODY_BUDGET)
    expect(kept).toBeGreaterThan(DEFAULT_BODY_BUDGET - 128 * 1024)
    expect(records.at(-1)?.response.body?.text).toBe(body)
    expect(records[0]?.response.body).toMatchObject({ size: 64 * 1024, text: undefined, truncated: true })
    expect(records.every((record) => record.response.body?.size === 64 * 1024)).toBe(true)
  })
})
