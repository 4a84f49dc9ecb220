import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { hasIpv6Loopback, listen, TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { toServerUrl } from '../src/to-server-url.ts'

const IPV6 = await hasIpv6Loopback()

async function listening(server: Server, host: '127.0.0.1' | '::1' = '127.0.0.1'): Promise<number> {
  const { port, close } = await listen(server, host)
  onTestFinished(close)
  return port
}

describe('toServerUrl', () => {
  it("names the server as the dev server's Loopback line does: the host option when it is a name", async () => {
    const server = createServer()
    const port = await listening(server)
    expect(toServerUrl(server, '127.0.0.1')).toBe(`http://127.0.0.1:${port}/`)
    expect(toServerUrl(server, 'localhost')).toBe(`http://localhost:${port}/`)
    expect(toServerUrl(server, 'local-ipv4')).toBe(`http://127.0.0.1:${port}/`)
    expect(toServerUrl(server, undefined)).toBe(`http://127.0.0.1:${port}/`)
  })

  it('says https for a TLS server', async () => {
    const server = createTlsServer({ cert: TEST_CERT, key: TEST_KEY })
    const port = await listening(server)
    expect(toServerUrl(server, 'localhost')).toBe(`https://localhost:${port}/`)
  })

  it.runIf(IPV6)('puts an IPv6 address in brackets', async () => {
    const server = createServer()
    const port = await listening(server, '::1')
    expect(toServerUrl(server, '::1')).toBe(`http://[::1]:${port}/`)
  })

  it('is undefined before the server listens', () => {
    expect(toServerUrl(createServer(), 'localhost')).toBeUndefined()
  })
})
