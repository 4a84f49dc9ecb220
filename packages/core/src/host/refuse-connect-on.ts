import type { EventEmitter } from 'node:events'
import type { IncomingMessage } from 'node:http'
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2'
import type { Duplex } from 'node:stream'
import { refuseConnect } from '../server/refuse-connect.ts'

/** A host's http server as far as CONNECT goes: Node's `http`, `https` and `http2` servers all fit. */
export type ConnectEventTarget = Pick<EventEmitter, 'on' | 'off' | 'listeners'>

type ConnectListener = (
  req: IncomingMessage | Http2ServerRequest,
  socketOrResponse: Duplex | Http2ServerResponse,
) => void

/** Marks the listeners `refuseConnectOn` adds, so several engines on one server answer once. */
const REFUSAL = Symbol('sameorigin.refuseConnect')

/**
 * Adds {@link refuseConnect} to a host's http server (a dev server the adapter mounts on), so a
 * `CONNECT` gets `405` with a short body instead of the dropped socket Node leaves when nobody listens
 * for `connect` (HTTP/1.1 over TCP or TLS; over HTTP/2 the stream, answered through the compatibility
 * response). The host's own `connect` listeners come first: while the server has one that is not
 * ours (a forward proxy in the user's setup, added before or after the adapter mounted), the
 * refusal stays silent and leaves every CONNECT to it. Of several refusals on one server (two
 * engines mounted), only the first answers.
 * @returns what removes the listener (when the adapter unmounts)
 */
export function refuseConnectOn(server: ConnectEventTarget): () => void {
  const listener: ConnectListener & { [REFUSAL]?: true } = (req, socketOrResponse) => {
    const listeners = server.listeners('connect')
    const ours = listeners.filter((candidate) => REFUSAL in candidate)
    if (ours.length !== listeners.length || ours[0] !== listener) return
    refuseConnect(req, socketOrResponse)
  }
  listener[REFUSAL] = true
  server.on('connect', listener)
  return () => void server.off('connect', listener)
}
