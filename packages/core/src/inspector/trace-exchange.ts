import type { ExchangeLog, ExchangeUpdate } from '../inspect/create-exchange-log.ts'
import type { ExchangeFailure, ExchangeTimings } from '../inspect/types.ts'
import type { AnswerPlan, ForwardPlan, PipelineRequest, RefusePlan } from '../pipeline/types.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'

/** A response head as one side of the proxy saw it. */
export interface TracedHead {
  readonly status: number
  readonly headers: ReadonlyHeaderRecord
}

/**
 * One exchange being recorded for the inspector. Every transport calls the same steps with the
 * pipeline's own objects, so what is recorded (and how it is read) is decided here once; a transport
 * only says when each thing happened.
 */
export interface ExchangeTrace {
  /** The headers as they went upstream (the plan's, complete, as the transport sent them). */
  forward(headers: ReadonlyHeaderRecord): void
  /** The upstream connection's clocks, in ms: `connect` (0 when pooled) and the TLS handshake. */
  connected(timings: Pick<ExchangeTimings, 'connect' | 'tls'>): void
  /**
   * The answer's head: as the upstream (or the mock) sent it, when anything did, and as the browser
   * gets it. The first call stops the first-byte clock.
   */
  respond(client: TracedHead, upstream?: TracedHead): void
  /** A chunk of the request's or the response's body, as it passes. */
  body(side: 'request' | 'response', chunk: Uint8Array): void
  /** The end: cleanly, or by `failure` (a `ProxyError` fits). Later calls change nothing. */
  end(failure?: ExchangeFailure): void
  /** The end by `failure`, answered with the proxy's error answer (`toErrorAnswer`): head, body, end. */
  fail(answer: TracedHead & { readonly body: string | undefined }, failure: ExchangeFailure): void
}

/** What an exchange ended by when the browser left first: not the upstream's failure. */
export const CLIENT_LEFT: ExchangeFailure = Object.freeze({
  code: 'CLIENT_CLOSED',
  message: 'The browser closed the exchange before the answer ended (a closed tab, an abort, a reload).',
  hint: 'Nothing to fix in the proxy: the answer had no one left to go to.',
})

/**
 * Starts recording `request` in `log`, with what `plan` already knows (the route, where it goes,
 * the browser's origin, CORS mode). `clock` is in ms (`performance.now`).
 * @example
 * const trace = traceExchange(log, request, plan, () => performance.now())
 * trace.respond({ status: 200, headers: answer.headers }, { status: 200, headers: upstream.headers })
 * trace.end()
 */
export function traceExchange(
  log: ExchangeLog,
  request: PipelineRequest,
  plan: ForwardPlan | RefusePlan | AnswerPlan,
  clock: () => number,
): ExchangeTrace {
  const started = clock()
  const match = plan.kind === 'answer' ? undefined : plan.match
  const { id } = log.start({
    method: request.method,
    url: request.url,
    headers: request.headers,
    route: match?.route.id,
    upstreamUrl: match?.upstreamUrl,
    devOrigin: plan.kind === 'forward' ? plan.dev.origin : undefined,
    cors: plan.kind === 'answer' || plan.corsOrigin !== undefined,
  })
  // What went upstream is kept here until the answer's head, and goes into the log with it: one
  // new record per exchange instead of one per step (the log never mutates a record).
  let upstreamRequestHeaders: ReadonlyHeaderRecord | undefined
  let connection: Partial<ExchangeTimings> | undefined
  let responded = false
  const flush = (): ExchangeUpdate => ({ upstreamRequestHeaders, timings: connection })
  const respond: ExchangeTrace['respond'] = (client, upstream) => {
    const firstByte = responded ? undefined : clock() - started
    responded = true
    const update = flush()
    log.update(id, {
      ...update,
      status: client.status,
      clientResponseHeaders: client.headers,
      upstreamResponseHeaders: upstream?.headers,
      timings: firstByte === undefined ? update.timings : { ...update.timings, firstByte },
    })
  }
  const end: ExchangeTrace['end'] = (failure) => {
    // Ended before any answer (a refused connection): what went upstream is still worth showing.
    if (!responded && (upstreamRequestHeaders !== undefined || connection !== undefined))
      log.update(id, flush())
    log.end(id, { failure, timings: { total: clock() - started } })
  }
  return {
    forward(headers) {
      upstreamRequestHeaders = headers
    },
    connected(timings) {
      connection = timings
    },
    respond,
    body: (side, chunk) => log.body(id, side, chunk),
    end,
    fail(answer, failure) {
      respond(answer)
      if (answer.body !== undefined) log.body(id, 'response', new TextEncoder().encode(answer.body))
      end(failure)
    },
  }
}
