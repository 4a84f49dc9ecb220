import { withCorsHeaders } from '../rewrite/cors.ts'
import { toClientHeaders } from '../rewrite/to-client-headers.ts'
import type { HeaderRecord, ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { ForwardPlan, Pipeline } from './types.ts'

/** What the browser gets of the upstream's response head (`planResponse`). */
export interface ResponsePlan {
  readonly status: number
  /** The head the browser gets, replacing the upstream's. */
  readonly headers: HeaderRecord
  /** A `text/event-stream`: quiet for minutes between events by design, so no idle limit applies. */
  readonly eventStream: boolean
}

/** `text/event-stream` (SSE), any case, with or without parameters. */
const EVENT_STREAM = /^\s*text\/event-stream\s*(;|$)/i

/**
 * The response head the browser gets, as the rewrite core decides (hop-by-hop, Set-Cookie, Location,
 * Content-Location, Refresh, route response headers), then, in CORS mode, the proxy's CORS headers in
 * place of the upstream's; and whether the idle clock stops (an event stream).
 */
export function planResponse(
  pipeline: Pipeline,
  plan: ForwardPlan,
  status: number,
  upstream: ReadonlyHeaderRecord,
): ResponsePlan {
  const { match, dev, corsOrigin } = plan
  const rewritten = toClientHeaders(upstream, { match, dev, status })
  const { cors } = pipeline
  const headers =
    cors !== undefined && corsOrigin !== undefined ? withCorsHeaders(rewritten, cors, corsOrigin) : rewritten
  const contentType = upstream['content-type']
  const eventStream = typeof contentType === 'string' && EVENT_STREAM.test(contentType)
  return { status, headers, eventStream }
}
