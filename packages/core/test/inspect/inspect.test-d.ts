import type { Har } from 'har-format'
import { describe, expectTypeOf, it } from 'vitest'
import { createExchangeLog, explainChanges, maskExchange, toCurl, toHar } from '../../src/index.ts'
import type { ExchangeEvent, ExchangeRecord, HeaderChange } from '../../src/index.ts'

describe('the inspector API from @sameorigin/core', () => {
  it('types what a page and an event stream are built on', () => {
    const log = createExchangeLog({ capacity: 10 })
    expectTypeOf(log.start({ method: 'GET', url: '/', headers: {} })).toEqualTypeOf<ExchangeRecord>()
    expectTypeOf(log.update).returns.toEqualTypeOf<ExchangeRecord | undefined>()
    expectTypeOf(log.subscribe).parameter(0).parameter(0).toEqualTypeOf<ExchangeEvent>()
    expectTypeOf(maskExchange).returns.toEqualTypeOf<ExchangeRecord>()
    expectTypeOf(explainChanges).returns.toEqualTypeOf<HeaderChange[]>()
    expectTypeOf(toHar).returns.toEqualTypeOf<Har>()
    expectTypeOf(toCurl).returns.toEqualTypeOf<string | undefined>()
  })

  it('keeps records read-only', () => {
    const record = {} as ExchangeRecord
    // @ts-expect-error a record is never mutated: updates make a new one
    record.status = 200
  })
})
