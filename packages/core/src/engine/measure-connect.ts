import { performance } from 'node:perf_hooks'
import type { Socket } from 'node:net'
import type { TLSSocket } from 'node:tls'
import type { ExchangeTimings } from '../inspect/types.ts'

/**
 * Measures how long `socket` took to connect and, for TLS, to finish its handshake, in ms, and
 * calls `report` once: `connect: 0` (no TLS) for a pooled socket that already carried a request.
 */
export function measureConnect(
  socket: Socket,
  report: (timings: Pick<ExchangeTimings, 'connect' | 'tls'>) => void,
): void {
  const tls = typeof (socket as TLSSocket).getFinished === 'function' ? (socket as TLSSocket) : undefined
  if (!socket.connecting && (tls === undefined || tls.getFinished() !== undefined))
    return report({ connect: 0, tls: undefined })
  const start = performance.now()
  let connect: number | undefined
  socket.once('connect', () => {
    connect = performance.now() - start
    if (tls === undefined) report({ connect, tls: undefined })
  })
  tls?.once('secureConnect', () => {
    const secured = performance.now() - start
    report({ connect: connect ?? secured, tls: connect === undefined ? undefined : secured - connect })
  })
}
