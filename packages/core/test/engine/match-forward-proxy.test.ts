import { describe, expect, it } from 'vitest'
import { matchForwardProxy, toDisplayProxy } from '../../src/engine/match-forward-proxy.ts'
import type { ResolvedTarget } from '../../src/types.ts'

function target(href: string): ResolvedTarget {
  const url = new URL(href)
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80)
  return {
    href: url.href,
    protocol: url.protocol as 'http:' | 'https:',
    origin: url.origin,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    host: url.host,
    basePath: url.pathname.replace(/\/$/, ''),
  }
}

const P = 'http://proxy.corp:3128'

describe('matchForwardProxy', () => {
  it.each([
    ['https://api.example.com', { HTTPS_PROXY: P }, P],
    ['https://api.example.com', { https_proxy: P, HTTPS_PROXY: 'http://other:1' }, P],
    ['https://api.example.com', { HTTP_PROXY: P }, undefined],
    ['http://api.example.com', { HTTP_PROXY: P }, P],
    ['http://api.example.com', { HTTP_PROXY: 'proxy.corp:3128' }, P],
    ['https://api.example.com', { HTTPS_PROXY: P, NO_PROXY: '*' }, undefined],
    ['https://api.example.com', { HTTPS_PROXY: P, NO_PROXY: 'example.com' }, undefined],
    ['https://api.example.com', { HTTPS_PROXY: P, NO_PROXY: '.example.com' }, undefined],
    ['https://api.example.com', { HTTPS_PROXY: P, no_proxy: '*.example.com' }, undefined],
    ['https://api.example.com', { HTTPS_PROXY: P, NO_PROXY: 'ample.com' }, P],
    ['https://api.example.com', { HTTPS_PROXY: P, NO_PROXY: 'api.example.com:8443' }, P],
    ['https://api.example.com:8443', { HTTPS_PROXY: P, NO_PROXY: 'api.example.com:8443' }, undefined],
    ['https://10.0.0.5', { HTTPS_PROXY: P, NO_PROXY: '10.0.0.5' }, undefined],
    ['https://[fd00::1]:8443', { HTTPS_PROXY: P, NO_PROXY: '[fd00::1]:8443' }, undefined],
    ['http://localhost:8080', { HTTP_PROXY: P }, undefined],
    ['http://127.0.0.1:8080', { HTTP_PROXY: P }, undefined],
    ['http://[::1]:8080', { HTTP_PROXY: P }, undefined],
    ['http://api.example.com', {}, undefined],
  ] as const)('%s with %o → %s', (href, env, expected) => {
    expect(matchForwardProxy(target(href), env)).toBe(expected)
  })

  it('shows proxies without credentials', () => {
    expect(toDisplayProxy('http://user:pa55@proxy.corp:3128')).toBe('http://proxy.corp:3128')
    expect(toDisplayProxy('not a url')).toBe('(invalid proxy URL)')
  })
})
