import { describe, expect, it } from 'vitest'
import { createExchangeLog, filterExchanges, toStatusClass } from '../../src/inspect/index.ts'
import type { ExchangeEvent } from '../../src/inspect/index.ts'
import { recordExchange } from './_exchange.ts'

/** A clock the test moves by hand. */
function createClock(start = 1_000): { now: () => number; advance: (ms: number) => void } {
  let time = start
  return { now: () => time, advance: (ms) => void (time += ms) }
}

describe('createExchangeLog', () => {
  it('records an exchange as it happens: pending, responding, done', () => {
    const clock = createClock()
    const log = createExchangeLog({ now: clock.now })
    const events: ExchangeEvent[] = []
    log.subscribe((event) => events.push(event))

    const started = log.start({
      method: 'GET',
      url: '/api/me?x=1',
      headers: { host: 'localhost:5173', accept: '*/*' },
    })
    expect(started).toMatchObject({ id: 1, startedAt: 1_000, state: 'pending', status: undefined })
    expect(started.request.client).toEqual([
      { name: 'host', value: 'localhost:5173' },
      { name: 'accept', value: '*/*' },
    ])
    log.update(started.id, {
      route: '/api',
      upstreamUrl: 'http://127.0.0.1:8080/api/me?x=1',
      timings: { connect: 3 },
    })
    clock.advance(20)
    const responding = log.update(started.id, {
      status: 200,
      upstreamResponseHeaders: { 'content-type': 'application/json' },
      clientResponseHeaders: { 'content-type': 'application/json' },
      timings: { firstByte: 20 },
    })
    expect(responding).toMatchObject({
      state: 'responding',
      status: 200,
      timings: { connect: 3, firstByte: 20 },
    })
    log.body(started.id, 'response', new TextEncoder().encode('{"me":'))
    log.body(started.id, 'response', new TextEncoder().encode('1}'))
    clock.advance(5)
    const done = log.end(started.id)
    expect(done).toMatchObject({
      state: 'done',
      duration: 25,
      size: 8,
      timings: { connect: 3, tls: undefined, firstByte: 20, total: 25 },
      response: { body: { size: 8, text: '{"me":1}', truncated: false, mimeType: 'application/json' } },
    })
    expect(done?.request.body).toBeUndefined()
    expect(events.map((event) => event.type)).toEqual(['start', 'update', 'update', 'end'])
    // Snapshots: an earlier record is not changed by later updates.
    expect(started.state).toBe('pending')
    expect(log.get(started.id)).toBe(done)
  })

  it('ends once: a failure with its code, message and hint; later calls change nothing', () => {
    const log = createExchangeLog()
    const { id } = log.start({ method: 'GET', url: '/api/x', headers: {} })
    const failure = {
      code: 'ERR_UPSTREAM_UNREACHABLE',
      message: 'refused',
      hint: 'start the backend',
      extra: 1,
    }
    const failed = log.end(id, { failure })
    expect(failed).toMatchObject({
      state: 'failed',
      failure: { code: 'ERR_UPSTREAM_UNREACHABLE', message: 'refused', hint: 'start the backend' },
    })
    expect(failed?.failure).not.toHaveProperty('extra')
    expect(log.end(id)).toBe(failed)
    expect(log.update(id, { status: 200 })).toBe(failed)
    log.body(id, 'response', new Uint8Array(3))
    expect(log.get(id)?.size).toBe(0)
  })

  it('keeps the last `capacity` exchanges, announcing each that leaves', () => {
    const log = createExchangeLog({ capacity: 3 })
    const evicted: number[] = []
    log.subscribe((event) => {
      if (event.type === 'evict') evicted.push(event.id)
    })
    for (let i = 0; i < 5; i++) log.start({ method: 'GET', url: `/api/${i}`, headers: {} })
    expect(log.list().map((record) => record.id)).toEqual([3, 4, 5])
    expect(evicted).toEqual([1, 2])
    // An evicted exchange still in flight is ignored, not revived.
    expect(log.update(1, { status: 200 })).toBeUndefined()
    expect(log.end(1)).toBeUndefined()
    expect(log.list()).toHaveLength(3)
  })

  it('holds 500 exchanges by default, with ids never reused after clear', () => {
    const log = createExchangeLog()
    expect(log.capacity).toBe(500)
    expect(log.bodyLimit).toBe(64 * 1024)
    for (let i = 0; i < 501; i++) log.start({ method: 'GET', url: '/', headers: {} })
    expect(log.list()).toHaveLength(500)
    log.clear()
    expect(log.list()).toEqual([])
    expect(log.start({ method: 'GET', url: '/', headers: {} }).id).toBe(502)
  })

  it('takes the size a transport counted itself', () => {
    const log = createExchangeLog()
    const { id } = log.start({ method: 'GET', url: '/api', headers: {} })
    expect(log.end(id, { size: 1234 })?.size).toBe(1234)
  })

  it('caps each body at bodyLimit and counts all of it', () => {
    const log = createExchangeLog({ bodyLimit: 4 })
    const { id } = log.start({ method: 'POST', url: '/api', headers: { 'content-type': 'text/plain' } })
    log.body(id, 'request', new TextEncoder().encode('abcdef'))
    log.body(id, 'request', new TextEncoder().encode('gh'))
    expect(log.end(id)?.request.body).toEqual({
      size: 8,
      text: 'abcd',
      truncated: true,
      mimeType: 'text/plain',
    })
  })

  it('stops calling a listener once unsubscribed, and survives one that throws', () => {
    const log = createExchangeLog()
    const heard: string[] = []
    log.subscribe(() => {
      throw new Error('a closed stream')
    })
    const unsubscribe = log.subscribe((event) => heard.push(event.type))
    const { id } = log.start({ method: 'GET', url: '/', headers: {} })
    unsubscribe()
    log.end(id)
    expect(heard).toEqual(['start'])
  })

  it('marks an exchange a mock answered, from the real mock answer', () => {
    const record = recordExchange({
      mock: 'api/session/GET.json',
      upstream: { 'content-type': 'application/json' },
    })
    expect(record.mock).toBe('api/session/GET.json')
    expect(recordExchange({}).mock).toBeUndefined()
  })
})

