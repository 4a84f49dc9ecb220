import type { IncomingMessage } from 'node:http'
import type { RequestContext } from '../context.ts'
import { handleMockResponse } from './handle-mock-response.ts'
import { rewriteResponseHeaders } from './rewrite-response-headers.ts'
import { watchResponseBody } from './watch-response-body.ts'

/** One step of the Node transport on the upstream's response head, before httpxy copies it. */
export type ResponsePass = (ctx: RequestContext, proxyRes: IncomingMessage) => void

/**
 * The order of the upstream's response head (httpxy's `proxyRes` event). What is decided per request
 * is the pipeline's (`pipeline/steps/index.ts`); these passes carry out what needs the socket.
 */
export const responsePasses: readonly ResponsePass[] = [
  rewriteResponseHeaders,
  watchResponseBody,
  handleMockResponse,
]
