/**
 * Exchanges recorded from the real pipeline: `planRequest` decides the upstream headers and
 * `planResponse` the browser's head, so the inspector's explanations are checked against what the
 * rewriters really do, never against a hand-written "after" side.
 */
import { createPipeline } from '../../src/pipeline/create-pipeline.ts'
import type { PipelineOptions } from '../../src/pipeline/create-pipeline.ts'
import { planMockAnswer } from '../../src/pipeline/mock/plan-mock-answer.ts'
import { planRequest, planUpgrade } from '../../src/pipeline/plan-request.ts'
import { planResponse } from '../../src/pipeline/plan-response.ts'
import type { ForwardPlan } from '../../src/pipeline/types.ts'
import type { ReadonlyHeaderRecord } from '../../src/rewrite/types.ts'
import { createExchangeLog } from '../../src/inspect/index.ts'
import type { ExchangeLog, ExchangeRecord } from '../../src/inspect/index.ts'
import type { RouteOptions } from '../../src/types.ts'

export const STAGING = 'https://staging.example.com'

/** One exchange to run: the route, the browser's request and the upstream's answer. */
export interface ExchangeCase {
  readonly route?: Omit<RouteOptions, 'target'>
  readonly target?: string
  readonly method?: string
  readonly url?: string
  /** The browser's headers; `host` defaults to `localhost:5173`. */
  readonly headers?: ReadonlyHeaderRecord
  readonly encrypted?: boolean
  readonly clientAddress?: string
  readonly status?: number
  readonly upstream?: ReadonlyHeaderRecord
  readonly options?: PipelineOptions
  /** A mock answers instead of the upstream (its file name). */
  readonly mock?: string
  /** Bodies that pass, each way. */
  readonly requestBody?: Uint8Array
  readonly responseBody?: Uint8Array
  /** A WebSocket handshake, planned by `planUpgrade`. */
  readonly upgrade?: boolean
}

const silent = { info() {}, warn() {}, error() {} }

/** The forward plan the real pipeline makes for `input`'s request. */
export function planExchange(input: ExchangeCase): {
  plan: ForwardPlan
  pipeline: ReturnType<typeof createPipeline>
} {
  const pipeline = createPipeline(
    { routes: { '/api': { target: input.target ?? `${STAGING}/v1`, ...input.route } }, logLevel: 'silent' },
    { logger: silent, ...input.options },
    'test',
  )
  const plan = (input.upgrade === true ? planUpgrade : planRequest)(pipeline, {
    method: input.method ?? 'GET',
    url: input.url ?? '/api/session',
    headers: { host: 'localhost:5173', ...input.headers },
    repeatedHost: false,
    encrypted: input.encrypted ?? false,
    clientAddress: input.clientAddress ?? '127.0.0.1',
    undeclaredBody: false,
  })
  if (plan.kind !== 'forward') throw new Error(`the pipeline did not forward: ${plan.kind}`)
  return { plan, pipeline }
}

/** Records `input` as a transport would: start, the plan, the upstream's head, the browser's head, end. */
export function recordExchange(input: ExchangeCase, log: ExchangeLog = createExchangeLog()): ExchangeRecord {
  const { plan, pipeline } = planExchange(input)
  const method = input.method ?? 'GET'
  const { id } = log.start({
    method,
    url: input.url ?? '/api/session',
    headers: { host: 'localhost:5173', ...input.headers },
  })
  log.update(id, {
    route: plan.match.route.id,
    upstreamUrl: plan.match.upstreamUrl,
    devOrigin: plan.dev.origin,
    cors: plan.corsOrigin !== undefined,
    upstreamRequestHeaders: plan.headers,
  })
  if (input.requestBody !== undefined) log.body(id, 'request', input.requestBody)
  const status = input.status ?? 200
  const upstream = input.upstream ?? {}
  const head =
    input.mock === undefined
      ? planResponse(pipeline, plan, status, upstream)
      : planMockAnswer(pipeline, plan, method, {
          status,
          headers: upstream,
          body: input.responseBody ?? new Uint8Array(),
          source: input.mock,
        })
  log.update(id, { status, upstreamResponseHeaders: upstream, clientResponseHeaders: head.headers })
  if (input.responseBody !== undefined) log.body(id, 'response', input.responseBody)
  const record = log.end(id)
  if (record === undefined) throw new Error('the record left the log')
  return record
}
