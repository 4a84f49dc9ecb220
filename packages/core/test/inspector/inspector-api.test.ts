import { describe, expect, it } from 'vitest'
import type { ExchangeRecord, HeaderChange } from '../../src/inspect/index.ts'
import { harValidator } from '@sameorigin/test-utils'
import { LOGIN, MISSING, USERS, useServedInspector } from './_serve-inspector.ts'

const served = useServedInspector()
const { api } = served
async function list(query = ''): Promise<ExchangeRecord[]> {
  const answer = await api(`exchanges${query}`)
  expect(answer.status).toBe(200)
  return ((await answer.json()) as { exchanges: ExchangeRecord[] }).exchanges
}

describe('the inspector handler', () => {
  it('serves the page and its files under /__sameorigin/, and leaves every other path to the app', async () => {
    const page = await fetch(`${served.inspector.url}/__sameorigin/`)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toContain('<script type="module" src="inspector.js">')
    for (const name of [
      'inspector.css',
      'inspector.js',
      'inspector-table.js',
      'inspector-detail.js',
      'inspector-dom.js',
      'inspector-blocked.js',
    ])
      expect((await fetch(`${served.inspector.url}/__sameorigin/${name}`)).status).toBe(200)
    expect((await fetch(`${served.inspector.url}/__sameorigin/..%2fpackage.json`)).status).toBe(404)
    expect((await fetch(`${served.inspector.url}/__sameorigin/secret.txt`)).status).toBe(404)
    expect(
      (await fetch(`${served.inspector.url}/__sameorigin`, { redirect: 'manual' })).headers.get('location'),
    ).toBe('/__sameorigin/')
    expect(await (await fetch(`${served.inspector.url}/api/users`)).text()).toBe('the app')
  })

  it('lists newest first, masked, without bodies, and filters by text, status class and route', async () => {
    const login = served.inspector.record(LOGIN)
    const users = served.inspector.record(USERS)
    const missing = served.inspector.record(MISSING)
    const all = await list()
    expect(all.map((record) => record.id)).toEqual([missing, users, login])
    const shown = all[2]
    expect(shown?.url).toBe('/api/login?token=***')
    expect(shown?.request.client.find((entry) => entry.name === 'authorization')?.value).toBe('Bearer ***')
    expect(shown?.request.body?.size).toBe(14)
    expect(shown?.request.body).not.toHaveProperty('text')
    expect((await list('?text=USERS')).map((record) => record.id)).toEqual([users])
    expect((await list('?status=3xx,4xx')).map((record) => record.id)).toEqual([missing, login])
    expect(await list('?route=/api')).toHaveLength(3)
    expect(await list('?route=/other')).toEqual([])
    const wrong = await api('exchanges?status=404')
    expect(wrong.status).toBe(400)
    expect(((await wrong.json()) as { error: string }).error).toContain('status=404 is not a status class')
  })

  it('serves one exchange with its bodies and every change explained, curl as text, 404 for a gone one', async () => {
    const id = served.inspector.record(LOGIN)
    const answer = (await (await api(`exchanges/${id}`)).json()) as {
      exchange: ExchangeRecord
      changes: HeaderChange[]
    }
    expect(answer.exchange.request.body?.text).toBe('{"user":"ada"}')
    const explanations = answer.changes.map((change) => change.explanation)
    expect(explanations).toContain(
      'Location https://staging.example.com/v1/home → /api/home: points at the dev server instead of the target (redirects)',
    )
    expect(explanations.join('\n')).toContain('Set-Cookie sid: Domain=staging.example.com removed')
    expect(JSON.stringify(answer)).not.toContain('s3cret')
    const curl = await api(`exchanges/${id}/curl`)
    expect(curl.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const command = await curl.text()
    expect(command).toContain("'https://staging.example.com/v1/login?token=***'")
    expect(command).toContain("-H 'authorization: Bearer ***'")
    expect((await api('exchanges/999')).status).toBe(404)
    expect((await api('exchanges/999/curl')).status).toBe(404)
    expect((await api('nothing')).status).toBe(404)
  })

  it('exports a valid HAR 1.2 download of the ids asked, or of the filter', async () => {
    const validate = harValidator()
    const login = served.inspector.record(LOGIN)
    served.inspector.record(USERS)
    const missing = served.inspector.record(MISSING)
    const answer = await api(`har?ids=${missing},${login}`)
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="sameorigin-.+\.har"$/)
    const har = (await answer.json()) as { log: { entries: Record<string, { id: number }>[] } }
    expect(validate(har) ? [] : validate.errors).toEqual([])
    expect(har.log.entries.map((entry) => entry['_sameorigin']?.id)).toEqual([login, missing])
    expect(JSON.stringify(har)).not.toContain('t0ps3cret')
    const filtered = (await (await api('har?status=2xx')).json()) as typeof har
    expect(filtered.log.entries).toHaveLength(1)
    expect((await api('har?ids=1,x')).status).toBe(400)
  })
})
