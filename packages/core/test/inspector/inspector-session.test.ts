import { describe, expect, it } from 'vitest'
import type { ExchangeRecord } from '../../src/inspect/index.ts'
import { LOGIN, serveInspector, USERS, useServedInspector, waitFor } from './_serve-inspector.ts'

const served = useServedInspector()
const { api } = served
const turn = (showSecrets: unknown, headers: Record<string, string> = {}) =>
  api('session', {
    method: 'POST',
    headers: { origin: served.inspector.url, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ showSecrets }),
  })
async function firstUrl(headers: Record<string, string> = {}): Promise<string | undefined> {
  const answer = (await (await api('exchanges', { headers })).json()) as { exchanges: ExchangeRecord[] }
  return answer.exchanges[0]?.url
}
/** The `name=value` part of a `Set-Cookie`. */
const toCookie = (setCookie: string | null) => (setCookie ?? '').split(';')[0] ?? ''

describe('the secrets switch', () => {
  it('masks by default, shows secrets to the session that asked with its HttpOnly cookie only, masks again when turned off', async () => {
    served.inspector.record(LOGIN)
    expect(await firstUrl()).toBe('/api/login?token=***')
    expect(await (await api('session')).json()).toEqual({ showSecrets: false })
    const on = await turn(true)
    expect(on.status).toBe(200)
    const setCookie = on.headers.get('set-cookie')
    expect(setCookie).toMatch(
      /^sameorigin-inspector=[0-9a-f]{48}; HttpOnly; SameSite=Strict; Path=\/__sameorigin\/$/,
    )
    const cookie = toCookie(setCookie)
    expect(await firstUrl({ cookie })).toBe('/api/login?token=abc123')
    expect(await (await api('session', { headers: { cookie } })).json()).toEqual({ showSecrets: true })
    expect(await firstUrl({ cookie: 'sameorigin-inspector=00' })).toBe('/api/login?token=***')
    const off = await turn(false, { cookie })
    expect(off.headers.get('set-cookie')).toContain('sameorigin-inspector=; Max-Age=0')
    expect(await firstUrl({ cookie })).toBe('/api/login?token=***')
  })

  it('answers a body without a boolean showSecrets with 400 naming the key', async () => {
    const answer = await turn('yes')
    expect(answer.status).toBe(400)
    expect(((await answer.json()) as { error: string }).error).toContain('{"showSecrets": true}')
  })
})

describe('cross-site requests', () => {
  it('refuses a state change whose Origin is another or missing, and anything marked Sec-Fetch-Site: cross-site', async () => {
    served.inspector.record(USERS)
    for (const origin of ['http://evil.example', 'null']) {
      const answer = await turn(true, { origin })
      expect(answer.status).toBe(403)
      expect(answer.headers.get('set-cookie')).toBeNull()
    }
    const bare = await api('session', { method: 'POST', body: '{"showSecrets":true}' })
    expect(bare.status).toBe(403)
    expect(((await bare.json()) as { error: string }).error).toContain('Origin (none) is not')
    expect(
      (await api('exchanges', { method: 'DELETE', headers: { origin: 'http://evil.example' } })).status,
    ).toBe(403)
    expect(served.inspector.log.list()).toHaveLength(1)
    for (const path of ['exchanges', 'exchanges/1', 'har', 'events', 'session'])
      expect((await api(path, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect(
      (await fetch(`${served.inspector.url}/__sameorigin/`, { headers: { 'sec-fetch-site': 'cross-site' } }))
        .status,
    ).toBe(403)
    expect((await api('exchanges', { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200)
  })

  it('clears the log on DELETE from its own origin', async () => {
    served.inspector.record(USERS)
    expect(
      (await api('exchanges', { method: 'DELETE', headers: { origin: served.inspector.url } })).status,
    ).toBe(204)
    expect(served.inspector.log.list()).toEqual([])
  })
})

describe('the event stream', () => {
  it('sends a heartbeat comment while idle', async () => {
    const quick = await serveInspector({ heartbeatMs: 20 })
    const client = new AbortController()
    try {
      const answer = await fetch(`${quick.url}/__sameorigin/api/events`, { signal: client.signal })
      const reader = answer.body!.pipeThrough(new TextDecoderStream()).getReader()
      let text = ''
      while (!text.includes(': heartbeat\n\n')) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`the stream ended without a heartbeat: ${text}`)
        text += value
      }
      expect(text.startsWith(': connected\n\n')).toBe(true)
    } finally {
      client.abort()
      await quick.close()
    }
  })

  it('delivers a new exchange, masked, then unsubscribes when the client goes', async () => {
    const client = new AbortController()
    const answer = await api('events', { signal: client.signal })
    expect(answer.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(answer.headers.get('cache-control')).toBe('no-store, no-transform')
    const reader = answer.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`the stream ended before ${needle}: ${text}`)
        text += value
      }
    }
    await readUntil(': connected')
    expect(served.inspector.subscribers()).toBe(1)
    const id = served.inspector.record(LOGIN)
    await readUntil('event: end')
    const start = /event: start\ndata: (.+)\n\n/.exec(text)?.[1]
    expect(JSON.parse(start ?? '{}')).toMatchObject({ id, method: 'POST', url: '/api/login?token=***' })
    expect(text).not.toContain('abc123')
    client.abort()
    await waitFor(() => served.inspector.subscribers() === 0, 'the stream to unsubscribe')
  })
})
