// Local Network Access (https://wicg.github.io/local-network-access/), mixed content
// (https://w3c.github.io/webappsec-mixed-content/) and secure contexts.
import { describe, expect, it } from 'vitest'
import { checkLocalNetwork } from '../../src/doctor/check-local-network.ts'
import type { LocalNetworkFacts } from '../../src/doctor/check-local-network.ts'
import { checkMixedContent } from '../../src/doctor/check-mixed-content.ts'
import { isPotentiallyTrustworthy } from '../../src/doctor/is-potentially-trustworthy.ts'
import { resolvePageSpace } from '../../src/doctor/resolve-page-space.ts'
import { toAddressSpace } from '../../src/doctor/to-address-space.ts'

describe('toAddressSpace', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.10.20.30', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'local'],
    ['172.16.0.1', 'local'],
    ['172.31.255.255', 'local'],
    ['192.168.1.20', 'local'],
    ['169.254.169.254', 'local'],
    ['fd00::1', 'local'],
    ['fe80::1', 'local'],
    ['::ffff:192.168.0.1', 'local'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2001:db8::1', 'public'],
    ['ff02::1', 'public'],
  ])('%s → %s', (address, expected) => {
    expect(toAddressSpace(address)).toBe(expected)
  })
})

describe('isPotentiallyTrustworthy', () => {
  it.each([
    ['https://app.example.com', true],
    ['http://localhost:5173', true],
    ['http://app.localhost:5173', true],
    ['http://127.0.0.1:5173', true],
    ['http://[::1]:5173', true],
    ['http://192.168.1.5:5173', false],
    ['http://app.example.com', false],
  ])('%s → %s', (url, expected) => {
    expect(isPotentiallyTrustworthy(new URL(url))).toBe(expected)
  })
})

const facts = (overrides: Partial<LocalNetworkFacts>): LocalNetworkFacts => ({
  pageOrigin: 'https://app.example.com',
  pageSpace: 'public',
  pageSpaceAssumed: false,
  pageSecure: true,
  targetUrl: 'http://127.0.0.1:8080',
  targetAddress: '127.0.0.1',
  targetSpace: 'loopback',
  ...overrides,
})
describe('checkLocalNetwork', () => {
  it.each<[Partial<LocalNetworkFacts>, string[]]>([
    // A loopback page (the usual dev server) is never gated.
    [{ pageSpace: 'loopback', pageOrigin: 'http://localhost:5173' }, []],
    [{ pageSpace: 'loopback', targetSpace: 'public' }, []],
    [{ pageSpace: 'local', targetSpace: 'local' }, []],
    [{ targetSpace: 'public' }, []],
    // Up the ladder: a prompt from a secure page, a block from an insecure one.
    [{}, ['warn:local-network-permission']],
    [{ targetSpace: 'local' }, ['warn:local-network-permission']],
    [{ pageSpace: 'local', targetSpace: 'loopback' }, ['warn:local-network-permission']],
    [{ pageSecure: false }, ['block:local-network-insecure']],
  ])('%j → %j', (overrides, expected) => {
    expect(checkLocalNetwork(facts(overrides)).map((reason) => `${reason.severity}:${reason.code}`)).toEqual(
      expected,
    )
  })
})

describe('resolvePageSpace', () => {
  it.each([
    ['http://localhost:5173', 'loopback', true],
    ['http://app.localhost:5173', 'loopback', true],
    ['http://127.0.0.1:5173', 'loopback', true],
    ['http://192.168.1.5:5173', 'local', false],
    ['http://printer.local', 'local', false],
  ])('%s → %s (secure context: %s)', async (origin, space, secure) => {
    expect(await resolvePageSpace(origin, 5000)).toEqual({ space, assumed: false, secure })
  })

  it('takes a host that does not resolve here as public, and says so', async () => {
    // .test never resolves (RFC 6761).
    expect(await resolvePageSpace('https://app.sameorigin.test', 5000)).toEqual({
      space: 'public',
      assumed: true,
      secure: true,
    })
  })
})

describe('checkMixedContent', () => {
  it.each([
    ['https://localhost:5173', 'http://api.example.com/x', ['mixed-content']],
    ['https://localhost:5173', 'http://127.0.0.1:8080/x', []],
    ['https://localhost:5173', 'http://localhost:8080/x', []],
    ['https://localhost:5173', 'https://api.example.com/x', []],
    ['http://localhost:5173', 'http://api.example.com/x', []],
  ])('%s → %s: %j', (page, url, expected) => {
    expect(checkMixedContent(page, url).map((reason) => reason.code)).toEqual(expected)
  })
})