describe('filterExchanges', () => {
  const log = createExchangeLog()
  const add = (url: string, status: number | undefined, route?: string, failure?: string) => {
    const { id } = log.start({ method: url.startsWith('/auth') ? 'POST' : 'GET', url, headers: {} })
    log.update(id, {
      route,
      status,
      upstreamUrl: route === undefined ? undefined : `https://staging.example.com/v1${url}`,
    })
    if (failure !== undefined) log.end(id, { failure: { code: failure, message: 'm', hint: 'h' } })
    else if (status !== undefined) log.end(id)
  }
  add('/api/users', 200, '/api')
  add('/api/users/42', 404, '/api')
  add('/auth/login', 302, '/auth')
  add('/api/slow', undefined, '/api')
  add('/api/down', 502, '/api', 'ERR_UPSTREAM_UNREACHABLE')
  const urls = (filter: Parameters<typeof filterExchanges>[1]) => log.list(filter).map((record) => record.url)

  it.each<[string, Parameters<typeof filterExchanges>[1], string[]]>([
    ['text in the URL, any case', { text: 'USERS' }, ['/api/users', '/api/users/42']],
    ['text in the upstream URL', { text: 'staging.example.com/v1/auth' }, ['/auth/login']],
    ['text in the method', { text: 'post' }, ['/auth/login']],
    ['text in the status', { text: '404' }, ['/api/users/42']],
    ['text in the error code', { text: 'unreachable' }, ['/api/down']],
    ['a status class', { status: '2xx' }, ['/api/users']],
    ['several classes', { status: ['4xx', 'failed'] }, ['/api/users/42', '/api/down']],
    ['in flight', { status: 'pending' }, ['/api/slow']],
    ['a route', { route: '/auth' }, ['/auth/login']],
    ['every condition', { route: '/api', status: ['2xx', '4xx'], text: '42' }, ['/api/users/42']],
    ['no condition', {}, ['/api/users', '/api/users/42', '/auth/login', '/api/slow', '/api/down']],
  ])('%s', (_title, filter, expected) => {
    expect(urls(filter)).toEqual(expected)
  })

  it('classes a failure apart from its status', () => {
    expect(log.list().map(toStatusClass)).toEqual(['2xx', '4xx', '3xx', 'pending', 'failed'])
  })
})
