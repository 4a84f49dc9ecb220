import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { request } from '@sameorigin/test-utils'
import { afterAll, expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { eventually } from '../src/eventually.ts'
import { useClosedPort, useUpstream } from '../src/use-upstream.ts'

describeHosts('mocks', { requires: ['mocks'] }, ({ it, serve }) => {
  const upstream = useUpstream()
  const down = useClosedPort()
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-mocks-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const put = (path: string, content: unknown): void => {
    const file = join(dir, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`)
  }
  const items = { status: 200, headers: { 'content-type': 'application/json' }, body: { items: [1, 2] } }
  put('offline/items/GET.json', items)
  put('down/items/GET.json', items)
  const app = serve(() => ({
    routes: {
      '/offline': { target: upstream.url, mock: { dir, mode: 'always' as const } },
      '/down': { target: down.url, mock: dir },
      '/rec': { target: upstream.url, mock: { dir, mode: 'record' as const } },
    },
  }))

  it("'always' answers from the folder, marked, and never calls the backend", async () => {
    const res = await request(`${app.url}/offline/items?page=1`)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ items: [1, 2] })
    expect(res.headers['x-sameorigin-mock']).toBe('offline/items/GET.json')
    const missing = await request(`${app.url}/offline/nothing`, { headers: { accept: 'application/json' } })
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('ERR_MOCK_NOT_FOUND')
    expect(upstream.requests).toEqual([])
  })

  it("'fallback' answers from the folder when the backend is unreachable", async () => {
    const res = await request(`${app.url}/down/items`)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ items: [1, 2] })
    expect(res.headers['x-sameorigin-mock']).toBe('down/items/GET.json')
  })

  it("'record' passes the backend's answer on and saves it, which 'always' then replays", async () => {
    const res = await request(`${app.url}/rec/hello`)
    expect(res.status).toBe(200)
    expect(res.headers['x-sameorigin-mock']).toBeUndefined()
    expect(upstream.requests).toHaveLength(1)
    const file = join(dir, 'rec/hello/GET.json')
    await eventually(() => existsSync(file))
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { status: number; body: { path: string } }
    expect(saved.status).toBe(200)
    expect(saved.body.path).toBe('/rec/hello')
    // The recording is what an offline route serves.
    put('offline/hello/GET.json', saved)
    const replay = await request(`${app.url}/offline/hello`)
    expect(JSON.parse(replay.body)).toEqual(saved.body)
  })
})
