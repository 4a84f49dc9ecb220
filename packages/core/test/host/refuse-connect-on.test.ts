import { once } from 'node:events'
import type { IncomingMessage } from 'node:http'
import { createServer } from 'node:http'
import { connect as connectHttp2, createSecureServer } from 'node:http2'
import { connect as connectTcp } from 'node:net'
import type { Duplex } from 'node:stream'
import { TEST_CA, TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { refuseConnectOn } from '../../src/host/refuse-connect-on.ts'
import { listen } from '../../src/server/listen.ts'

const CONNECT = 'CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n'

/** A host's own server: it answers every request 200, and has no `connect` listener of its own. */
async function hostServer(setup: (server: ReturnType<typeof createServer>) => void) {
  const server = createServer((_req, res) => res.end('host'))
  setup(server)
  const listening = await listen(server)
  onTestFinished(() => listening.close())
  return listening
}

/** Sends `text` on a fresh TCP connection and reads until the server closes it. */
async function exchangeText(port: number, text: string): Promise<string> {
  const socket = connectTcp({ port, host: '127.0.0.1' })
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.on('error', () => {})
  socket.write(text)
  await once(socket, 'close')
  return Buffer.concat(chunks).toString('latin1')
}

/** A user's own CONNECT handling, as a forward-proxy setup would add it. */
function ownListener(_req: IncomingMessage, socket: Duplex): void {
  socket.end('HTTP/1.1 200 Connection Established\r\nconnection: close\r\n\r\n')
}

describe("refuseConnectOn: CONNECT on a host's server", () => {
  it('answers 405 with a body where Node would drop the socket', async () => {
    const bare = await hostServer(() => {})
    expect(await exchangeText(bare.port, CONNECT)).toBe('')

    const refused = await hostServer((server) => refuseConnectOn(server))
    const answer = await exchangeText(refused.port, CONNECT)
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(answer).toMatch(/\r\nallow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n/)
    expect(answer).toMatch(
      /\r\n\r\nCONNECT is not supported: sameorigin forwards routes, it opens no tunnels\.\n$/,
    )
  })

  it.each(['before', 'after'] as const)(
    "leaves CONNECT to the host's own listener, added %s the refusal",
    async (order) => {
      const listening = await hostServer((server) => {
        if (order === 'before') server.on('connect', ownListener)
        refuseConnectOn(server)
        if (order === 'after') server.on('connect', ownListener)
      })
      expect(await exchangeText(listening.port, CONNECT)).toBe(
        'HTTP/1.1 200 Connection Established\r\nconnection: close\r\n\r\n',
      )
    },
  )

  it('answers once when two engines mount on one server, and stops when removed', async () => {
    const stops: (() => void)[] = []
    const listening = await hostServer((server) => {
      stops.push(refuseConnectOn(server), refuseConnectOn(server))
    })
    const answer = await exchangeText(listening.port, CONNECT)
    expect(answer.match(/HTTP\/1\.1 405/g)).toHaveLength(1)
    // The first removed, the second answers; both removed, Node drops the socket again.
    stops[0]?.()
    expect(await exchangeText(listening.port, CONNECT)).toMatch(/^HTTP\/1\.1 405 /)
    stops[1]?.()
    expect(await exchangeText(listening.port, CONNECT)).toBe('')
  })

  it('answers an HTTP/2 CONNECT stream with 405 and the body', async () => {
    const server = createSecureServer({ cert: TEST_CERT, key: TEST_KEY, allowHTTP1: true }, (_req, res) =>
      res.end('host'),
    )
    refuseConnectOn(server)
    const listening = await listen(server)
    onTestFinished(() => listening.close())
    const session = connectHttp2(listening.url, { ca: TEST_CA })
    onTestFinished(() => void session.close())
    const stream = session.request({ ':method': 'CONNECT', ':authority': '127.0.0.1:1' }, { endStream: true })
    const [headers] = (await once(stream, 'response')) as [Record<string, unknown>]
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    await once(stream, 'end')
    expect(headers[':status']).toBe(405)
    expect(headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')
    expect(Buffer.concat(chunks).toString()).toMatch(/^CONNECT is not supported/)
  })
})
