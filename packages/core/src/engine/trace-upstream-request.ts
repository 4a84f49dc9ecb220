import type { ClientRequest } from 'node:http'
import type { Readable } from 'node:stream'
import type { ExchangeTrace } from '../inspector/trace-exchange.ts'
import { measureConnect } from './measure-connect.ts'

/**
 * Records what went upstream, from httpxy's `proxyReq` event: the headers as sent, the body as it is
 * piped (`source`: the request, or its HTTP/2 body guard; listened to in the same tick as httpxy's
 * pipe, so no chunk is missed) and the connection's clocks.
 */
export function traceUpstreamRequest(trace: ExchangeTrace, proxyReq: ClientRequest, source: Readable): void {
  trace.forward(proxyReq.getHeaders() as Record<string, string | string[]>)
  source.on('data', (chunk: Uint8Array) => trace.body('request', chunk))
  if (proxyReq.socket !== null) measureConnect(proxyReq.socket, trace.connected)
}
