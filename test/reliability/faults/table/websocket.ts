import type { WebSocket } from 'ws'
import { expect } from 'vitest'
import { httpUpstream, wsUpstream } from '../../src/fault-upstream.ts'
import type { Trace } from '../../src/trace.ts'
import type { Closed } from '../../src/ws-client.ts'
import { handshake, whenClosed } from '../../src/ws-client.ts'
import type { Fault, Observation } from '../fault.ts'
import { defineFault } from '../fault.ts'
import { IDLE_TIMEOUT } from './response-body.ts'

/** Opens a WebSocket through the host, or throws with how the handshake ended instead. */
async function open(url: string): Promise<WebSocket> {
  const outcome = await handshake(url)
  if (outcome.kind !== 'open') throw new Error(`the handshake did not open: ${JSON.stringify(outcome)}`)
  return outcome.socket
}

/** Opens a socket, asks the upstream to end it (by sending `end`), and resolves with how it closed. */
async function askUpstreamToEnd(url: string): Promise<Closed> {
  const socket = await open(url)
  const closed = whenClosed(socket)
  socket.send('end')
  return closed
}

/** Opens a socket, waits until the upstream has it, then ends it from the browser's side with `end`. */
async function endFromClient(url: string, trace: Trace, end: (socket: WebSocket) => void): Promise<void> {
  const socket = await open(url)
  await trace.until('upstream:ws-open')
  const closed = whenClosed(socket)
  end(socket)
  await closed
}

/** The browser saw the close the upstream chose (code and reason), and the upstream socket is gone. */
function verifyClosedWith(expected: Closed): (closed: Closed, trace: Trace) => Promise<Observation> {
  return async (closed, trace) => {
    expect(closed).toEqual(expected)
    await trace.until('upstream:ws-closed')
    return { observed: `client closed with ${closed.code}${closed.reason ? ` "${closed.reason}"` : ''}` }
  }
}

/** An open WebSocket ends from either side, or the upstream never answers the handshake. */
export const WEBSOCKET_FAULTS: readonly Fault[] = [
  defineFault({
    id: 'ws-upstream-close',
    name: 'WebSocket: upstream closes (close frame 4000)',
    expected: 'client gets the close with code 4000 and its reason',
    upstream: wsUpstream((ws) => ws.once('message', () => ws.close(4000, 'upstream bye'))),
    client: askUpstreamToEnd,
    verify: verifyClosedWith({ code: 4000, reason: 'upstream bye' }),
  }),
  defineFault({
    id: 'ws-upstream-drop',
    name: 'WebSocket: upstream drops the connection (no close frame)',
    expected: 'client sees the connection close abnormally (1006)',
    upstream: wsUpstream((ws) => ws.once('message', () => ws.terminate())),
    client: askUpstreamToEnd,
    verify: verifyClosedWith({ code: 1006, reason: '' }),
  }),
  defineFault({
    id: 'ws-client-close',
    name: 'WebSocket: client closes (close frame 1000)',
    expected: 'upstream gets the close with code 1000 and its reason',
    upstream: wsUpstream(),
    client: (url, trace) => endFromClient(url, trace, (socket) => socket.close(1000, 'client bye')),
    verify: async (_none, trace) => {
      await trace.until('upstream:ws-closed:1000:client bye')
      return { observed: 'upstream closed with 1000 "client bye"' }
    },
  }),
  defineFault({
    id: 'ws-client-drop',
    name: 'WebSocket: client drops the connection (no close frame)',
    expected: 'upstream sees the connection close abnormally (1006)',
    upstream: wsUpstream(),
    client: (url, trace) => endFromClient(url, trace, (socket) => socket.terminate()),
    verify: async (_none, trace) => {
      await trace.until('upstream:ws-closed:1006:')
      return { observed: 'upstream closed with 1006' }
    },
  }),
  defineFault({
    id: 'ws-no-answer',
    name: 'WebSocket: upstream never answers the upgrade',
    expected: `504 ERR_UPSTREAM_TIMEOUT on the handshake after the route timeout (${IDLE_TIMEOUT} ms); upstream socket closed`,
    timeout: IDLE_TIMEOUT,
    upstream: httpUpstream(
      (_req, res) => {
        res.writeHead(426)
        res.end()
      },
      {
        upgrade: (_req, socket, _head, trace) => {
          trace.note('upstream:upgrade')
          socket.on('error', () => {})
          socket.once('close', () => trace.note('upstream:upgrade-closed'))
          // Reads (and drops) what comes, so the close by the proxy shows; answers nothing, ever. Node's
          // HTTP server allows half-open sockets, so ending our side when the proxy ends its is ours.
          socket.once('end', () => socket.end())
          socket.resume()
        },
      },
    ),
    client: (url) => handshake(url),
    verify: async (outcome, trace) => {
      expect(outcome).toMatchObject({ kind: 'refused', status: 504 })
      const refused = outcome as Extract<typeof outcome, { kind: 'refused' }>
      const { error } = JSON.parse(refused.body) as { error: { code: string } }
      expect(error.code).toBe('ERR_UPSTREAM_TIMEOUT')
      await trace.until('upstream:upgrade-closed')
      return { observed: `handshake answered ${refused.status} ${error.code}; upstream socket closed` }
    },
  }),
]
