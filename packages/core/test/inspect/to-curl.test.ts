import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startUpstream } from '@sameorigin/test-utils'
import type { Upstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quoteShell, toCurl } from '../../src/inspect/index.ts'
import type { HeaderList } from '../../src/inspect/index.ts'
import { recordExchange } from './_exchange.ts'

const run = promisify(execFile)

let upstream: Upstream
let folder: string
let marker: string
beforeAll(async () => {
  upstream = await startUpstream()
  folder = await mkdtemp(join(tmpdir(), 'sameorigin-curl-'))
  marker = join(folder, 'pwned')
})
afterAll(async () => {
  await upstream.close()
  await rm(folder, { recursive: true, force: true })
})

/** Runs `command` with bash in the scratch folder, as a user pasting it would. */
async function runCommand(command: string): Promise<void> {
  await run('bash', ['-c', command], { cwd: folder, timeout: 20_000 })
}

/** What arrived upstream last, header names lower-cased, sorted (curl sends Host first). */
function lastArrived() {
  const request = upstream.requests.at(-1)
  if (request === undefined) throw new Error('nothing arrived')
  const headers: { name: string; value: string }[] = []
  for (let i = 0; i < request.rawHeaders.length; i += 2)
    headers.push({
      name: (request.rawHeaders[i] ?? '').toLowerCase(),
      value: request.rawHeaders[i + 1] ?? '',
    })
  return { method: request.method, path: request.path, headers: sortHeaders(headers), body: request.body }
}

function sortHeaders(list: HeaderList): HeaderList {
  return list.toSorted((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value))
}

const hostile = () => ({
  'x-quote': `it's "quoted" \\ back\\slash`,
  'x-subst': `$(touch ${marker}) \`touch ${marker}\` \${HOME}`,
  'x-separators': `a; touch ${marker}; # & | > < *`,
  'x-bang': '!! !$ !-1',
  'x-glob': '[a-z]{1,2}*?',
  'x-empty': '',
})

describe('toCurl, run by bash against a real backend', () => {
  it('sends exactly what the proxy sent: method, URL, headers and a hostile body', async () => {
    const body = `line 1\nit's $(touch ${marker})\r\n\t\`touch ${marker}\` ! é 日本 \\x41 '\\'' "q" %s`
    const bytes = new TextEncoder().encode(body)
    const record = recordExchange({
      target: `${upstream.url}/v1`,
      method: 'POST',
      url: "/api/items/it's?q=[1]&x=$(touch%20x)",
      headers: {
        ...hostile(),
        'content-type': 'text/plain; charset=utf-8',
        'content-length': String(bytes.byteLength),
        authorization: 'Bearer raw-token',
      },
      requestBody: bytes,
    })
    const command = toCurl(record, { showSecrets: true })
    if (command === undefined) throw new Error('no command')
    await runCommand(command)

    const arrived = lastArrived()
    expect(arrived.method).toBe('POST')
    expect(arrived.path).toBe(
      new URL(record.upstreamUrl ?? '').pathname + new URL(record.upstreamUrl ?? '').search,
    )
    expect(arrived.headers).toEqual(sortHeaders(record.request.upstream ?? []))
    expect(arrived.body).toBe(body)
    expect(existsSync(marker)).toBe(false)
  })

  it('a GET with no body, no Accept and no User-Agent: curl adds none of its own', async () => {
    const record = recordExchange({
      target: upstream.url,
      url: '/api/plain',
      headers: { 'x-glob': '{a,b}[0-9]' },
    })
    const command = toCurl(record) ?? ''
    expect(command).toContain("-H 'accept:'")
    await runCommand(command)
    const arrived = lastArrived()
    expect(arrived).toMatchObject({ method: 'GET', path: '/api/plain', body: '' })
    expect(arrived.headers).toEqual(sortHeaders(record.request.upstream ?? []))
  })

  it('masks secrets by default, and the masked command is still valid shell', async () => {
    const record = recordExchange({
      target: upstream.url,
      url: '/api/cb?code=c0',
      headers: { authorization: 'Bearer raw-token', cookie: 'sid=raw' },
    })
    const command = toCurl(record) ?? ''
    expect(command).not.toMatch(/raw-token|sid=raw|c0/)
    expect(command).toContain("-H 'authorization: Bearer ***'")
    await run('bash', ['-n', '-c', command])
  })

  it('leaves out a body it did not capture whole, with its length, and says so', async () => {
    const record = recordExchange({
      target: upstream.url,
      method: 'PUT',
      url: '/api/blob',
      headers: { 'content-type': 'application/octet-stream', 'content-length': '3' },
      requestBody: new Uint8Array([0, 1, 2]),
    })
    const command = toCurl(record) ?? ''
    expect(command.split('\n')[0]).toBe(
      '# the request body (3 bytes) was not captured whole as text: it is left out',
    )
    expect(command).not.toContain('content-length')
    await runCommand(command)
    expect(lastArrived()).toMatchObject({ method: 'PUT', path: '/api/blob', body: '' })
  })

  it('is undefined when nothing went upstream', () => {
    const record = recordExchange({})
    expect(toCurl({ ...record, upstreamUrl: undefined })).toBeUndefined()
  })
})

describe('quoteShell', () => {
  it.each(["it's", 'a\nb', '\x01f\nf\r\n', '$(x) `y` ${z}', '!', '\\', "'\\''", 'é\t日本', '\x7f\x01', ''])(
    'bash reads %j back as the same word',
    async (text) => {
      const { stdout } = await run('bash', ['-c', `printf %s ${quoteShell(text)}`])
      expect(stdout).toBe(text)
    },
  )

  it('refuses a NUL, which no shell word holds', () => {
    expect(() => quoteShell('a\0b')).toThrow(RangeError)
  })
})
