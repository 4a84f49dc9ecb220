import { createServer } from 'node:http'
import { once } from 'node:events'
import { resolveConfig } from '@sameorigin/core'
import { describe, expect, it, onTestFinished } from 'vitest'
import { addReportClient } from '../src/add-report-client.ts'
import { findProxyConfigOverlaps } from '../src/find-proxy-config-overlaps.ts'
import { toAllowedHosts } from '../src/to-allowed-hosts.ts'
import { watchListeningServers } from '../src/watch-listening-servers.ts'

describe('addReportClient', () => {
  it('puts the script first in <head>, once', () => {
    const page = '<!doctype html><html><head lang="en"><title>x</title></head><body></body></html>'
    const added = addReportClient(page)
    expect(added).toContain('<head lang="en"><script src="/__sameorigin/report-client.js"></script><title>')
    expect(addReportClient(added)).toBe(added)
  })

  it('leaves a page without <head> as it is', () => {
    expect(addReportClient('<p>hi</p>')).toBe('<p>hi</p>')
  })
})

describe('toAllowedHosts', () => {
  it("is ng serve's allowedHosts plus its host; true stays true; over ssl no check", () => {
    expect(toAllowedHosts({ allowedHosts: ['.example.test'], host: 'dev.local' })).toEqual([
      '.example.test',
      'dev.local',
    ])
    expect(toAllowedHosts({ allowedHosts: true, host: 'localhost' })).toBe(true)
    expect(toAllowedHosts({ allowedHosts: [], ssl: true })).toBe(true)
    expect(toAllowedHosts({})).toEqual([])
  })
})

describe('findProxyConfigOverlaps', () => {
  const resolved = resolveConfig({ routes: { '/api': 'http://127.0.0.1:9' } })

  it('prefix and ^RegExp keys, as Vite matches them', () => {
    const overlaps = findProxyConfigOverlaps(resolved, {
      '/api': {},
      '^/a[pP]i': {},
      '/legacy': {},
    })
    expect(overlaps.map(({ key }) => key)).toEqual(['/api', '^/a[pP]i'])
  })

  it('no proxyConfig, no overlap', () => {
    expect(findProxyConfigOverlaps(resolved, undefined)).toEqual([])
  })
})

describe('watchListeningServers', () => {
  it('finds the server listening on a port, and forgets servers once closed', async () => {
    const servers = watchListeningServers()
    onTestFinished(() => servers.close())
    const server = createServer().listen(0, '127.0.0.1')
    onTestFinished(() => void server.close())
    await once(server, 'listening')
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    expect(servers.find(port)).toBe(server)
    servers.close()
    expect(servers.find(port)).toBeUndefined()
  })
})

describe('withoutHostCors', () => {
  it("takes the host's CORS headers off while the engine decides, and puts them back when it passes", async () => {
    const { withoutHostCors } = await import('../src/without-host-cors.ts')
    const seen: Record<string, unknown>[] = []
    const server = createServer((req, res) => {
      res.setHeader('access-control-allow-origin', 'http://localhost:3000')
      res.setHeader('x-angular', 'kept')
      const engine = withoutHostCors((inner, response, next) => {
        seen.push(response.getHeaders())
        if (inner.url === '/api') response.end('backend')
        else next()
      })
      engine(req, res, () => res.end('angular'))
    }).listen(0, '127.0.0.1')
    onTestFinished(() => void server.close())
    await once(server, 'listening')
    const address = server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
    const api = await fetch(`${base}/api`)
    expect(api.headers.get('access-control-allow-origin')).toBeNull()
    expect(api.headers.get('x-angular')).toBe('kept')
    const page = await fetch(`${base}/page`)
    expect(page.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(seen.every((headers) => !('access-control-allow-origin' in headers))).toBe(true)
  })
})
