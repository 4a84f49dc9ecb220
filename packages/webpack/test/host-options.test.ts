import { describe, expect, it } from 'vitest'
import { toAllowedHosts, toHmrPaths } from '../src/host-options.ts'

describe('toHmrPaths', () => {
  it.each([
    { why: 'the default socket', options: {}, paths: ['/ws'] },
    {
      why: 'normalised default',
      options: { webSocketServer: { type: 'ws', options: { path: '/ws' } } },
      paths: ['/ws'],
    },
    { why: 'a custom path', options: { webSocketServer: { options: { path: '/hmr' } } }, paths: ['/hmr'] },
    { why: 'no socket', options: { webSocketServer: false }, paths: [] },
    {
      why: "the client's URL behind a reverse proxy",
      options: { client: { webSocketURL: 'wss://dev.example.test/app/ws' } },
      paths: ['/ws', '/app/ws'],
    },
    {
      why: 'client URL as an object',
      options: { client: { webSocketURL: { pathname: '/live' } } },
      paths: ['/ws', '/live'],
    },
  ])('$why', ({ options, paths }) => {
    expect(toHmrPaths(options)).toEqual(paths)
  })
})

describe('toAllowedHosts', () => {
  it.each([
    { why: "'all' allows any host", options: { allowedHosts: 'all' }, hosts: true },
    { why: "'all' inside a list", options: { allowedHosts: ['all', 'x.test'] }, hosts: true },
    {
      why: "'auto' (the default) adds the host option",
      options: { host: 'dev.local' },
      hosts: ['dev.local'],
    },
    { why: "'auto' with no host", options: { allowedHosts: 'auto' }, hosts: [] },
    {
      why: "'auto' adds the client's socket hostname",
      options: { allowedHosts: 'auto', client: { webSocketURL: 'ws://tunnel.example.test:443/ws' } },
      hosts: ['tunnel.example.test'],
    },
    {
      why: 'a list is used as written',
      options: { allowedHosts: ['.example.test', 'a.local'] },
      hosts: ['.example.test', 'a.local'],
    },
    { why: 'one name', options: { allowedHosts: 'a.local' }, hosts: ['a.local'] },
  ] as const)('$why', ({ options, hosts }) => {
    expect(toAllowedHosts(options as Record<string, unknown>)).toEqual(hosts)
  })
})
