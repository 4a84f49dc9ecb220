// 1xx interim answers (RFC 9110 §15.2): a proxy MUST forward those it did not ask for. httpxy drops
// them, so `103 Early Hints` from a backend never reached the browser (found by the fault suite,
// test/reliability). The engine forwards 103 and 102 itself; 100 is Node's own answer on this hop.
import type { IncomingHttpHeaders } from 'node:http'
import { request as httpRequest } from 'node:http'
import { startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { createProxyServer } from '../../src/server/create-proxy-server.ts'
import { listen } from '../../src/server/listen.ts'

interface Exchange {
  readonly interim: { status: number; headers: IncomingHttpHeaders }[]
  readonly status: number
  readonly body: string
}

function get(url: string): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const interim: Exchange['interim'] = []
    const req = httpRequest(url, { agent: false }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ interim, status: res.statusCode ?? 0, body }))
    })
    req.on('information', (info) => interim.push({ status: info.statusCode, headers: info.headers }))
    req.on('error', reject)
    req.end()
  })
}

async function proxyTo(handle: Parameters<typeof startUpstream>[0]) {
  const upstream = await startUpstream(handle)
  onTestFinished(() => upstream.close())
  const resolved = resolveConfig({ routes: { '/api': upstream.url } }, { env: {} })
  const proxy = await listen(createProxyServer(resolved, { logger: { info() {}, warn() {}, error() {} } }))
  onTestFinished(() => proxy.close())
  return proxy
}

describe('1xx interim answers', () => {
  it('forwards 103 Early Hints before the final answer, without hop-by-hop fields', async () => {
    const proxy = await proxyTo({
      handle: (_req, res) => {
        res.writeEarlyHints(
          { link: ['</app.css>; rel=preload; as=style', '</app.js>; rel=preload; as=script'] },
          () => setTimeout(() => res.end('ok'), 20),
        )
      },
    })
    const exchange = await get(`${proxy.url}/api/page`)
    expect(exchange.interim).toHaveLength(1)
    expect(exchange.interim[0]?.status).toBe(103)
    expect(exchange.interim[0]?.headers.link).toBe(
      '</app.css>; rel=preload; as=style, </app.js>; rel=preload; as=script',
    )
    expect(exchange).toMatchObject({ status: 200, body: 'ok' })
  })

  it('forwards 102 Processing, and the final answer still arrives whole', async () => {
    const proxy = await proxyTo({
      handle: (_req, res) => {
        res.writeProcessing()
        setTimeout(() => res.end('done'), 20)
      },
    })
    const exchange = await get(`${proxy.url}/api/slow`)
    expect(exchange.interim.map((item) => item.status)).toEqual([102])
    expect(exchange).toMatchObject({ status: 200, body: 'done' })
  })
})
