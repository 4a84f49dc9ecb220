import { MOCK_HEADER } from '../pipeline/mock/plan-mock-answer.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { BodyCapture } from './create-body-capture.ts'
import { findHeader } from './group-headers.ts'
import { toHeaderList } from './to-header-list.ts'
import type {
  BlockedCallEntry,
  CapturedBody,
  ExchangeFailure,
  ExchangeRecord,
  ExchangeTimings,
  HeaderList,
} from './types.ts'

/** What is known when a request arrives (and, once the pipeline planned it, where it goes). */
export interface ExchangeStart {
  readonly method: string
  /** Path and query, as the browser sent them. */
  readonly url: string
  /** As the browser sent them. */
  readonly headers: ReadonlyHeaderRecord
  readonly route?: string | undefined
  readonly upstreamUrl?: string | undefined
  readonly devOrigin?: string | undefined
  readonly cors?: boolean | undefined
}

/** What becomes known later, any part at a time (each given field replaces the record's). */
export interface ExchangeUpdate {
  readonly route?: string
  readonly upstreamUrl?: string
  readonly devOrigin?: string
  readonly cors?: boolean
  /** The headers the upstream receives (`ForwardPlan.headers`, once complete). */
  readonly upstreamRequestHeaders?: ReadonlyHeaderRecord
  /** The status the browser gets. */
  readonly status?: number
  /** The head as the upstream (or the mock) sent it. */
  readonly upstreamResponseHeaders?: ReadonlyHeaderRecord
  /** The head as the browser gets it (`ResponsePlan.headers`): the exchange is then `responding`. */
  readonly clientResponseHeaders?: ReadonlyHeaderRecord
  /** Clocks, merged into the record's. */
  readonly timings?: Partial<ExchangeTimings>
}

/** A call the browser blocked in the page, as its report tells it. */
export interface BlockedStart {
  readonly method: string
  /** The absolute URL the page called. */
  readonly url: string
  /** The page's origin (the dev server's). */
  readonly pageOrigin: string
  /** The route that already forwards to `url`, if one does. */
  readonly route?: string | undefined
  readonly blocked: BlockedCallEntry
}

/** How an exchange ended: cleanly, or with a failure (a `ProxyError` fits). */
export interface ExchangeEnd {
  readonly failure?: ExchangeFailure
  /** Response body bytes the browser got, when the transport counted them without `body`. */
  readonly size?: number
  /** Clocks known at the end (`total` from the transport's own clock), merged into the record's. */
  readonly timings?: Partial<ExchangeTimings>
}

const NO_TIMINGS: ExchangeTimings = {
  connect: undefined,
  tls: undefined,
  firstByte: undefined,
  total: undefined,
}

/** A new record: the request as it arrived, nothing else known yet (`pending`). */
export function startExchangeRecord(id: number, startedAt: number, start: ExchangeStart): ExchangeRecord {
  return {
    id,
    startedAt,
    state: 'pending',
    method: start.method,
    url: start.url,
    route: start.route,
    upstreamUrl: start.upstreamUrl,
    devOrigin: start.devOrigin,
    cors: start.cors ?? false,
    status: undefined,
    duration: undefined,
    size: undefined,
    request: { client: toHeaderList(start.headers), upstream: undefined, body: undefined },
    response: { upstream: undefined, client: undefined, body: undefined },
    timings: NO_TIMINGS,
    failure: undefined,
    mock: undefined,
    blocked: undefined,
  }
}

/** A blocked call's record: final as it is made (state `blocked`), nothing of an exchange known. */
export function blockedExchangeRecord(id: number, at: number, start: BlockedStart): ExchangeRecord {
  return {
    ...startExchangeRecord(id, at, { method: start.method, url: start.url, headers: {} }),
    state: 'blocked',
    route: start.route,
    devOrigin: start.pageOrigin,
    blocked: start.blocked,
  }
}

/** `record` with what `update` gives; the head the browser gets makes it `responding`. */
export function updateExchangeRecord(record: ExchangeRecord, update: ExchangeUpdate): ExchangeRecord {
  const { request, response } = record
  const client =
    update.clientResponseHeaders === undefined ? response.client : toHeaderList(update.clientResponseHeaders)
  return {
    ...record,
    state: update.clientResponseHeaders === undefined ? record.state : 'responding',
    route: update.route ?? record.route,
    upstreamUrl: update.upstreamUrl ?? record.upstreamUrl,
    devOrigin: update.devOrigin ?? record.devOrigin,
    cors: update.cors ?? record.cors,
    status: update.status ?? record.status,
    request: {
      ...request,
      upstream:
        update.upstreamRequestHeaders === undefined
          ? request.upstream
          : toHeaderList(update.upstreamRequestHeaders),
    },
    response: {
      ...response,
      upstream:
        update.upstreamResponseHeaders === undefined
          ? response.upstream
          : toHeaderList(update.upstreamResponseHeaders),
      client,
    },
    timings: update.timings === undefined ? record.timings : { ...record.timings, ...update.timings },
    mock: findHeader(client, MOCK_HEADER) ?? record.mock,
  }
}

/** `record` ended at `endedAt`: state, duration, size, the captured bodies and the total clock. */
export function endExchangeRecord(
  record: ExchangeRecord,
  endedAt: number,
  end: ExchangeEnd,
  request: BodyCapture,
  response: BodyCapture,
): ExchangeRecord {
  const duration = Math.max(0, endedAt - record.startedAt)
  const failure =
    end.failure === undefined
      ? undefined
      : { code: end.failure.code, message: end.failure.message, hint: end.failure.hint }
  return {
    ...record,
    state: failure === undefined ? 'done' : 'failed',
    duration,
    size: end.size ?? response.size,
    failure,
    request: { ...record.request, body: toBody(request, record.request.client) },
    response: { ...record.response, body: toBody(response, record.response.client) },
    timings: {
      ...record.timings,
      ...end.timings,
      total: end.timings?.total ?? record.timings.total ?? duration,
    },
  }
}

function toBody(capture: BodyCapture, headers: HeaderList | undefined): CapturedBody | undefined {
  return capture.size === 0 ? undefined : capture.finish(headers)
}
