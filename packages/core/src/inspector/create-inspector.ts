import { createExchangeLog } from '../inspect/create-exchange-log.ts'
import type { ExchangeLog } from '../inspect/create-exchange-log.ts'
import type {
  AnswerPlan,
  ForwardPlan,
  InspectPlan,
  Pipeline,
  PipelineRequest,
  RefusePlan,
} from '../pipeline/types.ts'
import { createReportHandler } from '../report/create-report-handler.ts'
import type { Diagnose } from '../report/diagnose-blocked-call.ts'
import type { Logger } from '../types.ts'
import { createInspectorHandler } from './create-inspector-handler.ts'
import type { InspectorHandlerOptions } from './create-inspector-handler.ts'
import { REPORT_CLIENT_PATH } from './paths.ts'
import { respondAsset, respondError } from './respond.ts'
import { toBlockedStart } from './to-blocked-start.ts'
import { traceExchange } from './trace-exchange.ts'
import type { ExchangeTrace } from './trace-exchange.ts'

/** What a transport's entry can read: the page's files, the doctor, the report client's source. */
export interface InspectorHooks {
  /** The page's files (`readInspectorAsset` on Node); without it the page answers 404. */
  readonly assets?: InspectorHandlerOptions['assets']
  /** The doctor's checks (`diagnoseBlockedRequest`); without it reports of blocked calls get 404. */
  readonly diagnose?: Diagnose
  /** The report client's source, served at `/__sameorigin/report-client.js`. */
  readonly reportClient?: () => Promise<string>
}

/** One proxy's inspector: its log, its answers under `/__sameorigin/`, and a trace per exchange. */
export interface Inspector {
  readonly log: ExchangeLog
  /** Answers a request the pipeline planned as `inspect`, with the pipeline it was decided with. */
  handle(request: Request, plan: InspectPlan, pipeline: Pipeline): Promise<Response>
  /** Starts recording one exchange the pipeline planned (forwarded, refused or answered). */
  trace(request: PipelineRequest, plan: ForwardPlan | RefusePlan | AnswerPlan): ExchangeTrace
  /** Stops the checks of reported calls in flight. */
  close(): Promise<void>
}

/**
 * The inspector of one proxy, transport-neutral (no `node:` module): the log is sized by the first
 * pipeline's `inspector` settings and kept for the proxy's life (a reload keeps the history; new
 * sizes apply from the next start). The report handler decides with the routes and logger of the
 * pipeline each report arrives under, so live reload reaches it; each block it prints is also an
 * entry of the log (state `blocked`), so the page shows it beside the exchanges.
 */
export function createInspector(
  first: Pipeline,
  hooks: InspectorHooks,
  clock: () => number = () => performance.now(),
): Inspector {
  const { capacity, bodyLimit } = first.inspector ?? {}
  const log = createExchangeLog({ capacity, bodyLimit })
  let current = first
  const logger: Logger = {
    info: (message) => current.log.info(message),
    warn: (message) => current.log.warn(message),
    error: (message) => current.log.error(message),
  }
  const page = createInspectorHandler(log, { assets: hooks.assets })
  const { diagnose } = hooks
  const report =
    diagnose === undefined
      ? undefined
      : createReportHandler({
          routes: () => current.config.routes,
          logger,
          diagnose,
          configFile: () => current.config.configFile,
          onReport: (call, diagnosis, text) =>
            log.addBlocked(toBlockedStart(call, diagnosis, text, current.config.routes)),
        })
  return {
    log,
    async handle(request, plan, pipeline) {
      current = pipeline
      const { origin, pathname } = new URL(request.url)
      if (origin !== plan.origin)
        return respondError(400, `The request names ${origin}, not this server (${plan.origin}).`)
      if (pathname === REPORT_CLIENT_PATH) return serveClient(request, hooks)
      const answer = (await report?.(request)) ?? (await page(request))
      return answer ?? respondError(404, `${pathname} is not the inspector's.`)
    },
    trace: (request, plan) => traceExchange(log, request, plan, clock),
    close: async () => report?.close(),
  }
}

async function serveClient(request: Request, hooks: InspectorHooks): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return respondError(405, 'Use GET here.', { allow: 'GET' })
  const source = await hooks.reportClient?.()
  if (source === undefined) return respondError(404, 'This server has no report client.')
  return respondAsset(new TextEncoder().encode(source), 'text/javascript; charset=utf-8')
}
