import { describe, expect, it } from 'vitest'
import { toDevOrigin } from '../../src/rewrite/index.ts'
import type { ReadonlyHeaderRecord } from '../../src/rewrite/index.ts'

describe('toDevOrigin', () => {
  it.each<[ReadonlyHeaderRecord, boolean, string, string, number, string]>([
    [{ host: 'localhost:5173' }, false, 'localhost:5173', 'localhost', 5173, 'http://localhost:5173'],
    [{ host: 'localhost:5173' }, true, 'localhost:5173', 'localhost', 5173, 'https://localhost:5173'],
    [{ host: 'LocalHost:5173' }, false, 'localhost:5173', 'localhost', 5173, 'http://localhost:5173'],
    [{ host: 'app.test' }, false, 'app.test', 'app.test', 80, 'http://app.test'],
    [{ host: 'app.test' }, true, 'app.test', 'app.test', 443, 'https://app.test'],
    [{ host: 'app.test:80' }, false, 'app.test:80', 'app.test', 80, 'http://app.test'],
    [{ host: 'app.test:443' }, true, 'app.test:443', 'app.test', 443, 'https://app.test'],
    [{ host: 'app.test:443' }, false, 'app.test:443', 'app.test', 443, 'http://app.test:443'],
    [{ host: '127.0.0.1:3000' }, false, '127.0.0.1:3000', '127.0.0.1', 3000, 'http://127.0.0.1:3000'],
    [{ host: '[::1]:5173' }, false, '[::1]:5173', '[::1]', 5173, 'http://[::1]:5173'],
    [{ ':authority': 'localhost:5173' }, true, 'localhost:5173', 'localhost', 5173, 'https://localhost:5173'],
    [{ host: 'my_app.local' }, false, 'my_app.local', 'my_app.local', 80, 'http://my_app.local'],
    [
      { host: 'app.1password.test' },
      false,
      'app.1password.test',
      'app.1password.test',
      80,
      'http://app.1password.test',
    ],
    [
      { host: '192.168.1.20:3000' },
      false,
      '192.168.1.20:3000',
      '192.168.1.20',
      3000,
      'http://192.168.1.20:3000',
    ],
    [
      { host: 'xn--bcher-kva.test' },
      false,
      'xn--bcher-kva.test',
      'xn--bcher-kva.test',
      80,
      'http://xn--bcher-kva.test',
    ],
  ])('%o (tls %s) → %s', (headers, encrypted, host, hostname, port, origin) => {
    expect(toDevOrigin(headers, encrypted)).toEqual({
      protocol: encrypted ? 'https:' : 'http:',
      host,
      hostname,
      port,
      origin,
    })
  })

  it.each<[string, ReadonlyHeaderRecord]>([
    ['no Host', {}],
    ['an empty Host', { host: '' }],
    ['two Hosts', { host: ['a', 'b'] }],
    ['userinfo', { host: 'user@localhost' }],
    ['a path', { host: 'localhost/x' }],
    ['a space', { host: 'local host' }],
    ['a port above 65535', { host: 'localhost:70000' }],
    ['an empty port', { host: 'localhost:' }],
    ['a non-numeric port', { host: 'localhost:http' }],
    ['a percent-escape', { host: 'local%68ost' }],
    ['a shortened IPv4 address', { host: '127.1:5173' }],
    ['a hexadecimal IPv4 address', { host: '0x7f.0.0.1' }],
    ['a name ending in a number', { host: 'app.123' }],
    ['an uncompressed IPv6 address', { host: '[0:0::1]' }],
    ['a malformed IPv6 address', { host: '[:::]' }],
    ['invalid punycode', { host: 'xn--a.test' }],
    [
      'X-Forwarded-Host only (never trusted)',
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    ],
  ])('refuses %s', (_title, headers) => {
    expect(toDevOrigin(headers, false)).toBeUndefined()
  })

  it('ignores X-Forwarded-* and Forwarded beside a Host', () => {
    const dev = toDevOrigin(
      {
        host: 'localhost:5173',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.example',
        forwarded: 'host=evil',
      },
      false,
    )
    expect(dev?.origin).toBe('http://localhost:5173')
  })
})
