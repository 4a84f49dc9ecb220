import { NodeRequest, sendNodeResponse } from 'srvx/node'
import { toInternalError } from '../errors/to-internal-error.ts'
import { inspectorFor } from '../inspector/inspector-for.ts'
import type { InspectPlan } from '../pipeline/types.ts'
import type { RequestContext } from './context.ts'

/**
 * Hands a request the pipeline planned as `inspect` to the inspector, as a Web `Request` (srvx's
 * Node request, over HTTP/1.1 and HTTP/2), and sends its `Response` back, streamed (the event
 * stream ends when the browser leaves: the request's `signal`). Never throws.
 */
export function serveInspector(ctx: RequestContext, plan: InspectPlan): void {
  const { req, res } = ctx
  const inspector = inspectorFor(ctx.engine.inspection, ctx.pipeline)
  if (inspector === undefined) throw new Error('serveInspector needs the inspector on')
  const request = new NodeRequest({ req, res }) as unknown as Request
  inspector
    .handle(request, plan, ctx.pipeline)
    .then((response) => sendNodeResponse(res, response))
    .catch((error: unknown) => {
      if (res.headersSent) res.destroy()
      else ctx.fail(toInternalError(error))
    })
}
