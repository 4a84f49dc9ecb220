import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Upstream } from '@sameorigin/test-utils'
import { onTestFinished } from 'vitest'
import { createNodeClient } from '../../src/fetch/node/create-node-client.ts'
import type { ResolvedConfig, UserConfig } from '../../src/types.ts'
import type { CapturedLogs } from '../engine/_start-proxy.ts'
import { startProxy, upstreamForTest } from '../engine/_start-proxy.ts'
import { startFetchProxy } from '../fetch/_fetch-proxy.ts'

/** The two transports every mock scenario runs on. */
export const TRANSPORTS = ['node engine', 'fetch transport'] as const
export type TransportName = (typeof TRANSPORTS)[number]

/** An answer as the browser got it, bytes untouched (nothing decompressed). */
export interface RigAnswer {
  readonly status: number
  readonly header: (name: string) => string | undefined
  readonly setCookies: readonly string[]
  readonly bytes: Buffer
  readonly text: string
}

export interface MockRig {
  readonly send: (path: string, init?: SendInit) => Promise<RigAnswer>
  readonly logs: CapturedLogs
  /** Lines logged at `info` (the `debug` lines of `logLevel: 'debug'` arrive there). */
  readonly infos: () => string[]
}

export interface SendInit {
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
}

/** A proxy with `config` on `transport`: the Node engine on a real server, or the Fetch transport's Node entry. */
export async function startRig(
  transport: TransportName,
  config: UserConfig | ResolvedConfig,
): Promise<MockRig> {
  if (transport === 'node engine') {
    const proxy = await startProxy(config)
    return {
      send: (path, init) => sendHttp(`${proxy.url}${path}`, init),
      logs: proxy.logs,
      infos: infos(proxy.logs),
    }
  }
  const { send, logs } = startFetchProxy(config, createNodeClient({ env: {} }))
  return {
    logs,
    infos: infos(logs),
    send: async (path, init = {}) => {
      const response = await send(path, { method: init.method, headers: init.headers, body: init.body })
      if (response === undefined) throw new Error(`no route took ${path}`)
      const bytes = Buffer.from(await response.arrayBuffer())
      return {
        status: response.status,
        header: (name) => response.headers.get(name) ?? undefined,
        setCookies: response.headers.getSetCookie(),
        bytes,
        text: bytes.toString('utf8'),
      }
    },
  }
}

function infos(logs: CapturedLogs): () => string[] {
  return () => logs.lines.filter((line) => line.level === 'info').map((line) => line.message)
}

function sendHttp(url: string, init: SendInit = {}): Promise<RigAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          const header = (name: string): string | undefined => {
            const value = res.headers[name.toLowerCase()]
            return Array.isArray(value) ? value.join(', ') : value
          }
          const cookies = res.headers['set-cookie'] ?? []
          resolve({
            status: res.statusCode ?? 0,
            header,
            setCookies: cookies,
            bytes,
            text: bytes.toString('utf8'),
          })
        })
      },
    )
    req.on('error', reject)
    req.end(init.body)
  })
}

/** A mock folder per test, removed after it. */
export function tempMockDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-mocks-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Bytes that are not UTF-8 (a PNG signature and a few high bytes). */
export const PNG_BYTES: Buffer = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x80, 0x41,
])

/** The staging look-alike the scenarios record: JSON, a query, text, binary, gzip, secrets, a redirect. */
export interface Backend extends Upstream {
  /** Paths answered 503 while listed. */
  readonly unavailable: Set<string>
}

export async function startBackend(): Promise<Backend> {
  const unavailable = new Set<string>()
  const upstream = await upstreamForTest({ handle: (req, res) => answer(req, res, unavailable) })
  return Object.assign(upstream, { unavailable })
}

function answer(req: IncomingMessage, res: ServerResponse, unavailable: ReadonlySet<string>): void {
  const url = new URL(req.url ?? '/', 'http://backend')
  req.resume()
  if (unavailable.has(url.pathname)) {
    res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' })
    return void res.end('deploying')
  }
  res.setHeader('x-request-id', 'r1')
  switch (url.pathname) {
    case '/api/users/42':
      res.setHeader('set-cookie', ['sid=abc; Domain=backend.example; Path=/; HttpOnly'])
      res.setHeader('x-auth-token', 'secret-token')
      res.setHeader('content-type', 'application/json; charset=utf-8')
      return void res.end(JSON.stringify({ id: 42, name: 'Ada', big: '12345678901234567890' }))
    case '/api/users':
      res.setHeader('content-type', 'application/json')
      return void res.end(JSON.stringify({ page: url.searchParams.get('page'), users: [{ id: 1 }] }))
    case '/api/readme':
      res.setHeader('content-type', 'text/plain; charset=utf-8')
      return void res.end('plain text, é\n')
    case '/api/logo.png':
      res.setHeader('content-type', 'image/png')
      return void res.end(PNG_BYTES)
    case '/api/packed':
      res.setHeader('content-type', 'application/json')
      res.setHeader('content-encoding', 'gzip')
      return void res.end(gzipSync(JSON.stringify({ packed: true })))
    case '/api/ids':
      res.setHeader('content-type', 'application/json')
      return void res.end('{"id":12345678901234567890}')
    case '/api/events':
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      return void res.end('data: one\n\n')
    case '/api/slow':
      return
    default:
      res.writeHead(404, { 'content-type': 'application/json' })
      return void res.end('{"error":"not found"}')
  }
}
