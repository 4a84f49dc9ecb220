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
    const once = addReportClient(page)
    expect(once).toContain('<head lang="en"><script src="/__sameorigin/report-client.js"></script><title>')
    expect(addReportClient(once)).toBe(once)
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
