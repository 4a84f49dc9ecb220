import { createError } from '../errors/proxy-error.ts'
import { toInternalError } from '../errors/to-internal-error.ts'
import { planRequest } from '../pipeline/plan-request.ts'
import { resolvePlanHeaders } from '../pipeline/resolve-plan-headers.ts'
import { toErrorAnswer } from '../pipeline/to-error-answer.ts'
import type { ForwardPlan, InspectPlan, Pipeline, RefusePlan } from '../pipeline/types.ts'
import type { ProxyError } from '../errors/proxy-error.ts'
import type { FetchState } from './fetch-state.ts'
import { answerFromMock } from './answer-from-mock.ts'
import { forwardExchange } from './forward-exchange.ts'
import { logFailure } from './log-failure.ts'
import { peekBody } from './peek-body.ts'
import { toHeaderRecord } from './to-header-record.ts'
import { toPipelineRequest } from './to-pipeline-request.ts'
import { inspectorFor } from '../inspector/inspector-for.ts'
import type { ExchangeTrace } from '../inspector/trace-exchange.ts'
import { toErrorResponse, toWebResponse } from './to-web-response.ts'
import type { FetchRequestInfo } from './types.ts'

/**
 * The Fetch transport's request handler: the pipeline decides (`planRequest`), this carries it out —
 * `undefined` for a request that is not ours, the preflight's 204, the error answer of a refusal (one
 * `warn` line), the route's mock in `'always'` mode, or the upstream's streamed answer. Never rejects.
 */
export async function handleFetch(
  state: FetchState,
  request: Request,
  info: FetchRequestInfo | undefined,
): Promise<Response | undefined> {
  if (state.closed) return undefined
  // The config this request is decided with to its end, whatever `update` does meanwhile.
  const { pipeline } = state
  const incoming = toPipelineRequest(request, info)
  let plan
  let trace: ExchangeTrace | undefined
  try {
    plan = planRequest(pipeline, incoming)
    if (plan.kind === 'pass') return undefined
    if (plan.kind === 'inspect') return await serveInspector(state, pipeline, request, plan)
    trace = inspectorFor(state.inspection, pipeline)?.trace(incoming, plan)
    if (plan.kind === 'answer') {
      trace?.respond(plan)
      trace?.end()
      return toWebResponse(null, plan.status, '', plan.headers)
    }
    if (plan.kind === 'refuse') return refuse(state, pipeline, request, incoming.url, plan, trace)
    const { mock } = plan.match.route
    if (mock !== undefined && mock.mode === 'always') {
      const mocked = { request, headers: incoming.headers, url: incoming.url, plan, pipeline, trace }
      const answer = await answerFromMock(state, mocked)
      if (answer instanceof Response) return answer
      const { match, corsOrigin } = plan
      const refusal: RefusePlan = { kind: 'refuse', error: answer, match, corsOrigin }
      return refuse(state, pipeline, request, incoming.url, refusal, trace, true)
    }
    const upload = await readUpload(pipeline, request, plan, info)
    if (upload.plan.kind !== 'forward')
      return refuse(state, pipeline, request, incoming.url, upload.plan, trace)
    // A route whose headers are computed: the body waits unread; a browser that left meanwhile is
    // seen by `forwardExchange` (its signal), before anything is sent.
    if (upload.plan.pendingHeaders !== undefined) {
      const error = await resolvePlanHeaders(upload.plan)
      if (error !== undefined) {
        const { match, corsOrigin } = upload.plan
        const refusal: RefusePlan = { kind: 'refuse', error, match, corsOrigin }
        return refuse(state, pipeline, request, incoming.url, refusal, trace)
      }
    }
    const { source } = upload
    const forward = {
      request,
      headers: incoming.headers,
      url: incoming.url,
      plan: upload.plan,
      pipeline,
      source,
      trace,
    }
    return await forwardExchange(state, forward)
  } catch (error) {
    const refusal: RefusePlan = {
      kind: 'refuse',
      error: toInternalError(error),
      match: plan?.kind === 'forward' ? plan.match : undefined,
      corsOrigin: plan?.kind === 'forward' ? plan.corsOrigin : undefined,
    }
    return refuse(state, pipeline, request, incoming.url, refusal, trace)
  }
}

/** The inspector's answer to a request the pipeline planned as `inspect`. */
async function serveInspector(
  state: FetchState,
  pipeline: Pipeline,
  request: Request,
  plan: InspectPlan,
): Promise<Response> {
  const inspector = inspectorFor(state.inspection, pipeline)
  if (inspector === undefined) throw new Error('serveInspector needs the inspector on')
  return inspector.handle(request, plan, pipeline)
}

/** The refusal's error answer, and its one `warn` line (`mockOnly`: the route's mock answered it). */
function refuse(
  state: FetchState,
  pipeline: Pipeline,
  request: Request,
  url: string,
  plan: RefusePlan,
  trace: ExchangeTrace | undefined,
  mockOnly = false,
): Response {
  const { error, match, corsOrigin } = plan
  logFailure(state, pipeline, { method: request.method, url, match, upgrade: false, mockOnly }, error)
  // The body is not read: cancelling it tells the host to stop receiving it.
  request.body?.cancel().catch(() => {})
  const headers = toHeaderRecord(request.headers)
  const context = { method: request.method, headers, route: match?.route, corsOrigin }
  const answer = toErrorAnswer(pipeline, error, context)
  trace?.fail(answer, error)
  return toErrorResponse(answer)
}

/**
 * The body to send. A body no header declares (`stream` framing without `Transfer-Encoding`) is read
 * up to its first bytes, since an empty one is no body: then the request is planned again without it,
 * so the upstream gets `Content-Length: 0` (or, for GET, nothing) rather than an empty chunked body.
 */
async function readUpload(
  pipeline: Pipeline,
  request: Request,
  plan: ForwardPlan,
  info: FetchRequestInfo | undefined,
): Promise<{ plan: ForwardPlan | RefusePlan; source: ReadableStream<Uint8Array> | null }> {
  const { body } = request
  if (body === null || plan.body.kind !== 'stream' || request.headers.has('transfer-encoding')) {
    return { plan, source: body }
  }
  let source
  try {
    source = await peekBody(body)
  } catch (cause) {
    return { plan: brokenBody(plan, cause), source: null }
  }
  if (source !== null) return { plan, source }
  const again = planRequest(pipeline, toPipelineRequest(request, info, false))
  // The same steps with the same headers decided to forward a moment ago; only the framing changes.
  if (again.kind !== 'forward' && again.kind !== 'refuse')
    throw new Error('a body-less replan changed course')
  return { plan: again, source: null }
}

function brokenBody(plan: ForwardPlan, cause: unknown): RefusePlan {
  const error: ProxyError = createError('ERR_REQUEST_FRAMING_INVALID', {
    message: 'The request body broke off before it began.',
    cause,
  })
  return { kind: 'refuse', error, match: plan.match, corsOrigin: plan.corsOrigin }
}
