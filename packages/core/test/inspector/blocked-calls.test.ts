// A blocked call reported to a real engine (the inspector on, a real backend on 127.0.0.1:0): the
// block printed in the terminal is the same entry in the inspector's log, served masked, live over
// the event stream, filterable, and left out of HAR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExchangeRecord } from '../../src/inspect/index.ts'
import { maskQueries } from '../../src/inspect/mask-value.ts'
import { startProxy } from '../engine/_start-proxy.ts'
import type { TestProxy } from '../engine/_start-proxy.ts'
import { startBackend } from '../report/_backends.ts'
import type { Backend } from '../report/_backends.ts'
import { harValidator } from '@sameorigin/test-utils'
import { waitFor } from './_serve-inspector.ts'

type Served = ExchangeRecord & { statusClass: string }

let backend: Backend
beforeAll(async () => {
  backend = await startBackend()
})
afterAll(() => backend.close())

async function start(): Promise<TestProxy> {
  return startProxy({ routes: { '/api': `${backend.url}/v1` } }, { inspector: true })
}

function report(proxy: TestProxy, call: Record<string, unknown>): Promise<Response> {
  return fetch(`${proxy.url}/__sameorigin/report`, {
    method: 'POST',
    headers: {
      origin: proxy.url,
      'content-type': 'text/plain;charset=UTF-8',
      'sec-fetch-site': 'same-origin',
    },
    body: JSON.stringify({
      kind: 'fetch',
      method: 'GET',
      headers: [],
      credentials: 'same-origin',
      pageOrigin: proxy.url,
      ...call,
    }),
  })
}

async function list(proxy: TestProxy, query = '', init?: RequestInit): Promise<Served[]> {
  const answer = await fetch(`${proxy.url}/__sameorigin/api/exchanges${query}`, init)
  expect(answer.status).toBe(200)
  return ((await answer.json()) as { exchanges: Served[] }).exchanges
}

/** Reads the event stream until `until` is in it (or the bound passes); then stops reading. */
async function readEvents(response: Response, until: string): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let text = ''
  const deadline = Date.now() + 20_000
  while (!text.includes(until) && Date.now() < deadline) {
    const { value, done } = await reader.read()
    if (done) break
    text += value
  }
  await reader.cancel()
  return text
}

describe('a blocked call in the inspector', () => {
  it('is the block the terminal printed, served masked and live, once per shape', async () => {
    const proxy = await start()
    const events = await fetch(`${proxy.url}/__sameorigin/api/events`)
    const seen = readEvents(events, '"state":"blocked"')
    const url = `${backend.url}/v1/me?token=abc123`
    const call = { url, credentials: 'include', headers: ['authorization'] }
    expect((await report(proxy, call)).status).toBe(204)
    await waitFor(async () => (await list(proxy, '?status=blocked')).length === 1, 'the blocked entry')
    const [entry] = await list(proxy, '?status=blocked')
    const [printed] = proxy.logs.warnings()
    expect(printed).toContain(`fetch() GET ${url} from ${proxy.url}, with credentials`)
    expect(entry).toMatchObject({
      state: 'blocked',
      statusClass: 'blocked',
      method: 'GET',
      url: `${backend.url}/v1/me?token=***`,
      route: '/api',
      devOrigin: proxy.url,
      blocked: {
        api: 'fetch',
        credentials: 'include',
        headers: ['authorization'],
        check: 'diagnosed',
        fix: {
          title: `This page calls ${backend.url}/v1/me?token=*** directly; call /api/me?token=*** instead`,
        },
        command: `sameorigin doctor '${backend.url}/v1/me?token=***' --origin '${proxy.url}' --header 'authorization' --credentials`,
      },
    })
    expect([entry?.status, entry?.upstreamUrl, entry?.request.upstream]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    expect(`[sameorigin] ${entry?.blocked?.verdict}`).toBe(maskQueries(printed ?? ''))
    expect(entry?.blocked?.verdict).toContain('✖ ')
    expect(JSON.stringify(entry)).not.toContain('abc123')
    expect(await seen).toContain('"verdict":"The browser blocked a call to another origin')
    expect(await report(proxy, { ...call, url: `${backend.url}/v1/me?token=other` })).toHaveProperty(
      'status',
      204,
    )
    const detail = await fetch(`${proxy.url}/__sameorigin/api/exchanges/${entry?.id}`)
    expect(((await detail.json()) as { exchange: Served }).exchange.statusClass).toBe('blocked')
    expect((await fetch(`${proxy.url}/__sameorigin/api/exchanges/${entry?.id}/curl`)).status).toBe(409)
    expect(await list(proxy)).toHaveLength(1)
  })

  it('is filtered with the exchanges, shows its secrets only to the switch, and stays out of HAR', async () => {
    const proxy = await start()
    expect((await fetch(`${proxy.url}/api/cors/items`)).status).toBe(200)
    await report(proxy, { kind: 'websocket', url: `${backend.url.replace('http', 'ws')}/live?key=k1` })
    await waitFor(() => proxy.logs.warnings().length === 1, 'the websocket block')
    await waitFor(async () => (await list(proxy)).length === 2, 'both entries')
    const [blocked, forwarded] = await list(proxy)
    expect(blocked?.route).toBeUndefined()
    expect(blocked).toMatchObject({ blocked: { api: 'websocket', check: 'websocket' } })
    expect(blocked?.blocked?.fix?.title).toContain("Add '/live'")
    expect(forwarded).toMatchObject({ state: 'done', status: 200, route: '/api' })
    expect((await list(proxy, '?text=websocket')).map((record) => record.id)).toEqual([blocked?.id])
    expect((await list(proxy, '?route=/api')).map((record) => record.id)).toEqual([forwarded?.id])
    expect((await list(proxy, '?status=2xx,blocked')).map((record) => record.id)).toEqual([
      blocked?.id,
      forwarded?.id,
    ])
    expect(blocked?.url).toBe(`${backend.url.replace('http', 'ws')}/live?key=***`)
    const session = await fetch(`${proxy.url}/__sameorigin/api/session`, {
      method: 'POST',
      headers: { origin: proxy.url, 'content-type': 'application/json' },
      body: '{"showSecrets":true}',
    })
    const cookie = session.headers.get('set-cookie')?.split(';')[0] ?? ''
    const [shown] = await list(proxy, '?status=blocked', { headers: { cookie } })
    expect(shown?.blocked?.verdict).toContain('/live?key=k1')
    const har = (await (await fetch(`${proxy.url}/__sameorigin/api/har`)).json()) as {
      log: { entries: { request: { url: string } }[] }
    }
    const validate = harValidator()
    expect(validate(har) ? [] : validate.errors).toEqual([])
    expect(har.log.entries.map((entry) => entry.request.url)).toEqual([`${proxy.url}/api/cors/items`])
  })
})
