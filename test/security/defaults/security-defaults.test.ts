// The security defaults SECURITY.md promises, checked as a user meets them. A development proxy that
// listens on every interface hands the backend session (the cookies, the route's credentials) to
// anyone on the same network; one that verifies no certificate without saying so, or says so on every
// request until nobody reads it, hides a man in the middle. So: the stand-alone server listens on
// loopback only unless told otherwise, and is unreachable on the machine's other addresses; and
// `secure: false` is announced once per route however many requests, in parallel or as WebSocket
// upgrades, use it, never for a route that verifies (on the core server and on the Fetch transport,
// whose Node client sets up its own connections). Beyond core's own tests (one request pair on one
// route): parallel requests, upgrades, several routes, and the machine's own LAN addresses.
import { once } from 'node:events'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import type { Logger } from '@sameorigin/core'
import { createProxyServer, listen, resolveConfig } from '@sameorigin/core'
import { request, startTlsUpstream, TEST_CA } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startDevServer } from '../src/dev-servers.ts'
import { openRaw } from '../src/exchange-raw.ts'
import { recordReliabilityRow } from '@sameorigin/test-utils'

/** A logger that keeps its warnings. */
function warningsLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  return { warnings, info() {}, warn: (message?: unknown) => void warnings.push(String(message)), error() {} }
}

/** Whether a TCP connection to `host:port` is refused (nothing listens there). */
async function isRefused(host: string, port: number): Promise<boolean> {
  const socket = connect(port, host)
  try {
    await once(socket, 'connect')
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED'
  } finally {
    socket.destroy()
  }
}

/** This machine's own non-loopback IPv4 addresses (packets to them never leave the machine). */
function ownAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => (entry as { address: string }).address)
}

describe('security defaults (core-server)', () => {
  it('listens on 127.0.0.1 by default, and on no other address of this machine', async () => {
    const resolved = resolveConfig({ routes: { '/api': 'http://127.0.0.1:9' } }, { env: {} })
    const listening = await listen(createProxyServer(resolved, { logger: warningsLogger() }))
    onTestFinished(() => listening.close())
    const addresses = ownAddresses()
    const reachable: string[] = []
    for (const address of addresses) if (!(await isRefused(address, listening.port))) reachable.push(address)
    const pass = listening.host === '127.0.0.1' && reachable.length === 0
    recordReliabilityRow('hostile', {
      host: 'core-server',
      case: 'defaults: listen() binds loopback only',
      expected: '127.0.0.1; refused on every other address of the machine',
      observed: `${listening.host}; ${addresses.length} other address(es) tried, ${reachable.length} reachable`,
      pass,
      figures: { otherAddresses: addresses.length, reachable: reachable.length },
    })
    expect(listening.host).toBe('127.0.0.1')
    expect(listening.url).toBe(`http://127.0.0.1:${listening.port}`)
    expect(reachable).toEqual([])
  })

  it('listens elsewhere only when told to', async () => {
    const resolved = resolveConfig({ routes: { '/api': 'http://127.0.0.1:9' } }, { env: {} })
    const listening = await listen(createProxyServer(resolved, { logger: warningsLogger() }), {
      host: '0.0.0.0',
    })
    onTestFinished(() => listening.close())
    const answers = !(await isRefused('127.0.0.1', listening.port))
    recordReliabilityRow('hostile', {
      host: 'core-server',
      case: 'defaults: listen({ host }) binds where it is told',
      expected: "host '0.0.0.0' given: listens on 0.0.0.0",
      observed: `${listening.host}; loopback ${answers ? 'answers' : 'refused'}`,
      pass: listening.host === '0.0.0.0' && answers,
    })
    expect(listening.host).toBe('0.0.0.0')
    expect(answers).toBe(true)
  })
})

// The same promise on each host that mounts the engine for requests: the core server, and the Fetch
// transport served by srvx (`createFetchProxy`, the Node upstream client).
describe.each(['core-server', 'fetch-transport'] as const)(
  'security defaults (%s, secure: false)',
  (host) => {
    it('announces `secure: false` once per route, whatever uses it; never for a verifying route', async () => {
      const tls = await startTlsUpstream({ websocket: () => {} })
      onTestFinished(() => tls.close())
      const server = await startDevServer(host, {
        routes: {
          '/a': { target: tls.url, secure: false },
          '/b': { target: tls.url, secure: false },
          '/verified': { target: tls.url, ca: TEST_CA },
        },
      })
      onTestFinished(() => server.close())
      const statuses = await Promise.all(
        ['/a', '/b', '/verified'].flatMap((prefix) =>
          Array.from({ length: 10 }, async (_, i) => (await request(`${server.url}${prefix}/${i}`)).status),
        ),
      )
      // A WebSocket handshake on the same route uses the same unverified connection setup. The Fetch
      // transport takes no upgrades: there the handshake is a plain GET to the same route (the
      // upstream's 200), over a connection set up the same way; `close` ends the exchange there, since
      // the answer to a plain request leaves the connection open for the next one.
      const connection = host === 'fetch-transport' ? 'Upgrade, close' : 'Upgrade'
      const upgrade = openRaw(
        server.port,
        Buffer.from(
          `GET /a/socket HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: ${connection}\r\nUpgrade: websocket\r\n` +
            'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
        ),
      )
      const upgraded = await upgrade.done
      const handshakeStatus = host === 'fetch-transport' ? 200 : 101
      const insecure = server.logs
        .filter((line) => line.level === 'warn' && line.message.includes('`secure: false`'))
        .map((line) => line.message)
      const perRoute = ['/a', '/b', '/verified'].map(
        (id) => insecure.filter((line) => line.includes(`route ${id}:`)).length,
      )
      const pass =
        statuses.every((status) => status === 200) &&
        upgraded.statuses[0] === handshakeStatus &&
        perRoute.join() === '1,1,0'
      recordReliabilityRow('hostile', {
        host,
        case: 'defaults: `secure: false` warns once per route',
        expected: `30 requests in parallel and a handshake (${handshakeStatus}): one warning for /a, one for /b, none for /verified (ca)`,
        observed: `warnings per route /a, /b, /verified: ${perRoute.join(', ')}; handshake ${upgraded.statuses[0] ?? upgraded.end}`,
        pass,
        figures: { requests: statuses.length, warnings: insecure.length },
      })
      expect(statuses.every((status) => status === 200)).toBe(true)
      expect(upgraded.statuses[0]).toBe(handshakeStatus)
      expect(perRoute).toEqual([1, 1, 0])
    })
  },
)
