import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { eventually } from '../engine/_start-proxy.ts'
import { PNG_BYTES, TRANSPORTS, startBackend, startRig, tempMockDir } from './_mock-rig.ts'

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

describe.each(TRANSPORTS)('mocks: record, then replay (%s)', (transport) => {
  it('records each answer into the folder, as the browser got it unchanged', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    const rig = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'record' } } },
    })
    const user = await rig.send('/api/users/42')
    // The browser's answer is the live one, rewritten as usual (cookie domain dropped, secrets kept).
    expect(user.status).toBe(200)
    expect(user.header('x-sameorigin-mock')).toBeUndefined()
    expect(user.setCookies).toEqual(['sid=abc; Path=/; HttpOnly'])
    expect(user.header('x-auth-token')).toBe('secret-token')
    expect(JSON.parse(user.text)).toEqual({ id: 42, name: 'Ada', big: '12345678901234567890' })
    const logo = await rig.send('/api/logo.png')
    expect(Buffer.compare(logo.bytes, PNG_BYTES)).toBe(0)
    const packed = await rig.send('/api/packed')
    expect(packed.header('content-encoding')).toBe('gzip')
    await rig.send('/api/users?sort=name&page=2')
    await rig.send('/api/readme')

    const userFile = join(dir, 'api/users/42/GET.json')
    const files = [
      userFile,
      'api/logo.png/GET.json',
      'api/packed/GET.json',
      'api/users/GET.page=2&sort=name.json',
      'api/readme/GET.json',
    ]
    await eventually(() => files.every((file) => existsSync(join(dir, file.replace(dir, '')))), 5000)
    // JSON pretty-printed, the secrets and transfer fields left out.
    expect(readFileSync(userFile, 'utf8')).toContain('\n  "status": 200,\n')
    const recorded = readJson(userFile)
    expect(recorded).toEqual({
      status: 200,
      headers: { 'x-request-id': 'r1', 'content-type': 'application/json; charset=utf-8' },
      body: { id: 42, name: 'Ada', big: '12345678901234567890' },
    })
    // Binary: a body file beside it, byte for byte.
    expect(readJson(join(dir, 'api/logo.png/GET.json'))).toMatchObject({
      status: 200,
      bodyFile: 'GET.body.png',
    })
    expect(Buffer.compare(readFileSync(join(dir, 'api/logo.png/GET.body.png')), PNG_BYTES)).toBe(0)
    // Gzip: saved decoded, without content-encoding.
    const packedFile = readJson(join(dir, 'api/packed/GET.json'))
    expect(packedFile).toEqual({
      status: 200,
      headers: { 'x-request-id': 'r1', 'content-type': 'application/json' },
      body: { packed: true },
    })
    // The query's own file, keys sorted.
    expect(readJson(join(dir, 'api/users/GET.page=2&sort=name.json')).body).toEqual({
      page: '2',
      users: [{ id: 1 }],
    })
    expect(readJson(join(dir, 'api/readme/GET.json')).body).toBe('plain text, é\n')
  })

  it('keeps Set-Cookie and token headers with keepSecrets, and JSON with long numbers as bytes', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    const rig = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'record', keepSecrets: true } } },
    })
    await rig.send('/api/users/42')
    await rig.send('/api/ids')
    await eventually(
      () => existsSync(join(dir, 'api/users/42/GET.json')) && existsSync(join(dir, 'api/ids/GET.json')),
      5000,
    )
    const headers = readJson(join(dir, 'api/users/42/GET.json')).headers as Record<string, unknown>
    expect(headers['set-cookie']).toEqual(['sid=abc; Domain=backend.example; Path=/; HttpOnly'])
    expect(headers['x-auth-token']).toBe('secret-token')
    expect(readJson(join(dir, 'api/ids/GET.json')).bodyFile).toBe('GET.body.json')
    expect(readFileSync(join(dir, 'api/ids/GET.body.json'), 'utf8')).toBe('{"id":12345678901234567890}')
  })

  it('replays in fallback mode once the backend is down, with the failure line saying so', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    const record = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'record' } } },
    })
    await record.send('/api/users/42')
    await record.send('/api/logo.png')
    await eventually(
      () =>
        existsSync(join(dir, 'api/logo.png/GET.body.png')) && existsSync(join(dir, 'api/users/42/GET.json')),
      5000,
    )
    const target = backend.url
    await backend.close()

    const rig = await startRig(transport, { routes: { '/api': { target, mock: dir } }, logLevel: 'debug' })
    const user = await rig.send('/api/users/42')
    expect(user.status).toBe(200)
    expect(user.header('x-sameorigin-mock')).toBe('api/users/42/GET.json')
    expect(JSON.parse(user.text)).toEqual({ id: 42, name: 'Ada', big: '12345678901234567890' })
    expect(user.header('content-length')).toBe(String(user.bytes.byteLength))
    const logo = await rig.send('/api/logo.png')
    expect(logo.header('content-type')).toBe('image/png')
    expect(Buffer.compare(logo.bytes, PNG_BYTES)).toBe(0)
    const warnings = rig.logs.warnings()
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(
      /GET \/api\/users\/42 → .* failed \(502 ERR_UPSTREAM_UNREACHABLE.*Answered from the mock api\/users\/42\/GET\.json\.$/,
    )
    await eventually(() =>
      rig.infos().some((line) => line.includes('GET /api/users/42 → mock api/users/42/GET.json 200')),
    )

    // No mock: the usual error answer, its hint naming the file looked for.
    const missing = await rig.send('/api/nothing?x=1')
    expect(missing.status).toBe(502)
    const error = (JSON.parse(missing.text) as { error: { code: string; hint: string } }).error
    expect(error.code).toBe('ERR_UPSTREAM_UNREACHABLE')
    expect(error.hint).toContain('looked for api/nothing/GET.x=1.json, api/nothing/GET.json')
  })

  it("answers from the mock in 'always' mode without contacting the backend, even when it is up", async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    const record = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'record' } } },
    })
    await record.send('/api/users/42')
    await eventually(() => existsSync(join(dir, 'api/users/42/GET.json')), 5000)
    const before = backend.requests.length

    const rig = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'always' } } },
    })
    const user = await rig.send('/api/users/42')
    expect(user.status).toBe(200)
    expect(user.header('x-sameorigin-mock')).toBe('api/users/42/GET.json')
    const head = await rig.send('/api/users/42', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.bytes.byteLength).toBe(0)
    const post = await rig.send('/api/users/42', {
      method: 'POST',
      body: 'x=1',
      headers: { 'content-type': 'text/plain' },
    })
    expect(post.status).toBe(404)
    const error = (JSON.parse(post.text) as { error: { code: string; message: string; hint: string } }).error
    expect(error.code).toBe('ERR_MOCK_NOT_FOUND')
    expect(error.hint).toContain('api/users/42/POST.json')
    expect(backend.requests.length).toBe(before)
    expect(rig.logs.warnings()[0]).toMatch(
      /^\[sameorigin\] POST \/api\/users\/42 → mock failed \(404 ERR_MOCK_NOT_FOUND/,
    )
  })

  it('answers from the mock when the backend answers a status in the list', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    const record = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'record' } } },
    })
    await record.send('/api/users/42')
    await eventually(() => existsSync(join(dir, 'api/users/42/GET.json')), 5000)
    backend.unavailable.add('/api/users/42')
    backend.unavailable.add('/api/readme')

    const rig = await startRig(transport, { routes: { '/api': { target: backend.url, mock: dir } } })
    const user = await rig.send('/api/users/42')
    expect(user.status).toBe(200)
    expect(user.header('x-sameorigin-mock')).toBe('api/users/42/GET.json')
    expect(rig.logs.warnings()).toEqual([
      expect.stringMatching(
        /GET \/api\/users\/42 → .* failed .*The backend answered 503.*Answered from the mock api\/users\/42\/GET\.json\.$/,
      ),
    ])
    // No mock for it: the backend's own 503 goes on, body and all.
    const readme = await rig.send('/api/readme')
    expect(readme.status).toBe(503)
    expect(readme.text).toBe('deploying')
    expect(readme.header('retry-after')).toBe('5')
    // Other statuses and paths pass as usual.
    expect((await rig.send('/api/users?page=1')).status).toBe(200)
    expect((await rig.send('/api/missing')).status).toBe(404)
  })

  it('answers from the mock when the backend times out', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    const { writeFileSync, mkdirSync } = await import('node:fs')
    mkdirSync(join(dir, 'api/slow'), { recursive: true })
    writeFileSync(join(dir, 'api/slow/GET.json'), JSON.stringify({ body: { slow: false } }))
    const rig = await startRig(transport, {
      routes: { '/api': { target: backend.url, timeout: 200, mock: dir } },
    })
    const slow = await rig.send('/api/slow')
    expect(slow.status).toBe(200)
    expect(JSON.parse(slow.text)).toEqual({ slow: false })
    expect(rig.logs.warnings()[0]).toMatch(
      /ERR_UPSTREAM_TIMEOUT.*Answered from the mock api\/slow\/GET\.json\.$/,
    )
  })

  it('never records event streams, and says so once', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    const rig = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'record' } } },
    })
    expect((await rig.send('/api/events')).text).toBe('data: one\n\n')
    await rig.send('/api/events')
    await rig.send('/api/readme')
    await eventually(() => existsSync(join(dir, 'api/readme/GET.json')), 5000)
    expect(existsSync(join(dir, 'api/events'))).toBe(false)
    expect(rig.infos().filter((line) => line.includes('event streams are never recorded'))).toHaveLength(1)
  })
})
